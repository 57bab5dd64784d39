import { clipboard, focused, isFocused, labelOf, overflow, scrollY, settled, SIZES, text, typeQuery, useWebApp, visible } from './support/web-app-harness.js';
import { accessibilityProblems, soon, type WebCourse } from './support/web-fixtures.js';

/**
 * The web app's search in a real browser (Debian's Chromium, driven by playwright-core) against the
 * real api on real PostgreSQL and Meilisearch, with the demo registry and a few courses under demo
 * providers (`useWebApp`): finding, narrowing, sharing, course pages, the shortlist, the languages,
 * phones, the keyboard and the focus, and its error states. Every page is checked with axe-core
 * (WCAG 2.1 A and AA: no serious or critical violation) and photographed into the folder printed at
 * the start. Verification, providers and accreditation on cards are in web-app-trust.e2e-spec.ts:
 * two files, so that jest's two workers share the browser tests.
 */
describe('web app in a browser: search, courses, shortlist, languages, keyboard', () => {
  const web = useWebApp();
  const { open, screenshot, searchBox, titleLink, resultLink, card, resultTitles, countText } = web;

  it('is served by the api: pages fall back to the app, assets are cached and compressed, api paths keep their 404', async () => {
    const page = await fetch(`${web.app.url}/courses/${web.courses.welding}?lang=de`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
    const asset = await fetch(`${web.app.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    for (const path of ['/trust/v1/nothing-here', '/graphql/nothing', '/health/x', '/favicon.ico', '/assets/missing.js']) {
      const response = await fetch(`${web.app.url}${path}`);
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
    expect(new URL(page.url()).pathname).toBe(`/courses/${web.courses.weldingRobotics}`);
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

    const complete = await open(`/courses/${web.courses.welding}?lang=en`);
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
    expect(new URL(page.url()).searchParams.get('ids')).toBe([web.courses.welding, web.courses.weldingRobotics, web.courses.machineLearning].join(','));
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
      for (const path of [`/courses/${web.courses.welding}?lang=de`, '/verify?lang=de', `/compare?lang=de&ids=${web.courses.welding},${web.courses.weldingRobotics}`]) {
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

});
