import {
  accreditationInput,
  agencyAndProvider,
  CHANGE_STATUS,
  createApiKey,
  dataOf,
  RECORD_ACCREDITATION,
  recordAccreditation,
  uniqueLegalIdentifier,
} from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Who = 'anonymous' | 'provider' | 'ownAgency' | 'otherAgency' | 'admin';
type Expected = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * Role × operation × own/other organisation. Each refusal must carry its code and change nothing:
 * the audit log (which every successful mutation appends to) must not grow.
 */
/** "Now" for the app's Clock: the decision below runs 2024-05-20 to 2030-05-20, and its status now decides which change each caller tries. */
const NOW = new Date('2026-06-01T00:00:00Z');

describe('registry authorisation', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof agencyAndProvider>> & { otherAgencyToken: string; otherAgencyId: string; decisionId: string; decisionVersion: number };
  const tokenOf = (who: Who): string | undefined =>
    ({ anonymous: undefined, provider: world.providerToken, ownAgency: world.agencyToken, otherAgency: world.otherAgencyToken, admin: app.adminToken })[who];

  beforeAll(async () => {
    app = await startTestApp({}, { now: NOW });
    const mine = await agencyAndProvider(app);
    const other = await agencyAndProvider(app);
    const decision = await recordAccreditation(app, mine.agencyToken, mine.provider.id);
    world = { ...mine, otherAgencyToken: other.agencyToken, otherAgencyId: other.agency.id, decisionId: decision.id, decisionVersion: decision.version };
  });
  afterAll(async () => {
    await app.close();
  });

  async function auditCount(): Promise<number> {
    return dataOf(await app.graphql(`{ auditEvents(first: 500) { id } }`, {}, app.adminToken)).auditEvents.length;
  }

  const operations: { name: string; call: (token?: string) => Promise<{ errors?: any[] }>; expected: Record<Who, Expected> }[] = [
    {
      name: 'registerOrganisation',
      call: (token) =>
        app.graphql(
          `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`,
          { input: { kind: 'PROVIDER', legalName: 'New provider', country: 'ES', legalIdentifier: uniqueLegalIdentifier() } },
          token,
        ),
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'FORBIDDEN', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: 'recogniseQualityAgency',
      call: (token) =>
        app.graphql(
          `mutation($input: RecogniseQualityAgencyInput!) { recogniseQualityAgency(input: $input) { id } }`,
          { input: { agencyId: world.agency.id, validFrom: '2020-01-01T00:00:00Z', basis: 'national act' } },
          token,
        ),
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'FORBIDDEN', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: 'createApiKey',
      call: (token) =>
        app.graphql(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }`,
          { input: { name: 'extra', role: 'QUALITY_AGENCY', organisationId: world.agency.id } },
          token,
        ),
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'FORBIDDEN', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: 'changeOrganisationStatus',
      call: async (token) => {
        const { version } = dataOf(await app.graphql(`query($id: ID!) { organisation(id: $id) { version } }`, { id: world.provider.id })).organisation;
        return app.graphql(
          `mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }`,
          { input: { organisationId: world.provider.id, status: 'SUSPENDED', reason: 'test', version } },
          token,
        );
      },
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'FORBIDDEN', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: "recordAccreditation as the agency that holds the key",
      call: (token) => app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(world.provider.id, { accreditingAgentId: world.agency.id }) }, token),
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'ok', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: 'changeAccreditationStatus of the agency’s own decision',
      call: async (token) => {
        const { version, status } = dataOf(await app.graphql(`query($id: ID!) { accreditation(id: $id) { version status } }`, { id: world.decisionId })).accreditation;
        return app.graphql(
          CHANGE_STATUS,
          { input: { accreditationId: world.decisionId, status: status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE', reason: 'test', version } },
          token,
        );
      },
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'ok', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: 'auditEvents',
      call: (token) => app.graphql(`{ auditEvents(first: 1) { id } }`, {}, token),
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'FORBIDDEN', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
    {
      name: 'apiKeys',
      call: (token) => app.graphql(`{ apiKeys { id tokenPrefix } }`, {}, token),
      expected: { anonymous: 'UNAUTHENTICATED', provider: 'FORBIDDEN', ownAgency: 'FORBIDDEN', otherAgency: 'FORBIDDEN', admin: 'ok' },
    },
  ];

  const cases = operations.flatMap((operation) =>
    (Object.keys(operation.expected) as Who[]).map((who) => ({ operation, who, expected: operation.expected[who] })),
  );

  it.each(cases.map((c) => [c.operation.name, c.who, c.expected, c] as const))('%s by %s: %s', async (_name, who, expected, { operation }) => {
    const before = await auditCount();
    const result = await operation.call(tokenOf(who));
    const after = await auditCount();
    if (expected === 'ok') {
      expect(result.errors).toBeUndefined();
      const isQuery = operation.name === 'auditEvents' || operation.name === 'apiKeys';
      expect(after).toBe(isQuery ? before : before + 1);
    } else {
      expect(result.errors?.[0].extensions?.code).toBe(expected);
      expect(after).toBe(before);
    }
  });

  it('refuses an unknown, a malformed and a revoked token as UNAUTHENTICATED, even for reads', async () => {
    const unknown = await app.graphql(`{ health { status } }`, {}, 'tsk_not-a-real-token');
    expect(unknown.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const malformed = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(((await malformed.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const token = await createApiKey(app, 'PROVIDER', world.provider.id);
    const keys = dataOf(await app.graphql(`{ apiKeys { id tokenPrefix revokedAt } }`, {}, app.adminToken)).apiKeys;
    const key = keys.find((k: { tokenPrefix: string }) => token.startsWith(k.tokenPrefix));
    expect(key.revokedAt).toBeNull();
    expect(JSON.stringify(keys)).not.toContain(token); // the token itself is never shown again
    dataOf(await app.graphql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: key.id }, app.adminToken));
    const revoked = await app.graphql(`{ organisation(id: "${world.provider.id}") { id } }`, {}, token);
    expect(revoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('binds agency and provider keys to an organisation of the same kind', async () => {
    const wrongKind = await app.graphql(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }`,
      { input: { name: 'x', role: 'QUALITY_AGENCY', organisationId: world.provider.id } },
      app.adminToken,
    );
    expect(wrongKind.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.role' }] });
    const unbound = await app.graphql(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }`,
      { input: { name: 'x', role: 'PROVIDER' } },
      app.adminToken,
    );
    expect(unbound.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.organisationId' }] });
  });
});
