import { createPublished } from './support/catalogue-fixtures.js';
import { validateElm } from './support/elm-shacl.js';
import { agencyAndProvider, dataOf, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** DESIGN §8.3 "Out": every export is validated with the Commission's SHACL shapes, and never vacuously. */
describe('ELM export', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function exported(path: string): Promise<{ status: number; type: string | null; body: any }> {
    const response = await fetch(`${app.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
  }

  async function annexI(id: string): Promise<{ complete: boolean; missing: string[] }> {
    return dataOf(await app.graphql(`query($id: ID!) { learningOpportunity(id: $id) { annexI { complete missing } } }`, { id })).learningOpportunity.annexI;
  }

  it('exports a course complete for Annex I and with an NQF concept as a LearningOpportunity specified by a Qualification that conforms to LOQ', async () => {
    const { providerToken } = await agencyAndProvider(app);
    const course = await createPublished(app, providerToken, { nqfLevel: 'http://data.europa.eu/snb/qdr/c_7b3ba8c5' });
    expect(await annexI(course.id)).toEqual({ complete: true, missing: [] });

    const { status, type, body } = await exported(`/elm/v3/learning-opportunities/${course.id}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/ld\+json/);
    expect(body['@context']).toBe('http://data.europa.eu/snb/model/context/edc-ap');
    expect(body.learningAchievementSpecification['@type']).toBe('Qualification');
    expect(body.learningAchievementSpecification.eqfLevel['@id']).toBe('http://data.europa.eu/snb/eqf/6');
    expect(body.learningAchievementSpecification.thematicArea[0]['@id']).toBe('http://data.europa.eu/snb/isced-f/0613');
    expect(body.mode['@id']).toBe('http://data.europa.eu/snb/learning-assessment/920fbb3cbe');

    const outcome = await validateElm(body, 'LOQ');
    expect(outcome.violations).toEqual([]);
    expect(outcome.conforms).toBe(true);
    expect(outcome.focusNodes('LearningOpportunity')).toBe(1);
    expect(outcome.focusNodes('Qualification')).toBe(1);
    expect(outcome.focusNodes('Organisation')).toBe(1);
    expect(outcome.focusNodes('LearningOutcome')).toBe(1);
  });

  it('exports a course complete for Annex I but without an NQF concept with a LearningAchievementSpecification, and it conforms (the shapes want an NQF level Annex I does not)', async () => {
    const { providerToken } = await agencyAndProvider(app);
    const course = await createPublished(app, providerToken, { nqfLevel: 'Level 6 of the Finnish NQF' });
    expect((await annexI(course.id)).complete).toBe(true);
    const { body } = await exported(`/elm/v3/learning-opportunities/${course.id}`);
    expect(body.learningAchievementSpecification['@type']).toBe('LearningAchievementSpecification');
    // The EQF level is kept, as the specification's education level.
    expect(body.learningAchievementSpecification.educationLevel['@id']).toBe('http://data.europa.eu/snb/eqf/6');
    const outcome = await validateElm(body, 'LOQ');
    expect(outcome.violations).toEqual([]);
    expect(outcome.focusNodes('LearningOpportunity')).toBe(1);
    expect(outcome.focusNodes('Qualification')).toBe(0);
  });

  it('exports an incomplete course (only a title) so that it still conforms: the homepage and default language the shapes require are supplied, and Annex I says what is missing', async () => {
    const { providerToken } = await agencyAndProvider(app);
    const course = await createPublished(app, providerToken, {
      title: [{ lang: 'fi', text: 'Johdatus tekoälyyn' }],
      description: undefined,
      learningOutcomes: [],
      eqfLevel: null,
      ectsCredits: null,
      workloadHours: null,
      iscedFCodes: [],
      languages: [],
      mode: null,
      learningSetting: null,
      type: null,
      assessmentTypes: [],
      supervisionVerification: null,
      qualityAssurance: null,
      stackability: null,
      price: null,
      landingPage: null,
      startDate: null,
      endDate: null,
    });
    expect((await annexI(course.id)).missing).toEqual(['LEARNING_OUTCOMES', 'WORKLOAD', 'LEVEL', 'ASSESSMENT_TYPE', 'FORM_OF_PARTICIPATION', 'QUALITY_ASSURANCE']);
    const { body } = await exported(`/elm/v3/learning-opportunities/${course.id}`);
    expect(body.homepage.contentURL).toBe(`${app.url}/elm/v3/learning-opportunities/${course.id}`);
    expect(body['elm:defaultLanguage']['@id']).toBe('http://publications.europa.eu/resource/authority/language/FIN');
    const outcome = await validateElm(body, 'LOQ');
    expect(outcome.violations).toEqual([]);
    expect(outcome.focusNodes('LearningOpportunity')).toBe(1);
  });

  it('exports an accreditation and its parties so that they conform to AMS, with the official vocabulary IRIs', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    const accreditation = await recordAccreditation(app, agencyToken, provider.id, { reportUrl: 'https://example.org/report.pdf', landingPage: 'https://example.org/decision' });
    const { status, type, body } = await exported(`/elm/v3/accreditations/${accreditation.id}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/ld\+json/);
    expect(body.dcType['@id']).toBe('http://data.europa.eu/snb/accreditation/bb4618238e');
    expect(body.limitEQFLevel.map((c: { '@id': string }) => c['@id'])).toEqual(['http://data.europa.eu/snb/eqf/6', 'http://data.europa.eu/snb/eqf/7']);
    expect(body.limitJurisdiction[0]['@id']).toBe('http://publications.europa.eu/resource/authority/atu/FIN');
    const outcome = await validateElm(body, 'AMS');
    expect(outcome.violations).toEqual([]);
    expect(outcome.conforms).toBe(true);
    expect(outcome.focusNodes('Accreditation')).toBe(1);
    expect(outcome.focusNodes('Organisation')).toBe(2);
  });

  it('exports an organisation that conforms to AMS', async () => {
    const organisation = await registerOrganisation(app, 'PROVIDER', { otherIdentifiers: [{ scheme: 'VAT', value: 'FI10065502' }, { scheme: 'ERASMUS', value: 'SF JYVASKY11' }], homepage: 'https://www.jamk.fi/en' });
    const { body } = await exported(`/elm/v3/organisations/${organisation.id}`);
    expect(body.eIDASIdentifier.notation).toBe(organisation.legalIdentifier);
    const outcome = await validateElm(body, 'AMS');
    expect(outcome.violations).toEqual([]);
    expect(outcome.focusNodes('Organisation')).toBe(1);
    expect(outcome.focusNodes('LegalIdentifier')).toBe(2);
  });

  it('the validation is not vacuous: an export stripped of what the shapes require fails them', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    const accreditation = await recordAccreditation(app, agencyToken, provider.id);
    const { body } = await exported(`/elm/v3/accreditations/${accreditation.id}`);
    delete body.title;
    delete body.accreditingAgent;
    const outcome = await validateElm(body, 'AMS');
    expect(outcome.conforms).toBe(false);
    expect(outcome.violations.join('\n')).toContain('http://purl.org/dc/terms/title');
    expect(outcome.violations.join('\n')).toContain('http://data.europa.eu/snb/model/elm/accreditingAgent');
  });

  it('answers 404 problem+json for what it does not hold (a draft is not exported) and 400 for a malformed id', async () => {
    const missing = await fetch(`${app.url}/elm/v3/accreditations/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const malformed = await fetch(`${app.url}/elm/v3/organisations/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
    const { providerToken } = await agencyAndProvider(app);
    const draft = dataOf(await app.graphql(`mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`, { input: { title: [{ lang: 'en', text: 'Draft' }] } }, providerToken)).createOpportunity;
    expect((await fetch(`${app.url}/elm/v3/learning-opportunities/${draft.id}`)).status).toBe(404);
  });
});
