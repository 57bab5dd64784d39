import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import type { Locator, Page } from 'playwright-core';
import { measureWebSize } from '../bench/web-size.js';
import { createPublished, opportunityInput, SEARCH_CATCH_UP_MS, untilSearchable } from './support/catalogue-fixtures.js';
import { verifiedJws } from './support/receipts.js';
import { dataOf } from './support/registry-fixtures.js';
import { clipboard, focused, overflow, printed, settled, SIZES, stubPrint, text, typeQuery, useWebApp, visible } from './support/web-app-harness.js';
import { accessibilityProblems, SAMPLE_SEAL, soon } from './support/web-fixtures.js';

/**
 * The web app's trust pages in a real browser (Debian's Chromium, driven by playwright-core)
 * against the real api on real PostgreSQL and Meilisearch, with the demo registry and a few courses
 * under demo providers (`useWebApp`): verifying an issuer or a credential, why a provider is or is
 * not accredited, finished courses, the shortlist's facts, copy and print, provider pages, content
 * languages, and the first-load budget. Every page is checked with axe-core (WCAG 2.1 A and AA: no
 * serious or critical violation) and photographed into the folder printed at the start. The search
 * itself is in web-app-search.e2e-spec.ts.
 */
describe('web app in a browser: verification, providers, accreditation, print', () => {
  const web = useWebApp();
  const { open, screenshot, titleLink, card } = web;

  it('verifies an issuer from a certificate file and offers the signed receipt', async () => {
    const page = await open('/verify?lang=en');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Certificate file').setInputFiles(SAMPLE_SEAL.file);
    await visible(page.getByText('Read eu-sample-seal-organizacion-test-2023.pem.'));
    await page.getByLabel('Date', { exact: true }).fill(SAMPLE_SEAL.sealedOn);
    await page.getByLabel('EQF level').selectOption('6');
    await page.getByRole('button', { name: 'Check', exact: true }).click();

    const result = page.locator('section.verify-result');
    await visible(result);
    await focused(result.getByRole('heading', { name: 'Answer' }));
    expect(await text(result.locator('.verdict-word'))).toBe('✓ Trusted');
    const answer = await text(result);
    expect(answer).toContain('ORGANIZACION TEST (VATES-A00000000) was trusted on Sep 27, 2023');
    expect(answer).toContain('Asked for: Level 6');
    expect(await text(result.locator('ul.accreditations'))).toContain('Institutional audit: ORGANIZACION TEST');
    expect(await text(result.locator('ul.accreditations'))).toContain('Agencia para la Calidad de la Formación (demo)');
    expect(answer).toContain('c858624a53802dca996625b4f987c372d55c0979bde9b513b63e7137aa6abf04');
    await screenshot(page, '09-verify-trusted');
    expect(await accessibilityProblems(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download signed receipt' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tessera-receipt-\d{4}-\d{2}-\d{2}-\d+\.jws$/);
    const receipt = readFileSync((await download.path())!, 'utf8');
    const { keys } = (await (await fetch(`${web.app.url}/trust/v1/keys`)).json()) as { keys: JWK[] };
    expect((await verifiedJws(receipt, keys))?.payload).toMatchObject({ status: 'TRUSTED', trusted: true });
  });

  it('verifies a demo provider today from the sealing certificate its course page offers', async () => {
    const page = await open(`/courses/${web.courses.welding}?lang=en`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download certificate (PEM)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^[0-9a-f]{16}\.pem$/);
    await page.getByRole('link', { name: 'Verify an issuer' }).click();
    await page.getByLabel('Certificate file').setInputFiles((await download.path())!);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = page.locator('section.verify-result');
    await visible(result);
    expect(await text(result.locator('.verdict-word'))).toBe('✓ Trusted');
    expect(await text(result)).toContain('Bremen Vocational College');
    expect(await text(result.locator('[data-code="REVIEW_OVERDUE"]'))).toMatch(/^The accreditation’s review date had passed/);
  });

  it('explains in sentences why an issuer was not trusted, from a binary DER certificate', async () => {
    const page = await open('/verify?lang=en');
    const der = Buffer.from(readFileSync(SAMPLE_SEAL.file, 'utf8').replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64');
    await page.getByLabel('Certificate file').setInputFiles({ name: 'seal.der', mimeType: 'application/pkix-cert', buffer: der });
    await visible(page.getByText('Read seal.der (binary DER, converted to PEM).'));
    await page.getByLabel('Date', { exact: true }).fill('2021-01-15');
    await page.getByRole('button', { name: 'Check', exact: true }).click();

    const result = page.locator('section.verify-result');
    await visible(result);
    expect(await text(result.locator('.verdict-word'))).toBe('✗ Not trusted');
    expect(await text(result.locator('[data-code="CERTIFICATE_NOT_YET_VALID"]'))).toBe('The certificate was not yet valid at that time. CERTIFICATE_NOT_YET_VALID');
    expect(await text(result.locator('[data-code="ACCREDITATION_NOT_YET_VALID"]'))).toBe('The accreditation had not yet come into force at that time. ACCREDITATION_NOT_YET_VALID');
    expect(await text(result.locator('h3 + p').first())).toBe('None.');
    await screenshot(page, '10-verify-not-trusted');
  });

  it('checks a credential file picked or dropped, in plain words, and offers its signed receipt', async () => {
    const file = '../shared/vectors/credentials/eu-certofpart-signed.jsonld';
    const page = await open('/verify?lang=en');
    await page.getByLabel('Credential file').setInputFiles(file);
    const result = page.locator('section.credential-result');
    await visible(result);
    await focused(result.getByRole('heading', { name: 'Result' }));
    expect(await text(result.locator('.verdict-word'))).toBe('✓ Verified');
    const answer = await text(result);
    expect(answer).toContain('The seal is intact, and ORGANIZACION TEST (VATES-A00000000) was accredited for this credential when it sealed it (Sep 27, 2023');
    const facts = async (list: Locator) => {
      const values = await list.locator('dd').allTextContents();
      return (await list.locator('dt').allTextContents()).map((term, i) => `${term}: ${values[i]}`);
    };
    expect(await facts(result.locator('dl.seal'))).toEqual(expect.arrayContaining(['Seal: Intact: nothing was changed since it was sealed', 'Qualified electronic seal: Yes']));
    expect(await text(result.locator('[data-code="SIGNING_TIME_ASSERTED"]'))).toBe('The sealing time is the sealer’s own statement; no independent timestamp was checked. SIGNING_TIME_ASSERTED');
    expect(await text(result.locator('ul.accreditations'))).toMatch(/^Institutional audit: ORGANIZACION TEST — by Agencia para la Calidad de la Formación \(demo\), until /);
    expect(await facts(result.locator('dl.claim'))).toEqual([
      'Title: EDC Updates Webinar',
      'Awarding body: European Digital Credentials for Learning Support Team',
      'Issued on: Sep 27, 2023',
      'EQF level: Not stated',
      'Fields of study (ISCED-F): Not stated',
      'Annex I elements: Missing: the learning outcomes, the level, the type of assessment, the quality assurance.',
    ]);
    await screenshot(page, '13-verify-credential');
    expect(await accessibilityProblems(page)).toEqual([]);

    const bytes = readFileSync(file);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the credential receipt' }).click()]);
    const receipt = readFileSync((await download.path())!, 'utf8');
    const { keys } = (await (await fetch(`${web.app.url}/trust/v1/keys`)).json()) as { keys: JWK[] };
    expect((await verifiedJws(receipt, keys))?.payload).toMatchObject({ status: 'VERIFIED', credentialSha256: createHash('sha256').update(bytes).digest('hex') });

    // Dropped on the box: a copy with one payload character changed is not valid, and says why.
    const jws = JSON.parse(bytes.toString('utf8')) as { payload: string };
    const tampered = JSON.stringify({ ...jws, payload: jws.payload.replace('EDC Updates Webinar', 'EDC Updates Webinaz') });
    // Runs in the browser: the test's TypeScript has no DOM types, so DataTransfer and File are reached through globalThis.
    const dropped = await page.evaluateHandle((content) => {
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: string[], name: string, options: { type: string }) => unknown };
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([content], 'tampered.jsonld', { type: 'application/ld+json' }));
      return transfer;
    }, tampered);
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await soon(async () => expect(await text(result.locator('.verdict-word'))).toBe('✗ Not valid'));
    expect(await text(result.locator('[data-code="SIGNATURE_INVALID"]'))).toBe('The seal does not match the content: the credential was changed after it was sealed. SIGNATURE_INVALID');
    expect(await facts(result.locator('dl.seal'))).toContain('Seal: Broken or not checkable');

    // Something that is no credential at all: a sentence, no field path.
    await page.getByLabel('Or paste the credential').fill('hello, this is not a credential');
    await page.getByRole('button', { name: 'Check pasted credential' }).click();
    await visible(page.getByRole('alert'));
    const alert = await text(page.getByRole('alert'));
    // The page's own sentence, not the api's detail with its field name.
    expect(alert).toBe('The credential could not be checkedThis is not a sealed credential: it is neither a sealed European Digital Credential (JWS) nor a Verifiable Credential as a compact JWS, or it carries no seal at all.');
    // Nothing of the credential was kept by the page.
    expect(await page.evaluate(() => JSON.stringify((globalThis as unknown as { localStorage: object }).localStorage))).not.toContain('Webinar');
  });

  it('says on the card why a provider is not accredited: suspended since when, a negative decision, or never accredited', async () => {
    // A provider with no decision at all, and a course of its own.
    const newcomer = dataOf(
      await web.app.graphql(
        `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        { input: { kind: 'PROVIDER', legalName: 'Newcomer Pottery School', country: 'AT', legalIdentifier: 'VATAT-U12345678' } },
        web.app.adminToken,
      ),
    ).registerOrganisation;
    const pottery = await createPublished(web.app, web.app.adminToken, { ...opportunityInput(), title: [{ lang: 'en', text: 'Wheel-thrown pottery' }], providerId: newcomer.id });
    await untilSearchable(web.app, 'pottery', pottery.id);
    const badgeOf = (page: Page, id: string) => page.locator('ol.results article.card', { has: page.locator(`h3 a[href^="/courses/${id}?"]`) }).locator('.badge').first();

    for (const size of SIZES) {
      const page = await open('/?q=wheel-thrown+pottery&lang=en', size);
      await settled(page);
      await soon(async () => expect(await text(badgeOf(page, pottery.id))).toBe('Not accredited — never accredited: no decision is recorded'));
      await typeQuery(page, 'urban gardening');
      await soon(async () => expect(await text(badgeOf(page, web.courses.gardening))).toMatch(/^Not accredited — accreditation by .+ suspended since \w{3} \d{1,2}, \d{4}$/));
      await typeQuery(page, 'nursing care basics');
      await soon(async () => expect(await text(badgeOf(page, web.courses.nursing))).toMatch(/^Not accredited — .+ decided against accreditation \(\w{3} \d{1,2}, \d{4}\)$/));
      await typeQuery(page, 'welding for beginners');
      expect(await text(badgeOf(page, web.courses.welding))).toMatch(/^Accredited by .+ until /);
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
    }
    const german = await open('/?q=urban+gardening&lang=de');
    await settled(german);
    await soon(async () => expect(await text(badgeOf(german, web.courses.gardening))).toMatch(/^Nicht akkreditiert — Akkreditierung durch .+ seit .+ ausgesetzt$/));
    const french = await open('/?q=wheel-thrown+pottery&lang=fr');
    await settled(french);
    await soon(async () => expect(await text(badgeOf(french, pottery.id))).toBe('Non accrédité — jamais accrédité : aucune décision enregistrée'));
    // The course page and the comparison say the same.
    const coursePage = await open(`/courses/${web.courses.gardening}?lang=en`);
    await soon(async () => expect(await text(coursePage.locator('.course-header .badge'))).toMatch(/^Not accredited — accreditation by .+ suspended since \w{3} \d{1,2}, \d{4}$/));
    const comparison = await open(`/compare?lang=en&ids=${web.courses.gardening},${pottery.id}`);
    await visible(comparison.locator('table.comparison tbody'));
    const row = comparison.locator('tr', { has: comparison.getByRole('rowheader', { name: 'Provider accreditation', exact: true }) }).locator('td');
    expect((await row.allTextContents()).map((cell) => cell.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Not accredited — accreditation by .+ suspended since /),
      'Not accredited — never accredited: no decision is recorded',
    ]);
  }, 60_000 + SEARCH_CATCH_UP_MS); // the browser steps, after waiting for the new courses to be searchable

  it('hides finished courses unless asked, and says on the card when a course starts soon and until when to enrol', async () => {
    const day = 24 * 3600 * 1000;
    const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();
    const provider = dataOf(await web.app.graphql(`query($id: ID!) { learningOpportunity(id: $id) { providerId } }`, { id: web.courses.welding })).learningOpportunity.providerId;
    const base = { ...opportunityInput(), providerId: provider };
    const finished = await createPublished(web.app, web.app.adminToken, { ...base, title: [{ lang: 'en', text: 'Glassblowing taster (spring)' }], startDate: inDays(-60), endDate: inDays(-5), applicationDeadline: null });
    const soonCourse = await createPublished(web.app, web.app.adminToken, { ...base, title: [{ lang: 'en', text: 'Glassblowing taster (winter)' }], startDate: inDays(10), endDate: inDays(40), applicationDeadline: inDays(6) });
    await untilSearchable(web.app, 'glassblowing', soonCourse.id);
    const cardOf = (page: Page, id: string) => page.locator('ol.results article.card', { has: page.locator(`h3 a[href^="/courses/${id}?"]`) });

    for (const size of SIZES) {
      const page = await open('/?q=glassblowing+taster&lang=en', size);
      await settled(page);
      await visible(cardOf(page, soonCourse.id));
      expect(await cardOf(page, finished.id).count()).toBe(0);
      const timing = await text(cardOf(page, soonCourse.id).locator('.timing'));
      expect(timing).toMatch(/^Starts soon Enrol by \w{3} \d{1,2}, \d{4}$/);
      if (size.width < 800) await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await page.getByRole('checkbox', { name: 'Include finished courses' }).check();
      await soon(async () => expect(new URL(page.url()).searchParams.get('finished')).toBe('1'));
      if (size.width < 800) await page.keyboard.press('Escape');
      await settled(page);
      await visible(cardOf(page, finished.id));
      expect(await text(cardOf(page, finished.id).locator('.timing'))).toBe('Finished');
      await visible(page.getByRole('button', { name: 'Remove filter: Include finished courses' }));
      await screenshot(page, `15-finished-${size.width}`);
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
    }
    const german = await open('/?q=glassblowing+taster&lang=de&finished=1');
    await settled(german);
    await soon(async () => expect(await text(cardOf(german, soonCourse.id).locator('.timing'))).toMatch(/^Beginnt bald Anmeldung bis /));
    expect(await text(cardOf(german, finished.id).locator('.timing'))).toBe('Beendet');
  }, 60_000 + SEARCH_CATCH_UP_MS); // the browser steps, after waiting for the new courses to be searchable

  it('names provider, dates and price in the shortlist; a comparison is copied as a link and printed', async () => {
    for (const size of SIZES) {
      const page = await open('/?lang=en', size, true);
      for (const [course, query] of [
        ['welding', 'welding for beginners'],
        ['weldingRobotics', 'welding robotics'],
      ] as const) {
        await typeQuery(page, query);
        await card(page, course).getByRole('button', { name: /^Add to shortlist/ }).click();
      }
      await page.getByRole('link', { name: /^Shortlist and compare/ }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Shortlist and compare' }));
      const rows = page.locator('ul.shortlist .entry-facts');
      expect(await rows.allTextContents()).toEqual([
        expect.stringMatching(/^Bremen Vocational College · \w{3} \d{1,2}, \d{4} – \w{3} \d{1,2}, \d{4} · Free$/),
        expect.stringMatching(/^Leipzig University of Applied Sciences · .+ · €480$/),
      ]);
      await page.getByRole('checkbox', { name: 'Compare: Welding for beginners' }).check();
      await page.getByRole('checkbox', { name: 'Compare: Introduction to welding robotics' }).check();
      await visible(page.getByRole('table', { name: 'Comparison of 2 courses' }).locator('tbody'));
      await page.getByRole('button', { name: 'Copy link' }).click();
      await visible(page.getByText('Link copied.'));
      const link = await clipboard(page);
      expect(new URL(link).searchParams.get('ids')).toBe(`${web.courses.welding},${web.courses.weldingRobotics}`);
      await stubPrint(page);
      await page.getByRole('button', { name: 'Print' }).click();
      expect(await printed(page)).toBe(true);
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
      // On paper: the table, not the site's controls.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(false);
      expect(await page.locator('table.comparison').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // The link opens the same comparison in a browser that never saw the shortlist.
      const other = await open(new URL(link).pathname + new URL(link).search, size);
      await visible(other.getByRole('table', { name: 'Comparison of 2 courses' }).locator('tbody'));

      // A removed row hands the focus to the one that takes its place; emptying, to the table's heading.
      // Focused and pressed in one step (Playwright finds the button again if a render replaced it).
      await page.getByRole('button', { name: /^Remove\s*: Welding for beginners$/ }).press('Enter');
      await focused(page.getByRole('checkbox', { name: 'Compare: Introduction to welding robotics' }));
      await page.getByRole('button', { name: 'Empty the shortlist' }).click();
      await focused(page.getByRole('heading', { name: 'Side by side' }));
    }
  });

  it('shows a provider page: its courses, accreditations with their history, seals and DIDs, and a link that checks the issuer', async () => {
    for (const size of SIZES) {
      // A demo provider with a seal and a DID.
      const page = await open('/?q=applied+machine+learning&lang=en', size, true);
      await settled(page);
      const providerLink = card(page, 'machineLearning').locator('.provider a');
      const name = await text(providerLink);
      expect(name).toMatch(/Jyväskylä/);
      await providerLink.click();
      const heading = page.getByRole('heading', { level: 1, name });
      await visible(heading);
      await focused(heading);
      expect(new URL(page.url()).pathname).toMatch(/^\/providers\//);
      expect(await text(page.locator('.course-header .badge'))).toMatch(/^Accredited by .+ until /);
      await visible(page.locator(`ul.provider-courses a[href^="/courses/${web.courses.machineLearning}?"]`));
      await visible(page.getByRole('heading', { level: 2, name: 'Accreditations' }));
      await page.locator('details.history summary').first().click();
      expect(await text(page.locator('details.history li').first())).toMatch(/^Active from /);
      await visible(page.getByRole('button', { name: 'Download certificate (PEM)' }));
      await visible(page.getByRole('heading', { level: 2, name: 'Decentralised identifiers (DIDs)' }));
      const did = await text(page.locator('ul.dids code').first());
      expect(did).toMatch(/^did:/);
      expect(new URL((await page.locator('ul.dids').getByRole('link', { name: /^Check this DID/ }).first().getAttribute('href'))!, web.app.url).searchParams.get('did')).toBe(did);
      expect(await overflow(page)).toBe(0);
      await screenshot(page, `16-provider-${size.width}`);
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);

      // "Check this issuer": the verify page, asked about it by its legal identifier, answers at once.
      const check = page.locator('section.provider-section').getByRole('link', { name: /^Check this issuer/ });
      expect(await text(check)).toBe(`Check this issuer: ${name}`);
      await check.click();
      const result = page.locator('section.verify-result');
      await visible(result);
      expect(await text(result.locator('.verdict-word'))).toBe('✓ Trusted');
      expect(await page.locator('input#identifier').inputValue()).toMatch(/^VATFI-/);
      await page.getByRole('button', { name: 'Copy link' }).click();
      const link = new URL(await clipboard(page));
      expect(link.pathname).toBe('/verify');
      expect(link.searchParams.get('identifier')).toMatch(/^VATFI-/);
      expect(link.searchParams.get('at')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await stubPrint(page);
      await page.getByRole('button', { name: 'Print' }).click();
      expect(await printed(page)).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('form.verify-form').first().isVisible()).toBe(false);
      expect(await result.locator('.verdict').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
      const shared = await open(link.pathname + link.search, size);
      await soon(async () => expect(await text(shared.locator('section.verify-result .verdict-word'))).toBe('✓ Trusted'));
      // Asked by its DID, from the address alone.
      const byDid = await open(`/verify?lang=en&did=${encodeURIComponent(did)}`, size);
      await soon(async () => expect(await text(byDid.locator('section.verify-result .verdict-word'))).toBe('✓ Trusted'));
      expect(await byDid.locator('input#did').inputValue()).toBe(did);
    }
    // The course page links to the same provider page.
    const course = await open(`/courses/${web.courses.welding}?lang=en`);
    // (A .button is a flex box: its hidden words count as a block of their own in the name.)
    await course.getByRole('link', { name: /^Provider page ?: Bremen Vocational College$/ }).click();
    await visible(course.getByRole('heading', { level: 1, name: 'Bremen Vocational College' }));
    await visible(course.getByText('No DID is registered.'));
  });

  it('copies a credential check as a summary in words beside its receipt', async () => {
    const page = await open('/verify?lang=en', { width: 390, height: 844 }, true);
    await page.getByLabel('Credential file').setInputFiles('../shared/vectors/credentials/eu-certofpart-signed.jsonld');
    const result = page.locator('section.credential-result');
    await visible(result);
    await result.getByRole('button', { name: 'Copy summary' }).click();
    await visible(result.getByText('Summary copied.'));
    const summary = await clipboard(page);
    expect(summary.split('\n').slice(0, 2)).toEqual(['Verified', expect.stringMatching(/^The seal is intact, and ORGANIZACION TEST/)]);
    expect(summary).toContain('Title: EDC Updates Webinar');
    await visible(result.getByRole('button', { name: 'Download the credential receipt' }));
    expect(await overflow(page)).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('marks content in another language than the interface with its language', async () => {
    for (const size of SIZES) {
      // French interface; this course has an English title only.
      const page = await open('/?q=welding+robotics&lang=fr', size);
      await settled(page);
      expect(await titleLink(page, 'weldingRobotics').locator('xpath=..').getAttribute('lang')).toBe('en');
      await card(page, 'weldingRobotics').getByRole('button', { name: /^Ajouter/ }).click();
      await card(page, 'weldingRobotics').getByRole('link', { name: 'Leipzig University of Applied Sciences' }).click();
      await visible(page.getByRole('heading', { level: 1 }));
      expect(await page.locator(`ul.provider-courses a[href^="/courses/${web.courses.weldingRobotics}?"]`).locator('xpath=..').getAttribute('lang')).toBe('en');
      await page.goto(`/compare?lang=fr&ids=${web.courses.weldingRobotics},${web.courses.welding}`);
      await visible(page.locator('table.comparison tbody'));
      expect(await page.locator(`table.comparison thead a[href^="/courses/${web.courses.weldingRobotics}?"]`).getAttribute('lang')).toBe('en');
      expect(await page.locator(`table.comparison thead a[href^="/courses/${web.courses.welding}?"]`).getAttribute('lang')).toBe('fr');
      expect(await page.locator('ul.shortlist label span[lang]').first().getAttribute('lang')).toBe('en');
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
    }
  });

  it('keeps the first load under the issue’s budget of 150 KB of gzipped JavaScript', () => {
    const size = measureWebSize();
    expect(size.jsGzipBytes).toBeLessThan(150 * 1024);
  });
});
