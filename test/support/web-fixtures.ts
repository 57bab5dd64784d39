import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { demoRegistry } from '../../seed/demo/demo-registry.js';
import { startOfToday } from '../../seed/demo/seed-demo.js';
import { createPublished, opportunityInput, search, SEARCH_CATCH_UP_MS } from './catalogue-fixtures.js';
import { dataOf } from './registry-fixtures.js';
import { demoTemplate, eventually, type TestApp } from './test-app.js';
import { addTrustAnchor, certificate, trustIndexCaughtUp } from './trust-fixtures.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). Never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium for the browser tests. The machine has no internet: background networking,
 * component updates and sync are off, or Chromium keeps trying to reach Google. Playwright gives
 * every launch a fresh, empty profile (its own temporary --user-data-dir).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}. Install it with \`apt-get install chromium\` (as .ci/run does) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The web build the api serves; `npm test` builds it before the tests run. */
export function assertWebBuilt(): void {
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web/index.html is missing: run `npm run build` (npm test does) before the browser tests.');
}

/** A folder for this run's screenshots, printed once so that CI logs say where they are. */
export function screenshotFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-web-screenshots-'));
  console.log(`Browser test screenshots: ${dir}`);
  return dir;
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page against WCAG 2.1 A and AA; returns the serious and critical
 * violations, described so that a failing assertion says what and where.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Once per document: a page checked again (after a click, at another size) still has it.
  if (!(await page.evaluate(`typeof axe !== 'undefined'`))) await page.addScriptTag({ content: AXE });
  // A string, evaluated in the page: this file is compiled for Node, without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The demo providers the web tests put courses under, by their index in the demo registry. */
const PROVIDERS = {
  jyvaskylaUniversity: 0, // FI, accredited
  leipzigUniversity: 1, // DE, accredited
  lyonUniversity: 2, // FR, accredited
  utrechtUniversity: 5, // NL, accreditation suspended
  belgianNegative: 8, // BE, negative decision
  corkUniversity: 10, // IE, accredited
  bremenCollege: 13, // DE, accredited, review overdue
  ouluAcademy: 24, // FI, accredited, expiring soon
} as const;

export const WEB_COURSES = {
  welding: {
    provider: 'bremenCollege',
    title: [
      { lang: 'en', text: 'Welding for beginners' },
      { lang: 'de', text: 'Schweißen für Einsteiger' },
      { lang: 'fr', text: 'Soudure pour débutants' },
    ],
    description: [
      { lang: 'en', text: 'Safe arc and gas welding in a training workshop, from the first bead to a tested joint.' },
      { lang: 'de', text: 'Sicheres Lichtbogen- und Gasschweißen in der Lehrwerkstatt, von der ersten Naht bis zur geprüften Verbindung.' },
    ],
    eqfLevel: 4,
    ectsCredits: 5,
    workloadHours: 125,
    iscedFCodes: ['0715'],
    languages: ['de'],
    mode: 'PRESENTIAL',
    supervisionVerification: 'ONSITE_WITH_ID_VERIFICATION',
    assessmentTypes: ['PRACTICAL_ASSESSMENT', 'WRITTEN_EXAMINATION'],
    learningOutcomes: [{ text: 'Weld a fillet joint to ISO 5817 level C' }, { text: 'Work safely with welding gases' }],
    price: null,
    free: true,
    location: { country: 'DE', city: 'Bremen', lat: 53.0793, lng: 8.8017 },
    landingPage: 'https://bremen-vocational-college.example.org/welding',
  },
  weldingRobotics: {
    provider: 'leipzigUniversity',
    title: [{ lang: 'en', text: 'Introduction to welding robotics' }],
    eqfLevel: 5,
    ectsCredits: 4,
    iscedFCodes: ['0715'],
    languages: ['de', 'en'],
    mode: 'BLENDED',
    location: { country: 'DE', city: 'Leipzig', lat: 51.3397, lng: 12.3731 },
    // Left out on purpose: the course page must say what an incomplete record lacks.
    learningOutcomes: [],
    assessmentTypes: [],
    qualityAssurance: null,
    price: { amount: 480, currency: 'EUR' },
  },
  machineLearning: {
    provider: 'jyvaskylaUniversity',
    title: [
      { lang: 'en', text: 'Applied machine learning' },
      { lang: 'de', text: 'Angewandtes maschinelles Lernen' },
      { lang: 'fr', text: 'Apprentissage automatique appliqué' },
    ],
    eqfLevel: 6,
    ectsCredits: 6,
    iscedFCodes: ['0613'],
    languages: ['en'],
    mode: 'ONLINE',
    location: null,
  },
  dataAnalysis: {
    provider: 'ouluAcademy',
    title: [{ lang: 'en', text: 'Data analysis with Python' }],
    eqfLevel: 5,
    ectsCredits: 3,
    iscedFCodes: ['0542'],
    languages: ['en', 'fi'],
    mode: 'BLENDED',
    price: { amount: 120, currency: 'EUR' },
    location: { country: 'FI', city: 'Oulu', lat: 65.0121, lng: 25.4651 },
  },
  cybersecurity: {
    provider: 'lyonUniversity',
    title: [
      { lang: 'fr', text: 'Fondamentaux de la cybersécurité' },
      { lang: 'en', text: 'Cybersecurity fundamentals' },
    ],
    eqfLevel: 5,
    ectsCredits: 4,
    iscedFCodes: ['0612'],
    languages: ['fr'],
    mode: 'ONLINE',
    price: { amount: 390, currency: 'EUR' },
    location: { country: 'FR', city: 'Lyon', lat: 45.764, lng: 4.8357 },
  },
  gardening: {
    provider: 'utrechtUniversity',
    title: [
      { lang: 'en', text: 'Sustainable urban gardening' },
      { lang: 'de', text: 'Nachhaltiges urbanes Gärtnern' },
    ],
    eqfLevel: 3,
    ectsCredits: 2,
    iscedFCodes: ['0812'],
    languages: ['nl', 'en'],
    mode: 'PRESENTIAL',
    price: null,
    free: true,
    location: { country: 'NL', city: 'Utrecht', lat: 52.0907, lng: 5.1214 },
  },
  nursing: {
    provider: 'belgianNegative',
    title: [{ lang: 'en', text: 'Nursing care basics' }],
    eqfLevel: 4,
    ectsCredits: 8,
    iscedFCodes: ['0913'],
    languages: ['fr', 'nl'],
    mode: 'WORK_BASED',
    price: { amount: 150, currency: 'EUR' },
    location: { country: 'BE', city: 'Namur', lat: 50.4674, lng: 4.8718 },
  },
  projectManagement: {
    provider: 'corkUniversity',
    title: [{ lang: 'en', text: 'Project management essentials' }],
    eqfLevel: 6,
    ectsCredits: 5,
    iscedFCodes: ['0413'],
    languages: ['en'],
    mode: 'ONLINE',
    price: { amount: 600, currency: 'EUR' },
    location: null,
  },
} satisfies Record<string, Record<string, unknown> & { provider: keyof typeof PROVIDERS }>;

export type WebCourse = keyof typeof WEB_COURSES;

/** The sample seal of the Commission's Annex I micro-credential (test/fixtures/certs/README.md). */
export const SAMPLE_SEAL = { file: 'test/fixtures/certs/eu-sample-seal-organizacion-test-2023.pem', sealedOn: '2023-09-27', organisation: 'ORGANIZACION TEST' };

/**
 * The world the browser tests look at: the demo registry (`app` started with `demo: true`, as
 * `npm start` loads it), the courses above under demo providers, and ORGANIZACION TEST — the
 * organisation behind the Commission's sample seal — accredited by the demo's Spanish agency, with
 * the seal's CA as a trust anchor. Returns the course ids by name once every course is searchable.
 */
export async function seedWebWorld(app: TestApp): Promise<Record<WebCourse, string>> {
  // The demo as the run's template loaded it, for its day (a run may cross midnight).
  const demo = demoRegistry((await demoTemplate()).reference).providers;
  const providers = dataOf(await app.graphql(`{ organisations(filter: { kind: PROVIDER }, first: 100) { edges { node { id legalIdentifier } } } }`)).organisations.edges.map(
    (e: { node: { id: string; legalIdentifier: string } }) => e.node,
  );
  const providerId = (key: keyof typeof PROVIDERS) => providers.find((p: { legalIdentifier: string }) => p.legalIdentifier === demo[PROVIDERS[key]].legalIdentifier)!.id;

  const ids = {} as Record<WebCourse, string>;
  for (const [name, { provider, ...fields }] of Object.entries(WEB_COURSES)) {
    const input = { ...opportunityInput(), description: [], startDate: inDays(40), endDate: inDays(120), applicationDeadline: inDays(30), ...fields, providerId: providerId(provider) };
    ids[name as WebCourse] = (await createPublished(app, app.adminToken, input)).id;
  }

  const [spanishAgency] = dataOf(await app.graphql(`{ organisations(filter: { kind: QUALITY_AGENCY, country: "ES" }) { edges { node { id } } } }`)).organisations.edges;
  const organisation = dataOf(
    await app.graphql(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
      { input: { kind: 'PROVIDER', legalName: SAMPLE_SEAL.organisation, country: 'ES', legalIdentifier: 'VATES-A00000000' } },
      app.adminToken,
    ),
  ).registerOrganisation;
  dataOf(
    await app.graphql(
      `mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id } }`,
      {
        input: {
          accreditedOrganisationId: organisation.id,
          accreditingAgentId: spanishAgency.node.id,
          type: 'INSTITUTIONAL_QA',
          title: 'Institutional audit: ORGANIZACION TEST',
          decision: 'POSITIVE',
          issuedAt: '2022-06-01T00:00:00Z',
          validFrom: '2022-06-01T00:00:00Z',
          reviewDate: '2027-06-01T00:00:00Z',
          expiresAt: '2028-06-01T00:00:00Z',
          limitEqfLevels: [5, 6, 7],
        },
      },
      app.adminToken,
    ),
  );
  await addTrustAnchor(app, 'anf-qualified-eseal-ca-2022');
  dataOf(
    await app.graphql(
      `mutation($input: RegisterIssuerCertificateInput!) { registerIssuerCertificate(input: $input) { id } }`,
      { input: { organisationId: organisation.id, certificatePem: certificate('eu-sample-seal-organizacion-test-2023') } },
      app.adminToken,
    ),
  );
  await trustIndexCaughtUp(app);
  const providerIds = (Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[]).map(providerId);
  await eventually(async () => {
    const found = new Set((await search(app, { pageSize: 100, filters: { providerIds } })).hits.map((h) => h.opportunity.id));
    return Object.values(ids).every((id) => found.has(id)) ? true : undefined;
  }, SEARCH_CATCH_UP_MS);
  return ids;
}

function inDays(n: number): string {
  return new Date(startOfToday().getTime() + n * 24 * 3600 * 1000).toISOString();
}

/**
 * Retries an assertion until it holds or `timeoutMs` passes (playwright-core has no retrying
 * expect): the page answers asynchronously, so what it shows is checked as it settles.
 */
export async function soon(assertion: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
