import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { JWK } from 'jose';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';
import { measureWebSize } from '../bench/web-size.js';
import { createPublished, opportunityInput, search } from './support/catalogue-fixtures.js';
import { dataOf } from './support/registry-fixtures.js';
import { accessibilityProblems, assertWebBuilt, launchChromium, SAMPLE_SEAL, screenshotFolder, seedWebWorld, soon, type WebCourse } from './support/web-fixtures.js';
import { verifiedJws } from './support/receipts.js';

/**
 * The web app in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * api on real PostgreSQL and Meilisearch, with the demo registry and a few courses under demo
 * providers. Every page is checked with axe-core (WCAG 2.1 A and AA: no serious or critical
 * violation) and photographed into the folder printed at the start.
 */
describe('web app in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let courses: Record<WebCourse, string>;
  let shots: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    [app, browser] = await Promise.all([startTestApp({}, { demo: true }), launchChromium()]);
    courses = await seedWebWorld(app);
    shots = screenshotFolder();
  }, 240_000); // may wait for the demo template, which the run loads at its start (~30 s; more on a loaded machine)
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  /**
   * A tab in a fresh browser profile: nothing remembered between tests. bypassCSP lets axe in; the
   * clipboard is granted where a test reads what "Copy link" copied.
   */
  async function open(path: string, viewport = { width: 1280, height: 900 }, clipboard = false): Promise<Page> {
    const context = await browser.newContext({
      baseURL: app.url,
      bypassCSP: true,
      locale: 'en-GB',
      viewport,
      permissions: clipboard ? ['clipboard-read', 'clipboard-write'] : [],
    });
    contexts.push(context);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(path);
    return page;
  }
  const screenshot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const searchBox = (page: Page) => page.getByLabel('What do you want to learn?');
  /** A result's title link, found by the course's id (the demo may hold courses of the same name). */
  const titleLink = (page: Page, course: WebCourse) => page.locator(`h3 a[href^="/courses/${courses[course]}?"]`);
  const resultLink = (page: Page, course: WebCourse) => page.locator('ol.results').locator(titleLink(page, course));
  const card = (page: Page, course: WebCourse) => page.locator('ol.results article.card', { has: titleLink(page, course) });
  const resultTitles = (page: Page) => page.locator('ol.results h3').allTextContents();
  const countText = (page: Page) => page.locator('.toolbar .count').textContent();
  const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  /** Waits until the results shown belong to the address: no search running. */
  const settled = (page: Page) => visible(page.locator('.results-area[aria-busy="false"] ol.results, .results-area[aria-busy="false"] .panel'));
  /** Types into the search box and waits for the address to take the words and the results to follow. */
  const typeQuery = async (page: Page, words: string) => {
    await searchBox(page).fill(words);
    await soon(async () => expect(new URL(page.url()).searchParams.get('q')).toBe(words));
    await settled(page);
  };
  const focused = (locator: Locator) => soon(async () => expect(await locator.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true));

  it('is served by the api: pages fall back to the app, assets are cached and compressed, api paths keep their 404', async () => {
    const page = await fetch(`${app.url}/courses/${courses.welding}?lang=de`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
    const asset = await fetch(`${app.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    for (const path of ['/trust/v1/nothing-here', '/graphql/nothing', '/health/x', '/favicon.ico', '/assets/missing.js']) {
      const response = await fetch(`${app.url}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 404, expect.stringMatching(/^application\/problem\+json/)]);
    }
  });

  it('finds a course as you type, forgiving a typo, and describes it on its card', async () => {
    const page = await open('/?lang=en');
    await settled(page);
    expect(await accessibilityProblems(page)).toEqual([]);
    // The demo holds many welding courses; all the words (one misspelt) put this one first.
    await typeQuery(page, 'weldng for beginers');
    await visible(resultLink(page, 'welding'));
    const welding = card(page, 'welding');
    expect(await text(resultLink(page, 'welding'))).toBe('Welding for beginners');
    expect(await text(welding.locator('.provider'))).toBe('Provider: Bremen Vocational College · Bremen, Germany');
    expect(await text(welding.locator('.badge'))).toMatch(/^Accredited by Deutscher Akkreditierungsverbund für Weiterbildung \(demo\) until .+ — review overdue$/);
    const terms = await welding.locator('dl.facts dt').allTextContents();
    const values = await welding.locator('dl.facts dd').allTextContents();
    expect(terms.map((term, i) => `${term}: ${values[i]}`)).toEqual(
      expect.arrayContaining(['EQF level: Level 4', 'Workload: 5 ECTS · 125 hours', 'Participation: In person', 'Languages: German', 'Price: Free']),
    );
    await screenshot(page, '01-search-typo');
    expect(await accessibilityProblems(page)).toEqual([]);

    await typeQuery(page, 'urban gardening');
    await visible(resultLink(page, 'gardening'));
    // Why not: its decision is suspended, since the day the demo suspended it.
    await soon(async () => expect(await text(card(page, 'gardening').locator('.badge'))).toMatch(/^Not accredited — accreditation by .+ \(demo\) suspended since [A-Z][a-z]{2} \d{1,2}, \d{4}$/));

    await typeQuery(page, 'qqqzzzxxv');
    await visible(page.getByRole('heading', { name: 'No course matches your search' }));
    await screenshot(page, '02-search-empty');
  });

  it('narrows the results with a facet, by keyboard, and the counts change with them', async () => {
    const page = await open('/?lang=en');
    await settled(page);
    const level6 = page.getByRole('checkbox', { name: /^Level 6 \(\d+\)$/ });
    const counted = Number(/\((\d+)\)$/.exec(await labelOf(level6))![1]);
    const totalBefore = Number(/of ([\d,]+)$/.exec((await countText(page))!)![1].replace(/,/g, ''));
    expect(totalBefore).toBeGreaterThan(counted);
    const online = page.getByRole('checkbox', { name: /^Online \(\d+\)$/ });
    const onlineBefore = await labelOf(online);

    await level6.focus();
    await page.keyboard.press('Space');
    await soon(async () => expect(new URL(page.url()).searchParams.get('eqf')).toBe('6'));
    await settled(page);
    await soon(async () => expect(await countText(page)).toMatch(new RegExp(`of ${counted.toLocaleString('en')}$`)));
    const eqfFacet = page.locator('fieldset', { has: page.getByText('EQF level', { exact: true }) });
    // Multi-select: the group is counted as if its own selection were off, so the other levels stay offered.
    expect(await eqfFacet.getByRole('checkbox').count()).toBeGreaterThan(1);
    expect(await eqfFacet.getByRole('checkbox', { checked: true }).count()).toBe(1);
    expect(await labelOf(eqfFacet.getByRole('checkbox', { checked: true }))).toBe(`Level 6 (${counted})`);
    expect(await labelOf(online)).not.toBe(onlineBefore);
    await visible(page.getByRole('button', { name: 'Remove filter: Level 6' }));
    await screenshot(page, '03-search-facet');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Remove filter: Level 6' }).click();
    await soon(async () => expect(Number(/of ([\d,]+)$/.exec((await countText(page)) ?? '')?.[1].replace(/,/g, ''))).toBe(totalBefore));
  });

  it('reopens the same results from a shared address, in a browser that has never seen them', async () => {
    const counsellor = await open('/?lang=en');
    await typeQuery(counsellor, 'welding');
    await counsellor.getByRole('checkbox', { name: /^Engineering, manufacturing and construction \(\d+\)$/ }).check();
    await counsellor.getByLabel('Sort by').selectOption('ects-desc');
    await soon(async () => expect(new URL(counsellor.url()).searchParams.get('sort')).toBe('ects-desc'));
    await settled(counsellor);
    const address = new URL(counsellor.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({ q: 'welding', field: '07', sort: 'ects-desc', lang: 'en' });
    const titles = await resultTitles(counsellor);
    expect(titles.length).toBeGreaterThan(1);

    const learner = await open(address.pathname + address.search);
    await settled(learner);
    expect(await resultTitles(learner)).toEqual(titles);
    expect(await searchBox(learner).inputValue()).toBe('welding');
    expect(await learner.getByRole('checkbox', { name: /^Engineering, manufacturing and construction/ }).isChecked()).toBe(true);
    expect(await learner.getByLabel('Sort by').inputValue()).toBe('ects-desc');
    await screenshot(learner, '04-shared-address');
  });

  it('shows a course: every Annex I element, what an incomplete record lacks, the provider and its accreditation history', async () => {
    const page = await open('/?q=robotics&lang=en');
    await resultLink(page, 'weldingRobotics').click();
    const heading = page.getByRole('heading', { level: 1, name: 'Introduction to welding robotics' });
    await visible(heading);
    await focused(heading);
    expect(new URL(page.url()).pathname).toBe(`/courses/${courses.weldingRobotics}`);
    const annex = page.locator('section.annex');
    expect(await text(annex.locator('.panel-warn'))).toContain('This record is incomplete. It does not state:');
    for (const element of ['Learning outcomes', 'Type of assessment', 'Type of quality assurance']) {
      expect(await annex.locator('.panel-warn li', { hasText: element }).count()).toBe(1);
    }
    const row = (name: string) => annex.locator('dl > div', { has: page.locator('dt', { hasText: new RegExp(`^${name}`) }) });
    expect(await text(row('Awarding body').locator('dd'))).toBe('Leipzig University of Applied Sciences');
    expect(await text(row('Level').locator('dd'))).toBe('EQF level 5');
    expect(await text(row('Learning outcomes').locator('dd'))).toBe('Missing');
    const provider = page.locator('section.provider-section');
    await visible(provider.getByRole('heading', { name: 'Accreditations' }));
    expect(await text(provider)).toContain('Deutscher Akkreditierungsverbund für Weiterbildung (demo) (Germany)');
    await provider.locator('details.history summary').first().click();
    expect(await text(provider.locator('details.history li').first())).toMatch(/^Active from /);
    await visible(provider.getByRole('button', { name: 'Download certificate (PEM)' }));
    await screenshot(page, '05-course-incomplete');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Back to the results' }).click();
    await soon(async () => expect(new URL(page.url()).searchParams.get('q')).toBe('robotics'));
    await visible(resultLink(page, 'weldingRobotics'));

    const complete = await open(`/courses/${courses.welding}?lang=en`);
    await visible(complete.getByText('This record states every mandatory element.'));
    expect(await complete.getByRole('link', { name: 'Open the provider’s page for this course (opens the provider’s website)' }).getAttribute('href')).toBe(
      'https://bremen-vocational-college.example.org/welding',
    );
    await screenshot(complete, '06-course-complete');
  });

  it('keeps a shortlist in the browser and compares up to three courses side by side', async () => {
    const page = await open('/?lang=en');
    const shortlist = async (course: WebCourse, query: string) => {
      await typeQuery(page, query);
      await card(page, course).getByRole('button', { name: /^Add to shortlist/ }).click();
      await visible(card(page, course).getByRole('button', { name: /^Remove from shortlist/ }));
    };
    await shortlist('welding', 'welding for beginners');
    await shortlist('weldingRobotics', 'welding robotics');
    await shortlist('machineLearning', 'applied machine learning');
    await shortlist('gardening', 'urban gardening');
    await visible(page.getByRole('link', { name: 'Shortlist and compare 4 courses' }));

    await page.getByRole('link', { name: /^Shortlist and compare/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Shortlist and compare' }));
    for (const title of ['Welding for beginners', 'Introduction to welding robotics', 'Applied machine learning']) {
      await page.getByRole('checkbox', { name: `Compare: ${title}` }).check();
    }
    await page.getByRole('checkbox', { name: 'Compare: Sustainable urban gardening' }).click();
    await visible(page.getByText('You can compare up to three courses at a time. Untick one first.'));
    expect(await page.getByRole('checkbox', { name: 'Compare: Sustainable urban gardening' }).isChecked()).toBe(false);

    const table = page.getByRole('table', { name: 'Comparison of 3 courses' });
    await visible(table.locator('tbody'));
    expect(await table.locator('thead th a').allTextContents()).toEqual(['Welding for beginners', 'Introduction to welding robotics', 'Applied machine learning']);
    // Each column names its provider, so two courses of one name are told apart.
    expect(await table.locator('thead th .column-provider').allTextContents()).toEqual(['Bremen Vocational College', 'Leipzig University of Applied Sciences', expect.stringMatching(/Jyväskylä/)]);
    const cells = (row: string) => table.locator('tr', { has: page.getByRole('rowheader', { name: row, exact: true }) }).locator('td').allTextContents();
    expect(await cells('EQF level')).toEqual(['Level 4', 'Level 5', 'Level 6']);
    expect(await cells('Annex I information')).toEqual(['Complete', '3 elements missing', 'Complete']);
    expect(new URL(page.url()).searchParams.get('ids')).toBe([courses.welding, courses.weldingRobotics, courses.machineLearning].join(','));
    await screenshot(page, '07-compare');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.reload();
    await visible(page.getByRole('table', { name: 'Comparison of 3 courses' }));
    expect(await page.getByRole('checkbox', { name: /^Compare: / }).count()).toBe(4);
  });

  it('speaks English, German and French, and keeps the language in the address', async () => {
    const page = await open('/?q=welding+for+beginners&lang=en');
    await visible(resultLink(page, 'welding'));
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
    await soon(async () => expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Kurs finden'));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('de');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await soon(async () => expect(await text(resultLink(page, 'welding'))).toBe('Schweißen für Einsteiger'));
    expect(await text(card(page, 'welding').locator('.badge'))).toMatch(/^Akkreditiert durch .+ bis .+ — Überprüfung überfällig$/);
    expect(await text(card(page, 'welding'))).toContain('Vor Ort');
    await screenshot(page, '08-search-german');
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'Français' }).click();
    await soon(async () => expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Trouver une formation'));
    await soon(async () => expect(await text(resultLink(page, 'welding'))).toBe('Soudure pour débutants'));
    await page.getByRole('link', { name: 'Vérifier un émetteur' }).click();
    await soon(async () => expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Vérifier un émetteur'));
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/verify?lang=fr');
  });

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
    const { keys } = (await (await fetch(`${app.url}/trust/v1/keys`)).json()) as { keys: JWK[] };
    expect((await verifiedJws(receipt, keys))?.payload).toMatchObject({ status: 'TRUSTED', trusted: true });
  });

  it('verifies a demo provider today from the sealing certificate its course page offers', async () => {
    const page = await open(`/courses/${courses.welding}?lang=en`);
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
    const { keys } = (await (await fetch(`${app.url}/trust/v1/keys`)).json()) as { keys: JWK[] };
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

  /** How much wider than the window the page is (0: nothing to scroll sideways). */
  // Runs in the browser: the test's own TypeScript has no DOM types, so the page's document is reached through globalThis.
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  it('fits a 320 px and a 390 px phone on every page, with the results right under the search box', async () => {
    for (const width of [320, 390]) {
      const page = await open('/?q=welding&lang=de');
      await page.setViewportSize({ width, height: 844 });
      await settled(page);
      expect([width, 'search', await overflow(page)]).toEqual([width, 'search', 0]);
      const box = await page.locator('#q').boundingBox();
      const first = await page.locator('ol.results h3').first().boundingBox();
      expect(first!.y - (box!.y + box!.height)).toBeLessThan(250);
      expect(await page.locator('aside.filters').isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await visible(page.locator('aside.filters'));
      expect(await page.getByRole('button', { name: 'Filter', exact: true }).getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('button', { name: 'Filter ausblenden' }).click();
      await soon(async () => expect(await page.locator('aside.filters').isVisible()).toBe(false));
      await screenshot(page, `12-phone-${width}-search`);
      for (const path of [`/courses/${courses.welding}?lang=de`, '/verify?lang=de', `/compare?lang=de&ids=${courses.welding},${courses.weldingRobotics}`]) {
        await page.goto(path);
        await visible(page.getByRole('heading', { level: 1 }));
        await page.waitForLoadState('networkidle');
        expect([width, path, await overflow(page)]).toEqual([width, path, 0]);
      }
    }
  });

  it('reaches the first result in at most 15 Tabs, at desktop and phone sizes', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const page = await open('/?q=welding&lang=en');
      await page.setViewportSize(viewport);
      await settled(page);
      const firstResult = page.locator('ol.results h3 a').first();
      let presses = 0;
      while (presses < 40 && !(await firstResult.evaluate((element) => element === element.ownerDocument.activeElement))) {
        await page.keyboard.press('Tab');
        presses++;
      }
      expect([viewport.width, presses]).toEqual([viewport.width, expect.any(Number)]);
      expect(presses).toBeLessThanOrEqual(15);
    }
  });

  it('says in plain words which value cannot be used, without field paths or a retry that cannot help', async () => {
    const page = await open('/?lang=en&ectsMin=30&ectsMax=2');
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ data: null, errors: [{ message: 'invalid', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.filters.ectsMax', message: 'must not be below ectsMin' }] } }] }),
      }),
    );
    await typeQuery(page, 'welding');
    await visible(page.getByRole('alert'));
    const alert = await text(page.getByRole('alert'));
    expect(alert).toContain('Check the value of “ECTS credits: At most”.');
    expect(alert).not.toContain('input.');
    expect(await page.getByRole('alert').getByRole('button').count()).toBe(0);
  });

  it('says so when the search cannot run, and recovers when asked to try again', async () => {
    const page = await open('/?lang=en');
    await settled(page);
    // The one stand-in in this file: an api that fails, to see the page's error state.
    await page.route('**/graphql', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'search is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) }),
    );
    await typeQuery(page, 'welding for beginners');
    await visible(page.getByRole('alert'));
    expect(await text(page.getByRole('alert'))).toContain('The search service is not available right now.');
    await screenshot(page, '11-search-error');
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Try again' }).click();
    await visible(resultLink(page, 'welding'));
    // The button went with the error; the focus is on the results that replaced it.
    await focused(page.locator('#results-heading'));
  });

  /** Desktop and phone, as the issue asks of every item. */
  const SIZES = [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ];
  const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
  const isFocused = (locator: Locator) => locator.evaluate((element) => element === element.ownerDocument.activeElement);
  const clipboard = (page: Page) => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  /** window.print() is replaced by a note, so that the test sees the button ask for it without a dialog. */
  const stubPrint = (page: Page) => page.evaluate(() => {
    const g = globalThis as unknown as { print: () => void; printed?: boolean };
    g.print = () => (g.printed = true);
  });
  const printed = (page: Page) => page.evaluate(() => (globalThis as unknown as { printed?: boolean }).printed === true);

  it('moves the focus on purpose: a removed filter, another page of results, and Back to where the reader was', async () => {
    for (const size of SIZES) {
      const page = await open('/?lang=en&eqf=6&mode=ONLINE', size);
      await settled(page);
      // A removed chip hands the focus to the next one; the last one to the results.
      await page.getByRole('button', { name: 'Remove filter: Level 6' }).focus();
      await page.keyboard.press('Enter');
      await soon(async () => expect(new URL(page.url()).searchParams.get('eqf')).toBeNull());
      await focused(page.getByRole('button', { name: 'Remove filter: Online' }));
      await page.keyboard.press('Enter');
      await soon(async () => expect(new URL(page.url()).searchParams.get('mode')).toBeNull());
      await settled(page);
      await focused(page.locator('#results-heading'));

      // Next page: the view and the focus go to the top of the new results, not of the page.
      await page.getByRole('navigation', { name: 'Result pages' }).getByRole('link', { name: 'Next' }).focus();
      await page.keyboard.press('Enter');
      await soon(async () => expect(new URL(page.url()).searchParams.get('page')).toBe('2'));
      await settled(page);
      await focused(page.locator('#results-heading'));
      await soon(async () => expect(Math.abs((await page.locator('section.results-area').boundingBox())!.y)).toBeLessThan(5));
      expect(await scrollY(page)).toBeGreaterThan(0);
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);

      // A course opened from far down; Back (the browser's, then the page's own link) returns there.
      const link = page.locator('ol.results h3 a').nth(11);
      const href = await link.getAttribute('href');
      await link.focus();
      const y = await scrollY(page);
      expect(y).toBeGreaterThan(200);
      await page.keyboard.press('Enter');
      await visible(page.getByRole('link', { name: 'Back to the results' }));
      await page.goBack();
      await settled(page);
      await soon(async () => expect(Math.abs((await scrollY(page)) - y)).toBeLessThan(3));
      await focused(page.locator(`ol.results h3 a[href="${href}"]`));
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Back to the results' }).click();
      await settled(page);
      await soon(async () => expect(Math.abs((await scrollY(page)) - y)).toBeLessThan(3));
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    }
  });

  it('keeps the keyboard inside the phone filter panel; Escape closes it and returns the focus', async () => {
    const page = await open('/?q=welding&lang=en', { width: 390, height: 844 });
    await settled(page);
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await toggle.click();
    const panel = page.getByRole('dialog', { name: 'Narrow the results' });
    await visible(panel);
    await focused(panel.getByRole('button', { name: 'Hide filters' }));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Shift+Tab');
    await focused(panel.getByRole('button', { name: 'Apply' }));
    await page.keyboard.press('Tab');
    await focused(panel.getByRole('button', { name: 'Hide filters' }));
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean((globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } } }).document.activeElement.closest('#filters')))).toBe(true);
    }
    // A tick inside the panel applies at once and leaves the keyboard where it was.
    const level = panel.locator('fieldset', { hasText: 'EQF level' }).getByRole('checkbox').first();
    const label = await labelOf(level);
    await level.focus();
    await page.keyboard.press('Space');
    await soon(async () => expect(new URL(page.url()).searchParams.get('eqf')).toMatch(/^\d$/));
    await settled(page);
    expect(await isFocused(panel.getByRole('checkbox', { name: label.replace(/ \(\d+\)$/, ''), exact: false }))).toBe(true);
    await screenshot(page, '14-phone-filter-panel');
    await page.keyboard.press('Escape');
    await soon(async () => expect(await page.locator('aside.filters').isVisible()).toBe(false));
    await focused(toggle);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('says on the card why a provider is not accredited: suspended since when, a negative decision, or never accredited', async () => {
    // A provider with no decision at all, and a course of its own.
    const newcomer = dataOf(
      await app.graphql(
        `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
        { input: { kind: 'PROVIDER', legalName: 'Newcomer Pottery School', country: 'AT', legalIdentifier: 'VATAT-U12345678' } },
        app.adminToken,
      ),
    ).registerOrganisation;
    const pottery = await createPublished(app, app.adminToken, { ...opportunityInput(), title: [{ lang: 'en', text: 'Wheel-thrown pottery' }], providerId: newcomer.id });
    await eventually(async () => ((await search(app, { query: 'pottery' })).hits.some((h) => h.opportunity.id === pottery.id) ? true : undefined), 20_000);
    const badgeOf = (page: Page, id: string) => page.locator('ol.results article.card', { has: page.locator(`h3 a[href^="/courses/${id}?"]`) }).locator('.badge').first();

    for (const size of SIZES) {
      const page = await open('/?q=wheel-thrown+pottery&lang=en', size);
      await settled(page);
      await soon(async () => expect(await text(badgeOf(page, pottery.id))).toBe('Not accredited — never accredited: no decision is recorded'));
      await typeQuery(page, 'urban gardening');
      await soon(async () => expect(await text(badgeOf(page, courses.gardening))).toMatch(/^Not accredited — accreditation by .+ suspended since \w{3} \d{1,2}, \d{4}$/));
      await typeQuery(page, 'nursing care basics');
      await soon(async () => expect(await text(badgeOf(page, courses.nursing))).toMatch(/^Not accredited — .+ decided against accreditation \(\w{3} \d{1,2}, \d{4}\)$/));
      await typeQuery(page, 'welding for beginners');
      expect(await text(badgeOf(page, courses.welding))).toMatch(/^Accredited by .+ until /);
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
    }
    const german = await open('/?q=urban+gardening&lang=de');
    await settled(german);
    await soon(async () => expect(await text(badgeOf(german, courses.gardening))).toMatch(/^Nicht akkreditiert — Akkreditierung durch .+ seit .+ ausgesetzt$/));
    const french = await open('/?q=wheel-thrown+pottery&lang=fr');
    await settled(french);
    await soon(async () => expect(await text(badgeOf(french, pottery.id))).toBe('Non accrédité — jamais accrédité : aucune décision enregistrée'));
    // The course page and the comparison say the same.
    const coursePage = await open(`/courses/${courses.gardening}?lang=en`);
    await soon(async () => expect(await text(coursePage.locator('.course-header .badge'))).toMatch(/^Not accredited — accreditation by .+ suspended since \w{3} \d{1,2}, \d{4}$/));
    const comparison = await open(`/compare?lang=en&ids=${courses.gardening},${pottery.id}`);
    await visible(comparison.locator('table.comparison tbody'));
    const row = comparison.locator('tr', { has: comparison.getByRole('rowheader', { name: 'Provider accreditation', exact: true }) }).locator('td');
    expect((await row.allTextContents()).map((cell) => cell.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Not accredited — accreditation by .+ suspended since /),
      'Not accredited — never accredited: no decision is recorded',
    ]);
  });

  it('hides finished courses unless asked, and says on the card when a course starts soon and until when to enrol', async () => {
    const day = 24 * 3600 * 1000;
    const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();
    const provider = dataOf(await app.graphql(`query($id: ID!) { learningOpportunity(id: $id) { providerId } }`, { id: courses.welding })).learningOpportunity.providerId;
    const base = { ...opportunityInput(), providerId: provider };
    const finished = await createPublished(app, app.adminToken, { ...base, title: [{ lang: 'en', text: 'Glassblowing taster (spring)' }], startDate: inDays(-60), endDate: inDays(-5), applicationDeadline: null });
    const soonCourse = await createPublished(app, app.adminToken, { ...base, title: [{ lang: 'en', text: 'Glassblowing taster (winter)' }], startDate: inDays(10), endDate: inDays(40), applicationDeadline: inDays(6) });
    await eventually(async () => ((await search(app, { query: 'glassblowing' })).hits.some((h) => h.opportunity.id === soonCourse.id) ? true : undefined), 20_000);
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
  });

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
      expect(new URL(link).searchParams.get('ids')).toBe(`${courses.welding},${courses.weldingRobotics}`);
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
      await page.getByRole('button', { name: /^Remove\s*: Welding for beginners$/ }).focus();
      await page.keyboard.press('Enter');
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
      await visible(page.locator(`ul.provider-courses a[href^="/courses/${courses.machineLearning}?"]`));
      await visible(page.getByRole('heading', { level: 2, name: 'Accreditations' }));
      await page.locator('details.history summary').first().click();
      expect(await text(page.locator('details.history li').first())).toMatch(/^Active from /);
      await visible(page.getByRole('button', { name: 'Download certificate (PEM)' }));
      await visible(page.getByRole('heading', { level: 2, name: 'Decentralised identifiers (DIDs)' }));
      const did = await text(page.locator('ul.dids code').first());
      expect(did).toMatch(/^did:/);
      expect(new URL((await page.locator('ul.dids').getByRole('link', { name: /^Check this DID/ }).first().getAttribute('href'))!, app.url).searchParams.get('did')).toBe(did);
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
    const course = await open(`/courses/${courses.welding}?lang=en`);
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
      expect(await page.locator(`ul.provider-courses a[href^="/courses/${courses.weldingRobotics}?"]`).locator('xpath=..').getAttribute('lang')).toBe('en');
      await page.goto(`/compare?lang=fr&ids=${courses.weldingRobotics},${courses.welding}`);
      await visible(page.locator('table.comparison tbody'));
      expect(await page.locator(`table.comparison thead a[href^="/courses/${courses.weldingRobotics}?"]`).getAttribute('lang')).toBe('en');
      expect(await page.locator(`table.comparison thead a[href^="/courses/${courses.welding}?"]`).getAttribute('lang')).toBe('fr');
      expect(await page.locator('ul.shortlist label span[lang]').first().getAttribute('lang')).toBe('en');
      expect([size.width, await accessibilityProblems(page)]).toEqual([size.width, []]);
    }
  });

  it('keeps the first load under the issue’s budget of 150 KB of gzipped JavaScript', () => {
    const size = measureWebSize();
    expect(size.jsGzipBytes).toBeLessThan(150 * 1024);
  });
});

/** A checkbox's label as shown: "Level 6 (12)". */
async function labelOf(checkbox: Locator): Promise<string> {
  return (await checkbox.evaluate((input) => input.closest('label')?.textContent ?? '')).replace(/\s+/g, ' ').trim();
}
