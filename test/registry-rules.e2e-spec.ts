import pg from 'pg';
import {
  accreditationInput,
  agencyAndProvider,
  CHANGE_STATUS,
  dataOf,
  RECORD_ACCREDITATION,
  recordAccreditation,
  registerOrganisation,
  uniqueLegalIdentifier,
} from './support/registry-fixtures.js';
import { runCli } from './support/cli-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REGISTER = `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`;

describe('registry rules: validation, concurrency and an append-only, tamper-evident history', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof agencyAndProvider>>;
  beforeAll(async () => {
    app = await startTestApp();
    world = await agencyAndProvider(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function auditCount(): Promise<number> {
    return dataOf(await app.graphql(`{ auditEvents(first: 500) { id } }`, {}, app.adminToken)).auditEvents.length;
  }

  /** The call must be refused as BAD_USER_INPUT naming `field`, and change nothing. */
  async function expectRefused(call: () => Promise<{ errors?: any[] }>, field: string, code = 'BAD_USER_INPUT') {
    const before = await auditCount();
    const result = await call();
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect((result.errors?.[0].extensions?.fields ?? []).map((f: { field: string }) => f.field)).toContain(field);
    expect(await auditCount()).toBe(before);
  }

  const record = (input: Record<string, unknown>) =>
    app.graphql(RECORD_ACCREDITATION, { input: accreditationInput(world.provider.id, input) }, world.agencyToken);

  it.each([
    ['an EQF level outside 1–8', { limitEqfLevels: [6, 9] }, 'input.limitEqfLevels'],
    ['an ISCED-F code that does not exist', { limitFields: ['9876'] }, 'input.limitFields'],
    ['a country that is not ISO 3166-1', { limitJurisdictions: ['XX'] }, 'input.limitJurisdictions'],
    ['expiry not after validFrom', { validFrom: '2024-05-20T00:00:00Z', expiresAt: '2024-05-20T00:00:00Z' }, 'input.expiresAt'],
    ['a review date after expiry', { reviewDate: '2031-01-01T00:00:00Z' }, 'input.reviewDate'],
    ['a report URL that is not http(s)', { reportUrl: 'ftp://example.org/report.pdf' }, 'input.reportUrl'],
    ['an opportunity id that is not a UUID', { limitOpportunities: ['course-1'] }, 'input.limitOpportunities'],
    ['an empty title', { title: '' }, 'input.title'],
  ])('refuses a decision with %s', async (_label, input, field) => {
    await expectRefused(() => record(input), field);
  });

  it('refuses a decision about an organisation that is not a provider', async () => {
    await expectRefused(() => record({ accreditedOrganisationId: world.agency.id }), 'input.accreditedOrganisationId');
  });

  it('refuses values outside the GraphQL enums and unknown fields, before anything runs', async () => {
    const before = await auditCount();
    const badEnum = await record({ decision: 'MAYBE' });
    const unknownField = await record({ colour: 'green' });
    expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badEnum.errors?.[0].message).toMatch(/decision/);
    expect(unknownField.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownField.errors?.[0].message).toMatch(/colour/);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['a country that is not ISO 3166-1', { country: 'XX' }, 'input.country'],
    ['a malformed legal identifier', { legalIdentifier: 'VAT-123' }, 'input.legalIdentifier'],
    ['a legal identifier with an unknown country', { legalIdentifier: 'VATXX-123' }, 'input.legalIdentifier'],
    ['a malformed e-mail address', { email: 'not-an-address' }, 'input.email'],
    ['a malformed NUTS region', { region: 'finland' }, 'input.region'],
  ])('refuses an organisation with %s', async (_label, input, field) => {
    await expectRefused(
      () => app.graphql(REGISTER, { input: { kind: 'PROVIDER', legalName: 'X', country: 'ES', legalIdentifier: uniqueLegalIdentifier(), ...input } }, app.adminToken),
      field,
    );
  });

  it('refuses a second organisation with the same legal identifier as a CONFLICT', async () => {
    const legalIdentifier = uniqueLegalIdentifier();
    await registerOrganisation(app, 'PROVIDER', { legalIdentifier, country: 'ES' });
    await expectRefused(
      () => app.graphql(REGISTER, { input: { kind: 'PROVIDER', legalName: 'Twin', country: 'ES', legalIdentifier } }, app.adminToken),
      'input.legalIdentifier',
      'CONFLICT',
    );
  });

  it('refuses status changes that make no sense, naming the field', async () => {
    const decision = await recordAccreditation(app, world.agencyToken, world.provider.id);
    const change = (input: Record<string, unknown>) =>
      app.graphql(CHANGE_STATUS, { input: { accreditationId: decision.id, reason: 'because', version: decision.version, ...input } }, world.agencyToken);
    await expectRefused(() => change({ status: 'SUPERSEDED' }), 'input.status');
    await expectRefused(() => change({ status: 'ACTIVE' }), 'input.status'); // already active
    await expectRefused(() => change({ status: 'SUSPENDED', effectiveAt: '2024-05-19T00:00:00Z' }), 'input.effectiveAt'); // before the decision
    await expectRefused(() => change({ status: 'SUSPENDED', reason: '' }), 'input.reason');
    await expectRefused(() => change({ status: 'SUSPENDED', version: decision.version + 5 }), 'input.version', 'CONFLICT');
  });

  it('refuses an id that is not a UUID, naming the argument', async () => {
    const result = await app.graphql(`{ accreditation(id: "nope") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', message: 'must be a UUID' }] });
  });

  it('lets exactly one of two concurrent changes of the same version win; the other gets CONFLICT', async () => {
    const decision = await recordAccreditation(app, world.agencyToken, world.provider.id);
    const change = (status: string) =>
      app.graphql(CHANGE_STATUS, { input: { accreditationId: decision.id, status, reason: status, version: decision.version } }, world.agencyToken);
    const results = await Promise.all([change('SUSPENDED'), change('WITHDRAWN')]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'ok').sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const history = dataOf(await app.graphql(`query($id: ID!) { accreditation(id: $id) { statusHistory { status } } }`, { id: decision.id })).accreditation.statusHistory;
    expect(history).toHaveLength(2); // the recorded ACTIVE and the one winner
  });

  it('keeps status histories and the audit log append-only in the database itself', async () => {
    // Rows of its own (the guard is a row trigger: a statement that touches no row proves nothing).
    const decision = await recordAccreditation(app, world.agencyToken, world.provider.id);
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      await expect(db.query(`UPDATE accreditation_status_entries SET reason = 'rewritten' WHERE accreditation_id = $1`, [decision.id])).rejects.toThrow(/history/);
      await expect(db.query(`DELETE FROM organisation_status_entries WHERE organisation_id = $1`, [world.provider.id])).rejects.toThrow(/history/);
      await expect(db.query(`DELETE FROM audit_events WHERE entity_id = $1`, [decision.id])).rejects.toThrow(/history/);
    } finally {
      await db.end();
    }
  });

  it('detects an edited audit event with `cli audit verify`, naming the first broken link', async () => {
    await recordAccreditation(app, world.agencyToken, world.provider.id); // make sure the chain has a few events
    const intact = await runCli(app, ['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/The audit chain is intact: \d+ events/);

    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    const [{ id }] = (await db.query(`SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 2`)).rows;
    // Someone with direct database access switches the guard off and rewrites history.
    await db.query('BEGIN');
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await db.query(`UPDATE audit_events SET diff = jsonb_set(diff, '{tampered}', 'true') WHERE id = $1`, [id]);
    await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await db.query('COMMIT');
    await db.end();

    const broken = await runCli(app, ['audit', 'verify']);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toContain(`BROKEN at event ${id}: its content does not match its hash`);
  });
});
