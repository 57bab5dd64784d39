import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app.js';
import { assertWebBuilt, launchChromium, screenshotFolder, seedWebWorld, soon, type WebCourse } from './web-fixtures.js';

/** Desktop and phone, as the issue asks of every item. */
export const SIZES = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

/**
 * What a browser-test file works with: the api on a copy of the demo with the web world seeded
 * (`seedWebWorld`), one Chromium for the whole file, and the page helpers every test uses.
 * `app` and `courses` are read once `beforeAll` has run, inside the tests.
 */
export interface WebApp {
  readonly app: TestApp;
  readonly courses: Record<WebCourse, string>;
  /**
   * A tab in a fresh browser profile: nothing remembered between tests. bypassCSP lets axe in; the
   * clipboard is granted where a test reads what "Copy link" copied.
   */
  open(path: string, viewport?: { width: number; height: number }, clipboard?: boolean): Promise<Page>;
  screenshot(page: Page, name: string): Promise<Buffer>;
  searchBox(page: Page): Locator;
  /** A result's title link, found by the course's id (the demo may hold courses of the same name). */
  titleLink(page: Page, course: WebCourse): Locator;
  resultLink(page: Page, course: WebCourse): Locator;
  card(page: Page, course: WebCourse): Locator;
  resultTitles(page: Page): Promise<string[]>;
  countText(page: Page): Promise<string | null>;
}

/**
 * Registers the file's `beforeAll`/`afterEach`/`afterAll` and returns its WebApp. Each browser-test
 * file calls it once, at the top of its `describe`: the files run apart (jest spreads them over its
 * workers), each on its own database and index, with its own browser.
 */
export function useWebApp(): WebApp {
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

  const titleLink = (page: Page, course: WebCourse) => page.locator(`h3 a[href^="/courses/${courses[course]}?"]`);
  return {
    get app() {
      return app;
    },
    get courses() {
      return courses;
    },
    async open(path, viewport = { width: 1280, height: 900 }, clipboard = false) {
      const context = await browser.newContext({
        baseURL: app.url,
        bypassCSP: true,
        locale: 'en-GB',
        viewport,
        permissions: clipboard ? ['clipboard-read', 'clipboard-write'] : [],
        // No spinner animating while a test waits (the app honours the preference; nothing here is about motion).
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(path);
      return page;
    },
    screenshot: (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }),
    searchBox: (page) => page.getByLabel('What do you want to learn?'),
    titleLink,
    resultLink: (page, course) => page.locator('ol.results').locator(titleLink(page, course)),
    card: (page, course) => page.locator('ol.results article.card', { has: titleLink(page, course) }),
    resultTitles: (page) => page.locator('ol.results h3').allTextContents(),
    countText: (page) => page.locator('.toolbar .count').textContent(),
  };
}

export const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
export const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });
/** Waits until the results shown belong to the address: no search running. */
export const settled = (page: Page) => visible(page.locator('.results-area[aria-busy="false"] ol.results, .results-area[aria-busy="false"] .panel'));
/** Types into the search box and waits for the address to take the words and the results to follow. */
export async function typeQuery(page: Page, words: string): Promise<void> {
  await page.getByLabel('What do you want to learn?').fill(words);
  await soon(async () => expect(new URL(page.url()).searchParams.get('q')).toBe(words));
  await settled(page);
}
export const isFocused = (locator: Locator) => locator.evaluate((element) => element === element.ownerDocument.activeElement);
/** Fails naming the element that has the focus instead, so that a failure says what went wrong. */
export const focused = (locator: Locator) =>
  soon(async () => {
    if (await isFocused(locator)) return;
    const instead = await locator
      .page()
      .locator(':root')
      .evaluate((root) => root.ownerDocument.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
    throw new Error(`expected ${String(locator)} to have the focus; it is on ${instead}`);
  });

/** How much wider than the window the page is (0: nothing to scroll sideways). */
// Runs in the browser: the test's own TypeScript has no DOM types, so the page's document is reached through globalThis.
export const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
export const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
export const clipboard = (page: Page) => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
/** window.print() is replaced by a note, so that the test sees the button ask for it without a dialog. */
export const stubPrint = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as { print: () => void; printed?: boolean };
    g.print = () => (g.printed = true);
  });
export const printed = (page: Page) => page.evaluate(() => (globalThis as unknown as { printed?: boolean }).printed === true);

/** A checkbox's label as shown: "Level 6 (12)". */
export async function labelOf(checkbox: Locator): Promise<string> {
  return (await checkbox.evaluate((input) => input.closest('label')?.textContent ?? '')).replace(/\s+/g, ' ').trim();
}
