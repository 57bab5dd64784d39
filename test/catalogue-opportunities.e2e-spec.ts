import {
  ARCHIVE_OPPORTUNITY,
  CREATE_OPPORTUNITY,
  createOpportunity,
  opportunityInput,
  PUBLISH_OPPORTUNITY,
  publishOpportunity,
  UPDATE_OPPORTUNITY,
} from './support/catalogue-fixtures.js';
import { agencyAndProvider, createApiKey, dataOf, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const READ = `query($id: ID!) {
  learningOpportunity(id: $id) {
    id version status providerId provider { id legalName country }
    title { lang text } description { lang text } learningOutcomes { text escoSkill }
    eqfLevel qfEheaCycle nqfLevel ectsCredits workloadHours iscedFCodes languages mode learningSetting type
    assessmentTypes supervisionVerification qualityAssurance prerequisites stackability stacksTowards gradingScheme
    price { amount currency } free fundingSchemes location { country city lat lng }
    startDate endDate applicationDeadline schedule landingPage publishedAt archivedAt
    annexI { complete missing }
  }
}`;

describe('catalogue: learning opportunities and their lifecycle', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof agencyAndProvider>> & { otherProviderId: string; otherProviderToken: string };

  beforeAll(async () => {
    app = await startTestApp();
    const mine = await agencyAndProvider(app);
    const other = await registerOrganisation(app, 'PROVIDER');
    world = { ...mine, otherProviderId: other.id, otherProviderToken: await createApiKey(app, 'PROVIDER', other.id) };
  });
  afterAll(async () => {
    await app.close();
  });

  const read = async (id: string, token?: string) => dataOf(await app.graphql(READ, { id }, token)).learningOpportunity;
  async function auditCount(): Promise<number> {
    return dataOf(await app.graphql(`{ auditEvents(first: 500) { id } }`, {}, app.adminToken)).auditEvents.length;
  }

  it('creates a DRAFT with every field of the design, validated, and derives Annex I compliance', async () => {
    const input = opportunityInput({
      title: [
        { lang: 'en', text: 'Welding for beginners' },
        { lang: 'fi', text: 'Hitsauksen perusteet' },
      ],
      qfEheaCycle: 'SHORT_CYCLE',
      nqfLevel: '4',
      prerequisites: 'None',
      stacksTowards: 'Vocational qualification in welding',
      gradingScheme: 'pass/fail',
      price: null,
      free: true,
      fundingSchemes: ['voucher-eligible'],
      location: { country: 'FI', city: 'Tampere', lat: 61.4978, lng: 23.761 },
      schedule: 'Tuesdays 17:00–20:00',
    });
    const created = dataOf(await app.graphql(CREATE_OPPORTUNITY, { input }, world.providerToken)).createOpportunity;
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, providerId: world.provider.id, annexI: { complete: true, missing: [] } });

    const stored = await read(created.id, world.providerToken);
    expect(stored).toMatchObject({
      provider: { id: world.provider.id, country: 'FI' },
      title: [
        { lang: 'en', text: 'Welding for beginners' },
        { lang: 'fi', text: 'Hitsauksen perusteet' },
      ],
      learningOutcomes: [{ text: 'Evaluate a classifier with cross-validation', escoSkill: 'http://data.europa.eu/esco/skill/abc' }],
      eqfLevel: 6,
      qfEheaCycle: 'SHORT_CYCLE',
      ectsCredits: 5,
      iscedFCodes: ['0613'],
      mode: 'ONLINE',
      assessmentTypes: ['PROJECT_WORK'],
      supervisionVerification: 'SUPERVISED_ONLINE_WITH_ID_VERIFICATION',
      price: null,
      free: true,
      fundingSchemes: ['voucher-eligible'],
      location: { country: 'FI', city: 'Tampere', lat: 61.4978, lng: 23.761 },
      startDate: '2099-09-01T00:00:00.000Z',
      publishedAt: null,
    });

    const sparse = await createOpportunity(app, world.providerToken, {
      learningOutcomes: null,
      ectsCredits: null,
      workloadHours: null,
      eqfLevel: null,
      assessmentTypes: [],
      mode: null,
      qualityAssurance: null,
    });
    expect((await read(sparse.id, world.providerToken)).annexI).toEqual({
      complete: false,
      missing: ['LEARNING_OUTCOMES', 'WORKLOAD', 'LEVEL', 'ASSESSMENT_TYPE', 'FORM_OF_PARTICIPATION', 'QUALITY_ASSURANCE'],
    });
  });

  it('goes DRAFT → PUBLISHED → ARCHIVED, each step at the version read, and ARCHIVED is final', async () => {
    const draft = await createOpportunity(app, world.providerToken);
    const published = await publishOpportunity(app, world.providerToken, draft);
    expect(published).toMatchObject({ status: 'PUBLISHED', version: draft.version + 1 });
    expect((await read(draft.id)).publishedAt).not.toBeNull();

    const again = await app.graphql(PUBLISH_OPPORTUNITY, { input: { id: draft.id, version: published.version } }, world.providerToken);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.id' }] });

    const stale = await app.graphql(ARCHIVE_OPPORTUNITY, { input: { id: draft.id, version: draft.version } }, world.providerToken);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.version' }] });

    const archived = dataOf(await app.graphql(ARCHIVE_OPPORTUNITY, { input: { id: draft.id, version: published.version } }, world.providerToken)).archiveOpportunity;
    expect(archived.status).toBe('ARCHIVED');
    const edit = await app.graphql(UPDATE_OPPORTUNITY, { input: { id: draft.id, version: archived.version, eqfLevel: 5 } }, world.providerToken);
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.id' }] });
  });

  it('updates only what is given, clears what is null, and refuses a stale version without losing the other update', async () => {
    const draft = await createOpportunity(app, world.providerToken);
    const first = dataOf(
      await app.graphql(UPDATE_OPPORTUNITY, { input: { id: draft.id, version: draft.version, eqfLevel: 7, prerequisites: null, price: null } }, world.providerToken),
    ).updateOpportunity;
    expect(first.version).toBe(draft.version + 1);
    const lost = await app.graphql(UPDATE_OPPORTUNITY, { input: { id: draft.id, version: draft.version, eqfLevel: 3 } }, world.providerToken);
    expect(lost.errors?.[0].extensions?.code).toBe('CONFLICT');
    const stored = await read(draft.id, world.providerToken);
    expect(stored).toMatchObject({ eqfLevel: 7, price: null, ectsCredits: 5, title: [{ lang: 'en', text: 'Applied machine learning' }] });

    const noTitle = await app.graphql(UPDATE_OPPORTUNITY, { input: { id: draft.id, version: first.version, title: null } }, world.providerToken);
    expect(noTitle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(noTitle.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain('input.title');
  });

  it('shows drafts and archived opportunities only to their provider and ADMIN', async () => {
    const draft = await createOpportunity(app, world.providerToken);
    const published = await publishOpportunity(app, world.providerToken, await createOpportunity(app, world.providerToken));
    expect(await read(draft.id)).toBeNull();
    expect(await read(draft.id, world.otherProviderToken)).toBeNull();
    expect(await read(draft.id, world.agencyToken)).toBeNull();
    expect((await read(draft.id, world.providerToken)).status).toBe('DRAFT');
    expect((await read(draft.id, app.adminToken)).status).toBe('DRAFT');
    expect((await read(published.id)).status).toBe('PUBLISHED');

    const listed = `query($id: ID!) { organisation(id: $id) { opportunities(first: 100) { id status } } }`;
    const publicView = dataOf(await app.graphql(listed, { id: world.provider.id })).organisation.opportunities;
    expect(publicView.every((o: { status: string }) => o.status === 'PUBLISHED')).toBe(true);
    expect(publicView.map((o: { id: string }) => o.id)).toContain(published.id);
    const ownView = dataOf(await app.graphql(listed, { id: world.provider.id }, world.providerToken)).organisation.opportunities;
    expect(ownView.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([draft.id, published.id]));
    const tooMany = await app.graphql(`query($id: ID!) { organisation(id: $id) { opportunities(first: 1000) { id } } }`, { id: world.provider.id });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets only the provider itself or ADMIN change an opportunity, and a refusal changes nothing', async () => {
    const opportunity = await createOpportunity(app, world.providerToken);
    const before = await auditCount();
    const edit = (token?: string) => app.graphql(UPDATE_OPPORTUNITY, { input: { id: opportunity.id, version: opportunity.version, eqfLevel: 2 } }, token);
    const publish = (token?: string) => app.graphql(PUBLISH_OPPORTUNITY, { input: { id: opportunity.id, version: opportunity.version } }, token);
    const archive = (token?: string) => app.graphql(ARCHIVE_OPPORTUNITY, { input: { id: opportunity.id, version: opportunity.version } }, token);
    for (const call of [edit, publish, archive]) {
      expect((await call(undefined)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await call(world.otherProviderToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await call(world.agencyToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const forOther = await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput({ providerId: world.otherProviderId }) }, world.providerToken);
    expect(forOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAgency = await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput() }, world.agencyToken);
    expect(byAgency.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await auditCount()).toBe(before);
    expect((await read(opportunity.id, world.providerToken)).eqfLevel).toBe(6);

    // ADMIN acts for a provider, naming it; for an agency it cannot.
    const withoutProvider = await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput() }, app.adminToken);
    expect(withoutProvider.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.providerId' }] });
    const forAgency = await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput({ providerId: world.agency.id }) }, app.adminToken);
    expect(forAgency.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.providerId' }] });
    const byAdmin = dataOf(await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput({ providerId: world.provider.id }) }, app.adminToken));
    expect(byAdmin.createOpportunity.providerId).toBe(world.provider.id);
    const edited = dataOf(await edit(app.adminToken)).updateOpportunity;
    expect(edited.version).toBe(opportunity.version + 1);

    const events = dataOf(
      await app.graphql(`query($id: ID!) { auditEvents(entityId: $id, first: 10) { action actorRole } }`, { id: opportunity.id }, app.adminToken),
    ).auditEvents;
    expect(events).toEqual([
      { action: 'opportunity.updated', actorRole: 'ADMIN' },
      { action: 'opportunity.created', actorRole: 'PROVIDER' },
    ]);
  });

  it('refuses bad input naming every offending field, and stores nothing', async () => {
    const before = await auditCount();
    const result = await app.graphql(
      CREATE_OPPORTUNITY,
      {
        input: opportunityInput({
          title: [
            { lang: 'english', text: 'x' },
            { lang: 'de', text: '' },
          ],
          description: [
            { lang: 'en', text: 'a' },
            { lang: 'en', text: 'b' },
          ],
          eqfLevel: 9,
          ectsCredits: -1,
          iscedFCodes: ['06133'],
          languages: ['xx'],
          price: { amount: 10.123, currency: 'EURO' },
          location: { country: 'XX', lat: 91, lng: 0 },
          landingPage: 'ftp://example.org',
        }),
      },
      world.providerToken,
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = result.errors![0].extensions!.fields!.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.title[0].lang',
        'input.title[1].text',
        'input.description',
        'input.eqfLevel',
        'input.ectsCredits',
        'input.iscedFCodes',
        'input.languages',
        'input.price.amount',
        'input.price.currency',
        'input.location.country',
        'input.location.lat',
        'input.landingPage',
      ]),
    );

    const crossField = await app.graphql(
      CREATE_OPPORTUNITY,
      { input: opportunityInput({ startDate: '2026-09-01T00:00:00Z', endDate: '2026-08-01T00:00:00Z', applicationDeadline: '2026-10-01T00:00:00Z', free: true }) },
      world.providerToken,
    );
    expect(crossField.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['input.free', 'input.endDate', 'input.applicationDeadline']);
    expect(await auditCount()).toBe(before);
  });
});
