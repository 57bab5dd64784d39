import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import pg from 'pg';
import { findFreePort } from '#platform';
import { ApiProcess } from './support/api-process.js';
import { testEngines } from './support/engines.js';
import { agencyAndProvider, CHANGE_STATUS, dataOf, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';
import { ISSUER_TRUST } from './support/trust-fixtures.js';

/**
 * DESIGN §3, Exactness: an answer is computed from one registry state and names it; a mutation
 * returns only once the answering instance holds it; another instance on the same database holds
 * it within a second — also after its database connections were cut. That second is a bench
 * figure (bench/trust-scale.ts); here B only has to agree, within a bound no healthy run comes near.
 *
 * Instance B is its own process on the system clock, so this file cannot fix a Clock: its
 * decisions are dated relative to the real now instead, and hold whenever the suite runs.
 */
const YEAR = 365 * 24 * 3600 * 1000;

describe('trust answers are exact across instances', () => {
  let a: TestApp;
  let b: ApiProcess;
  let bUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    a = await startTestApp();
    const engines = testEngines();
    const port = await findFreePort();
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-instance-b-'));
    bUrl = `http://127.0.0.1:${port}`;
    b = ApiProcess.start({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: a.databaseUrl,
      MEILI_URL: engines.meiliUrl,
      ...(engines.meiliMasterKey ? { MEILI_MASTER_KEY: engines.meiliMasterKey } : {}),
      MEILI_INDEX_PREFIX: `${new URL(a.databaseUrl).pathname.slice(1)}_b_`,
      TESSERA_ADMIN_TOKEN: a.adminToken,
      TESSERA_SIGNING_KEY: a.config.signingKeyPem!,
      TESSERA_RATE_LIMIT: 'off',
    });
    await b.waitUntilHealthy(bUrl);
  }, 90_000);

  afterAll(async () => {
    b?.child.kill('SIGTERM');
    await b?.exited;
    await a?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const onA = async (input: Record<string, unknown>) => dataOf(await a.graphql(ISSUER_TRUST, { input })).issuerTrust;
  const onB = async (input: Record<string, unknown>) => {
    const response = await fetch(`${bUrl}/trust/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, any>;
  };
  /** Waits (bounded generously: a loaded machine is slow, not wrong) until instance B answers with `status`. */
  const bAgrees = (input: Record<string, unknown>, status: string) =>
    eventually(async () => {
      const decision = await onB(input);
      return decision.status === status ? decision : undefined;
    }, 10_000, 10);
  const codes = (decision: Record<string, any>) => (decision.reasons as { code: string }[]).map((r) => r.code);

  async function trustedProvider() {
    const { agency, agencyToken, provider } = await agencyAndProvider(a);
    const accreditation = await recordAccreditation(a, agencyToken, provider.id, {
      expiresAt: new Date(Date.now() + 5 * YEAR).toISOString(),
      reviewDate: null,
      limitEqfLevels: [],
      limitFields: [],
      limitJurisdictions: [],
    });
    return { agency, agencyToken, provider, accreditation };
  }

  it('answers a suspension on the instance that made it at once, with the new sequence in the signed receipt, and on the other soon after', async () => {
    const { agencyToken, provider, accreditation } = await trustedProvider();
    const question = { organisationIdentifier: provider.legalIdentifier };
    const before = await onA(question);
    expect(before.status).toBe('TRUSTED');

    const changed = await a.graphql(CHANGE_STATUS, { input: { accreditationId: accreditation.id, status: 'SUSPENDED', reason: 'complaint', version: accreditation.version } }, agencyToken);
    dataOf(changed);
    // The very next question, in the same second as the one before: no rounding of time hides the change.
    const after = await onA(question);
    expect(after.status).toBe('NOT_TRUSTED');
    expect(codes(after)).toEqual(['ACCREDITATION_SUSPENDED']);
    expect(after.registrySequence).toBe(before.registrySequence + 1);

    const keys = createLocalJWKSet((await (await fetch(`${a.url}/trust/v1/keys`)).json()) as { keys: never[] });
    const receipt = JSON.parse(new TextDecoder().decode((await compactVerify(after.receipt, keys)).payload));
    expect(decodeProtectedHeader(after.receipt).alg).toBe('ES256');
    expect(receipt).toMatchObject({ status: 'NOT_TRUSTED', reasons: ['ACCREDITATION_SUSPENDED'], registrySequence: after.registrySequence });

    const answer = await bAgrees(question, 'NOT_TRUSTED');
    expect(answer.registrySequence).toBeGreaterThanOrEqual(after.registrySequence);
  });

  it('answers a revoked DID, a supersession and a suspended organisation at once', async () => {
    const { agencyToken, provider, accreditation } = await trustedProvider();
    const did = `did:web:exact-${provider.id}.example`;
    const registered = dataOf(await a.graphql(`mutation($input: RegisterIssuerDidInput!) { registerIssuerDid(input: $input) { id } }`, { input: { organisationId: provider.id, did } }, a.adminToken)).registerIssuerDid;
    expect((await onA({ did })).status).toBe('TRUSTED');
    await bAgrees({ did }, 'TRUSTED');

    dataOf(await a.graphql(`mutation($input: RevokeKeyInput!) { revokeIssuerDid(input: $input) { id } }`, { input: { id: registered.id, reason: 'key rotated' } }, a.adminToken));
    expect(codes(await onA({ did }))).toEqual(['DID_REVOKED']);
    await bAgrees({ did }, 'NOT_TRUSTED');

    // Supersession: the successor covers EQF 4 only; the superseded decision stops granting EQF 6 now.
    const question = { organisationId: provider.id, eqfLevel: 6 };
    expect((await onA(question)).status).toBe('TRUSTED');
    await recordAccreditation(a, agencyToken, provider.id, { supersedesId: accreditation.id, issuedAt: new Date().toISOString(), validFrom: new Date().toISOString(), expiresAt: new Date(Date.now() + 5 * YEAR).toISOString(), reviewDate: null, limitEqfLevels: [4], limitFields: [], limitJurisdictions: [] });
    const superseded = await onA(question);
    expect(superseded.status).toBe('NOT_TRUSTED');
    expect(codes(superseded)).toEqual(expect.arrayContaining(['ACCREDITATION_SUPERSEDED', 'OUT_OF_SCOPE_EQF_LEVEL']));
    expect((await onA({ organisationId: provider.id, eqfLevel: 4 })).status).toBe('TRUSTED');

    const current = dataOf(await a.graphql(`query($id: ID!) { organisation(id: $id) { version } }`, { id: provider.id })).organisation;
    dataOf(await a.graphql(`mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }`, { input: { organisationId: provider.id, status: 'SUSPENDED', reason: 'audit', version: current.version } }, a.adminToken));
    expect(codes(await onA({ organisationId: provider.id, eqfLevel: 4 }))).toEqual(['ORGANISATION_SUSPENDED']);
  });

  it('ends validUntil at a suspension the registry already holds for a later date', async () => {
    const { agencyToken, provider, accreditation } = await trustedProvider();
    const suspendFrom = new Date(Date.now() + 30 * 86_400_000);
    dataOf(await a.graphql(CHANGE_STATUS, { input: { accreditationId: accreditation.id, status: 'SUSPENDED', reason: 'review failed', version: accreditation.version, effectiveAt: suspendFrom.toISOString() } }, agencyToken));
    const now = await onA({ organisationId: provider.id });
    expect(now.status).toBe('TRUSTED');
    expect(new Date(now.validUntil).toISOString()).toBe(suspendFrom.toISOString());
    const later = await onA({ organisationId: provider.id, at: new Date(suspendFrom.getTime() + 1000).toISOString() });
    expect(codes(later)).toEqual(['ACCREDITATION_SUSPENDED']);
  });

  it('matches legal identifiers trimmed and in any case', async () => {
    const provider = await registerOrganisation(a, 'PROVIDER', { legalIdentifier: `VATFI-${Math.floor(Math.random() * 9e7 + 1e7)}` });
    const response = await fetch(`${a.url}/trust/v1/issuers/${encodeURIComponent(` ${provider.legalIdentifier.toLowerCase()} `)}`);
    const decision = (await response.json()) as Record<string, any>;
    expect(decision.organisation?.id).toBe(provider.id);
    expect(codes(decision)).toEqual(['NO_ACCREDITATION']);
  });

  it('catches up by itself after its database connections are cut, as in a PostgreSQL restart', async () => {
    const { agencyToken, provider, accreditation } = await trustedProvider();
    const question = { organisationId: provider.id };
    // B learns of changes made on A by itself (it does not wait for them).
    await bAgrees(question, 'TRUSTED');
    const admin = new pg.Client({ connectionString: a.databaseUrl });
    await admin.connect();
    try {
      const listeners = () => admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tessera-trust-index'`);
      expect((await listeners()).rows[0].n).toBe(2);
      // Every connection but this one: both instances' pools and LISTEN connections.
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      // Both listeners come back by themselves.
      await eventually(async () => ((await listeners()).rows[0].n === 2 ? true : undefined), 10_000, 100);
    } finally {
      await admin.end();
    }
    await eventually(async () => ((await a.graphql(`{ organisation(id: "${provider.id}") { id } }`)).data ? true : undefined), 10_000, 100);
    dataOf(await a.graphql(CHANGE_STATUS, { input: { accreditationId: accreditation.id, status: 'WITHDRAWN', reason: 'closed', version: accreditation.version } }, agencyToken));
    expect(codes(await onA(question))).toEqual(['ACCREDITATION_WITHDRAWN']);
    await bAgrees(question, 'NOT_TRUSTED');
  });
});
