import {
  agencyAndProvider,
  CHANGE_STATUS,
  createApiKey,
  dataOf,
  recognise,
  recordAccreditation,
  registerOrganisation,
  RECORD_ACCREDITATION,
  accreditationInput,
} from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ACCREDITATION = `query($id: ID!, $at: DateTime) {
  accreditation(id: $id) {
    id version decision status statusAt: status(at: $at)
    statusHistory { status effectiveAt recordedAt reason actorRole actorOrganisationId }
    accreditedOrganisation { id } accreditingAgent { id } supersedes { id }
  }
}`;

/**
 * "Now" for this file, fixed in the app's Clock: the fixtures' decisions run 2024-05-20 to
 * 2030-05-20, and what is in force, due or expired must not change with the day the suite runs.
 */
const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;

describe('registry journeys: an agency records and manages its decisions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({}, { now: NOW });
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers, recognises, records, suspends, reinstates and withdraws, keeping every step in the history', async () => {
    const { agency, agencyToken, provider } = await agencyAndProvider(app);

    const recorded = await recordAccreditation(app, agencyToken, provider.id);
    let read = dataOf(await app.graphql(ACCREDITATION, { id: recorded.id })).accreditation;
    expect(read).toMatchObject({
      decision: 'POSITIVE',
      status: 'ACTIVE',
      accreditedOrganisation: { id: provider.id },
      accreditingAgent: { id: agency.id },
      statusHistory: [{ status: 'ACTIVE', effectiveAt: '2024-05-20T00:00:00.000Z', actorRole: 'QUALITY_AGENCY', actorOrganisationId: agency.id }],
    });

    const suspended = dataOf(
      await app.graphql(CHANGE_STATUS, { input: { accreditationId: recorded.id, status: 'SUSPENDED', reason: 'complaint under investigation', version: read.version } }, agencyToken),
    ).changeAccreditationStatus;
    expect(suspended.status).toBe('SUSPENDED');
    expect(suspended.version).toBe(read.version + 1);

    const reinstated = dataOf(
      await app.graphql(CHANGE_STATUS, { input: { accreditationId: recorded.id, status: 'ACTIVE', reason: 'complaint dismissed', version: suspended.version } }, agencyToken),
    ).changeAccreditationStatus;
    expect(reinstated.status).toBe('ACTIVE');

    const withdrawn = dataOf(
      await app.graphql(CHANGE_STATUS, { input: { accreditationId: recorded.id, status: 'WITHDRAWN', reason: 'provider closed', version: reinstated.version } }, agencyToken),
    ).changeAccreditationStatus;
    expect(withdrawn.statusHistory.map((e: { status: string }) => e.status)).toEqual(['ACTIVE', 'SUSPENDED', 'ACTIVE', 'WITHDRAWN']);

    // WITHDRAWN is final, and the refusal changes nothing.
    const again = await app.graphql(
      CHANGE_STATUS,
      { input: { accreditationId: recorded.id, status: 'ACTIVE', reason: 'second thoughts', version: withdrawn.version } },
      agencyToken,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.status' }] });
    read = dataOf(await app.graphql(ACCREDITATION, { id: recorded.id })).accreditation;
    expect(read.statusHistory).toHaveLength(4);
    expect(read.version).toBe(withdrawn.version);
  });

  it('answers "what was the status at T" for past and future T, including changes that take effect later', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    const recorded = await recordAccreditation(app, agencyToken, provider.id, { issuedAt: '2024-03-01T00:00:00Z', validFrom: '2024-04-01T00:00:00Z' });
    const future = new Date(NOW.getTime() + 30 * DAY).toISOString();
    dataOf(
      await app.graphql(
        CHANGE_STATUS,
        { input: { accreditationId: recorded.id, status: 'SUSPENDED', reason: 'announced suspension', effectiveAt: future, version: recorded.version } },
        agencyToken,
      ),
    );
    const at = async (time: string) => dataOf(await app.graphql(ACCREDITATION, { id: recorded.id, at: time })).accreditation.statusAt;
    expect(await at('2024-02-28T23:59:59Z')).toBeNull(); // before the decision
    expect(await at('2024-03-01T00:00:00Z')).toBe('ACTIVE'); // effectiveAt applies from its instant
    expect(await at(NOW.toISOString())).toBe('ACTIVE');
    expect(await at(future)).toBe('SUSPENDED');
    expect(await at('2031-01-01T00:00:00Z')).toBe('SUSPENDED');
  });

  it('supersedes a decision: the old one answers ACTIVE before the successor starts and SUPERSEDED after', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    const first = await recordAccreditation(app, agencyToken, provider.id, { issuedAt: '2019-05-20T00:00:00Z', validFrom: '2019-05-20T00:00:00Z', expiresAt: '2025-05-20T00:00:00Z', reviewDate: '2025-05-20T00:00:00Z' });
    const successor = dataOf(
      await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(provider.id, { issuedAt: '2024-11-01T00:00:00Z', validFrom: '2025-01-01T00:00:00Z', supersedesId: first.id }) }, agencyToken),
    ).recordAccreditation;

    const old = async (time: string) => dataOf(await app.graphql(ACCREDITATION, { id: first.id, at: time })).accreditation;
    expect((await old('2024-12-31T23:59:59Z')).statusAt).toBe('ACTIVE');
    const after = await old('2025-01-01T00:00:00Z');
    expect(after.statusAt).toBe('SUPERSEDED');
    expect(after.statusHistory.at(-1)).toMatchObject({ status: 'SUPERSEDED', reason: `superseded by ${successor.id}` });
    expect(dataOf(await app.graphql(ACCREDITATION, { id: successor.id })).accreditation.supersedes).toEqual({ id: first.id });

    // A superseded decision cannot be superseded again, nor reinstated.
    const twice = await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(provider.id, { supersedesId: first.id, validFrom: '2026-01-01T00:00:00Z' }) }, agencyToken);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.supersedesId' }] });
  });

  it("lists the standing decisions due for review, optionally one agency's only", async () => {
    const a = await agencyAndProvider(app);
    const b = await agencyAndProvider(app);
    const dueA = await recordAccreditation(app, a.agencyToken, a.provider.id, { reviewDate: '2027-01-15T00:00:00Z' });
    const laterA = await recordAccreditation(app, a.agencyToken, a.provider.id, { reviewDate: '2029-06-01T00:00:00Z' });
    const dueB = await recordAccreditation(app, b.agencyToken, b.provider.id, { reviewDate: '2027-02-01T00:00:00Z' });
    const withdrawnA = await recordAccreditation(app, a.agencyToken, a.provider.id, { reviewDate: '2027-01-01T00:00:00Z' });
    dataOf(await app.graphql(CHANGE_STATUS, { input: { accreditationId: withdrawnA.id, status: 'WITHDRAWN', reason: 'closed', version: withdrawnA.version } }, a.agencyToken));

    const query = `query($before: DateTime!, $agencyId: ID) { accreditationsDueForReview(before: $before, agencyId: $agencyId) { id reviewDate } }`;
    const ids = async (variables: Record<string, unknown>) =>
      dataOf(await app.graphql(query, variables)).accreditationsDueForReview.map((x: { id: string }) => x.id);
    const all = await ids({ before: '2028-01-01T00:00:00Z' });
    expect(all).toEqual(expect.arrayContaining([dueA.id, dueB.id]));
    expect(all).not.toContain(laterA.id);
    expect(all).not.toContain(withdrawnA.id);
    expect(all.indexOf(dueA.id)).toBeLessThan(all.indexOf(dueB.id)); // earliest review first
    expect(await ids({ before: '2028-01-01T00:00:00Z', agencyId: a.agency.id })).toEqual([dueA.id]);
  });

  it('lets the operator import a historic decision on behalf of an agency that is no longer recognised', async () => {
    const agency = await registerOrganisation(app, 'QUALITY_AGENCY');
    const provider = await registerOrganisation(app, 'PROVIDER');
    await recognise(app, agency.id, { validFrom: '2010-01-01T00:00:00Z', validUntil: '2020-01-01T00:00:00Z' });
    const agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);

    const own = await app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(provider.id) }, agencyToken);
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const imported = await app.graphql(
      RECORD_ACCREDITATION,
      { input: accreditationInput(provider.id, { accreditingAgentId: agency.id, issuedAt: '2012-01-01T00:00:00Z', validFrom: '2012-01-01T00:00:00Z', expiresAt: '2018-01-01T00:00:00Z', reviewDate: null }) },
      app.adminToken,
    );
    expect(dataOf(imported).recordAccreditation.statusHistory[0]).toMatchObject({ status: 'ACTIVE', actorRole: 'ADMIN' });
  });

  it('lists organisations by kind, country and accreditation state, page by page', async () => {
    const country = 'MT'; // only this test registers Maltese organisations
    const agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country });
    await recognise(app, agency.id, { jurisdictions: [country] });
    const agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);
    const accredited = await registerOrganisation(app, 'PROVIDER', { country, legalName: 'A accredited' });
    const plain = await registerOrganisation(app, 'PROVIDER', { country, legalName: 'B not accredited' });
    const expired = await registerOrganisation(app, 'PROVIDER', { country, legalName: 'C expired' });
    await recordAccreditation(app, agencyToken, accredited.id, { limitJurisdictions: [] });
    await recordAccreditation(app, agencyToken, expired.id, { issuedAt: '2015-01-01T00:00:00Z', validFrom: '2015-01-01T00:00:00Z', expiresAt: '2020-01-01T00:00:00Z', reviewDate: null });

    const query = `query($filter: OrganisationFilter, $first: Int!, $after: String) {
      organisations(filter: $filter, first: $first, after: $after) { totalCount edges { node { id legalName } } pageInfo { hasNextPage endCursor } }
    }`;
    const list = async (filter: Record<string, unknown>, first = 10, after?: string) => dataOf(await app.graphql(query, { filter, first, after })).organisations;

    const providers = await list({ country, kind: 'PROVIDER' });
    expect(providers.totalCount).toBe(3);
    expect(providers.edges.map((e: any) => e.node.id)).toEqual([accredited.id, plain.id, expired.id]);
    expect((await list({ country, kind: 'PROVIDER', accreditationState: 'ACCREDITED' })).edges.map((e: any) => e.node.id)).toEqual([accredited.id]);
    expect((await list({ country, kind: 'PROVIDER', accreditationState: 'NOT_ACCREDITED' })).edges.map((e: any) => e.node.id)).toEqual([plain.id, expired.id]);

    const page1 = await list({ country }, 2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({ country }, 2, page1.pageInfo.endCursor);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const seen = [...page1.edges, ...page2.edges].map((e: any) => e.node.id);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toEqual(expect.arrayContaining([agency.id, accredited.id, plain.id, expired.id]));

    const badCursor = await app.graphql(query, { filter: { country }, first: 2, after: 'garbage' });
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
  });

  it('does not count a suspended provider as accredited, whatever its decisions say (filter, field and decision agree)', async () => {
    const country = 'CY'; // only this test registers Cypriot organisations
    const agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country });
    await recognise(app, agency.id);
    const agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);
    const provider = await registerOrganisation(app, 'PROVIDER', { country });
    const decision = await recordAccreditation(app, agencyToken, provider.id, { validFrom: '2024-01-01T00:00:00Z', issuedAt: '2024-01-01T00:00:00Z', expiresAt: '2099-01-01T00:00:00Z', reviewDate: null });
    dataOf(
      await app.graphql(
        `mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }`,
        { input: { organisationId: provider.id, status: 'SUSPENDED', reason: 'under investigation', version: provider.version } },
        app.adminToken,
      ),
    );
    const history = dataOf(await app.graphql(`query($id: ID!) { organisation(id: $id) { statusHistory { status effectiveAt } } }`, { id: provider.id }))
      .organisation.statusHistory;
    expect(history.map((e: { status: string }) => e.status)).toEqual(['ACTIVE', 'SUSPENDED']);
    const suspendedAt = new Date(history[1].effectiveAt);

    const state = async (accreditationState: string) =>
      dataOf(
        await app.graphql(`query($filter: OrganisationFilter) { organisations(filter: $filter, first: 10) { edges { node { id } } } }`, {
          filter: { country, kind: 'PROVIDER', accreditationState },
        }),
      ).organisations.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await state('ACCREDITED')).toEqual([]);
    expect(await state('NOT_ACCREDITED')).toEqual([provider.id]);

    const read = dataOf(
      await app.graphql(
        `query($id: ID!, $before: DateTime!, $since: DateTime!) { organisation(id: $id) {
          before: accredited(at: $before) since: accredited(at: $since) now: accredited
          accreditations { id inForce }
        } }`,
        { id: provider.id, before: new Date(suspendedAt.getTime() - 1).toISOString(), since: suspendedAt.toISOString() },
      ),
    ).organisation;
    // The decision itself stays in force; the provider's own status is what takes accreditation away.
    expect(read).toEqual({ before: true, since: false, now: false, accreditations: [{ id: decision.id, inForce: true }] });
  });
});
