import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { CHANGE_STATUS, createApiKey, dataOf, recognise, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, eventually, type TestApp } from './support/test-app.js';
import { addTrustAnchor, certificate, ISSUER_TRUST, trustIndexCaughtUp } from './support/trust-fixtures.js';
import { verifiedJws } from './support/receipts.js';

/** When the Commission's sample micro-credential was sealed (see test/fixtures/certs/README.md). */
const SAMPLE_SEALED_AT = '2023-09-27T11:54:17Z';
const SAMPLE_SEAL_SHA256 = 'c858624a53802dca996625b4f987c372d55c0979bde9b513b63e7137aa6abf04';
/**
 * "Today" for this file: the app's Clock is fixed here, so that what is current and what has
 * expired stays so whenever the suite runs (VELOCERT's seal ends 2028-09-11, ORGANIZACION TEST's
 * accreditation 2028-06-01).
 */
const TODAY = new Date('2026-06-01T00:00:00Z');
const REGISTER_CERTIFICATE = `mutation($input: RegisterIssuerCertificateInput!) { registerIssuerCertificate(input: $input) { id sha256 qualifiedESeal anchorId organizationIdentifier } }`;

/**
 * Verifiers' questions about real qualified eSeal certificates: the Commission's sample seal
 * (ORGANIZACION TEST, VATES-A00000000) under the ANF qualified eSeal CA, the EDC test seal through
 * its three-certificate chain, and VELOCERT's production seal under Halcom. Each test that changes
 * the registry changes data of its own.
 */
describe('trust decisions on real eSeal certificates', () => {
  let app: TestApp;
  let agencyToken: string;
  let organizacionTest: { id: string };
  let organizacionTestToken: string;
  let accreditationId: string;

  beforeAll(async () => {
    app = await startTestApp({}, { now: TODAY });
    const agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country: 'ES' });
    await recognise(app, agency.id);
    agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);

    organizacionTest = await registerOrganisation(app, 'PROVIDER', { country: 'ES', legalName: 'ORGANIZACION TEST', legalIdentifier: 'VATES-A00000000' });
    organizacionTestToken = await createApiKey(app, 'PROVIDER', organizacionTest.id);
    accreditationId = (
      await recordAccreditation(app, agencyToken, organizacionTest.id, {
        issuedAt: '2022-06-01T00:00:00Z',
        validFrom: '2022-06-01T00:00:00Z',
        expiresAt: '2028-06-01T00:00:00Z',
        reviewDate: '2027-06-01T00:00:00Z',
        limitEqfLevels: [5, 6, 7],
        limitFields: [],
        limitJurisdictions: [],
      })
    ).id;

    const edcOrganisation = await registerOrganisation(app, 'PROVIDER', { country: 'ES', legalName: 'Certificado TEST Sello Electronico', legalIdentifier: 'VATES-B00000000' });
    await recordAccreditation(app, agencyToken, edcOrganisation.id, { issuedAt: '2020-01-01T00:00:00Z', validFrom: '2020-01-01T00:00:00Z', expiresAt: '2030-01-01T00:00:00Z', reviewDate: null, limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });
    const velocert = await registerOrganisation(app, 'PROVIDER', { country: 'EE', legalName: 'VELOCERT OU', legalIdentifier: 'NTREE-17207834' });
    await recordAccreditation(app, agencyToken, velocert.id, { issuedAt: '2025-01-01T00:00:00Z', validFrom: '2025-01-01T00:00:00Z', expiresAt: '2030-01-01T00:00:00Z', reviewDate: null, limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });

    await addTrustAnchor(app, 'anf-qualified-eseal-ca-2022');
    await addTrustAnchor(app, 'anf-global-root-ca');
    await addTrustAnchor(app, 'halcom-ca-po-eseal-2');
    const registered = dataOf(
      await app.graphql(REGISTER_CERTIFICATE, { input: { organisationId: organizacionTest.id, certificatePem: certificate('eu-sample-seal-organizacion-test-2023') } }, organizacionTestToken),
    ).registerIssuerCertificate;
    expect(registered).toMatchObject({ sha256: SAMPLE_SEAL_SHA256, qualifiedESeal: true, organizationIdentifier: 'VATES-A00000000' });
    expect(registered.anchorId).not.toBeNull();
    await trustIndexCaughtUp(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const ask = async (input: Record<string, unknown>) => dataOf(await app.graphql(ISSUER_TRUST, { input })).issuerTrust;

  it('trusts the sample seal at its sealing time, with a receipt that verifies against the published keys', async () => {
    const decision = await ask({ certificatePem: certificate('eu-sample-seal-organizacion-test-2023'), at: SAMPLE_SEALED_AT, eqfLevel: 6 });
    expect(decision).toMatchObject({
      trusted: true,
      status: 'TRUSTED',
      reasons: [],
      warnings: [],
      organisation: { id: organizacionTest.id, legalIdentifier: 'VATES-A00000000' },
      certificate: { sha256: SAMPLE_SEAL_SHA256, registered: true, qualifiedESeal: true },
      accreditations: [{ id: accreditationId }],
      at: '2023-09-27T11:54:17.000Z',
      validUntil: '2025-05-10T14:31:15.000Z', // the seal ends before the accreditation does
    });

    const { keys } = (await (await fetch(`${app.url}/trust/v1/keys`)).json()) as { keys: JWK[] };
    const verified = await verifiedJws(decision.receipt, keys);
    expect(verified?.header).toMatchObject({ alg: 'ES256', typ: 'tessera-trust-receipt+jwt' });
    expect(verified?.payload).toMatchObject({
      status: 'TRUSTED',
      organisationId: organizacionTest.id,
      certificateSha256: SAMPLE_SEAL_SHA256,
      at: '2023-09-27T11:54:17.000Z',
      registrySequence: decision.registrySequence,
      query: { certificateSha256: SAMPLE_SEAL_SHA256, eqfLevel: 6 },
    });
    const tampered = decision.receipt.replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ status: 'TRUSTED', forged: true })).toString('base64url')}.`);
    expect(await verifiedJws(tampered, keys)).toBeNull();
  });

  it('answers CERTIFICATE_EXPIRED for the same seal today, and out of scope for an EQF level it does not cover', async () => {
    const today = await ask({ certificatePem: certificate('eu-sample-seal-organizacion-test-2023') });
    expect(today).toMatchObject({ status: 'NOT_TRUSTED', at: TODAY.toISOString() });
    expect(today.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_EXPIRED']);
    const level3 = await ask({ certificateSha256: SAMPLE_SEAL_SHA256, at: SAMPLE_SEALED_AT, eqfLevel: 3 });
    expect(level3.reasons.map((r: { code: string }) => r.code)).toEqual(['OUT_OF_SCOPE_EQF_LEVEL']);
  });

  it('identifies the unregistered 2021 EDC test seal through its three-certificate chain at 2022-07-25, and not today', async () => {
    const input = { certificatePem: certificate('edc-test-seal-2021'), intermediatesPem: certificate('anf-assured-id-ca1') };
    const then = await ask({ ...input, at: '2022-07-25T10:00:00Z' });
    expect(then).toMatchObject({ status: 'TRUSTED', organisation: { legalIdentifier: 'VATES-B00000000' }, certificate: { registered: false } });
    expect(then.warnings.map((w: { code: string }) => w.code)).toEqual(['CERTIFICATE_NOT_REGISTERED']);
    const now = await ask(input);
    expect(now.status).toBe('NOT_TRUSTED');
    expect(now.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['CERTIFICATE_EXPIRED', 'CERTIFICATE_CHAIN_UNTRUSTED']));
    const withoutIntermediate = await ask({ certificatePem: certificate('edc-test-seal-2021'), at: '2022-07-25T10:00:00Z' });
    expect(withoutIntermediate.status).toBe('UNKNOWN_ISSUER');
  });

  it("trusts VELOCERT's production seal through Halcom today, until it is revoked", async () => {
    const pem = certificate('velocert-eseal-2025');
    const today = await ask({ certificatePem: pem });
    expect(today).toMatchObject({ status: 'TRUSTED', organisation: { legalIdentifier: 'NTREE-17207834' } });

    const owner = dataOf(await app.graphql(`{ organisations(filter: { legalIdentifier: "NTREE-17207834" }) { edges { node { id } } } }`)).organisations.edges[0].node.id;
    const registered = dataOf(await app.graphql(REGISTER_CERTIFICATE, { input: { organisationId: owner, certificatePem: pem } }, app.adminToken)).registerIssuerCertificate;
    const revokedAt = new Date(TODAY.getTime() - 60_000).toISOString();
    dataOf(await app.graphql(`mutation($input: RevokeKeyInput!) { revokeIssuerCertificate(input: $input) { id } }`, { input: { id: registered.id, reason: 'key compromise', effectiveAt: revokedAt } }, app.adminToken));
    await trustIndexCaughtUp(app);
    const after = await ask({ certificatePem: pem });
    expect(after.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_REVOKED']);
    const before = await ask({ certificatePem: pem, at: new Date(TODAY.getTime() - 3_600_000).toISOString() });
    expect(before.status).toBe('TRUSTED');
  });

  it('refuses a truncated or garbage PEM cleanly, over GraphQL and REST, naming the field', async () => {
    const truncated = certificate('eu-sample-seal-organizacion-test-2023').slice(0, 600);
    for (const pem of [truncated, 'hello', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----']) {
      const result = await app.graphql(ISSUER_TRUST, { input: { certificatePem: pem } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.certificatePem' }] });
      const response = await fetch(`${app.url}/trust/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ certificatePem: pem }) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'input.certificatePem' }] });
    }
  });

  it('asks for exactly one identity, and refuses malformed fingerprints, DIDs, EQF levels and times', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'input'],
      [{ organisationIdentifier: 'VATES-A00000000', certificateSha256: SAMPLE_SEAL_SHA256 }, 'input'],
      [{ certificateSha256: 'abc123' }, 'input.certificateSha256'],
      [{ did: 'not:a:did' }, 'input.did'],
      [{ organisationIdentifier: 'VATES-A00000000', eqfLevel: 9 }, 'input.eqfLevel'],
      [{ organisationIdentifier: 'VATES-A00000000', iscedFCode: '9876' }, 'input.iscedFCode'],
    ];
    for (const [input, field] of cases) {
      const response = await fetch(`${app.url}/trust/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
    const badTime = await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000?at=yesterday`);
    expect(badTime.status).toBe(400);
    for (const identifier of ['%20%20', 'X'.repeat(201), `did:jwk:${'e'.repeat(2050)}`]) {
      const refused = await fetch(`${app.url}/trust/v1/issuers/${identifier}`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['identifier']);
    }
    // A did:jwk is often longer than a URL path parameter's usual limit: it still reaches the answer.
    const longDid = await fetch(`${app.url}/trust/v1/issuers/did:jwk:${'e'.repeat(300)}`);
    expect(((await longDid.json()) as { status: string }).status).toBe('UNKNOWN_ISSUER');
  });

  it('answers the same over REST: by fingerprint, legal identifier and DID, and as a POSTed question', async () => {
    const byFingerprint = (await (await fetch(`${app.url}/trust/v1/issuers/${SAMPLE_SEAL_SHA256}?at=${SAMPLE_SEALED_AT}&eqfLevel=6`)).json()) as Record<string, any>;
    expect(byFingerprint).toMatchObject({ status: 'TRUSTED', organisation: { legalIdentifier: 'VATES-A00000000' } });
    const byIdentifier = (await (await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000?at=${SAMPLE_SEALED_AT}`)).json()) as Record<string, any>;
    expect(byIdentifier.status).toBe('TRUSTED');

    const did = 'did:ebsi:zvHWX359A3CvfJnCYaAiAde';
    dataOf(await app.graphql(`mutation($input: RegisterIssuerDidInput!) { registerIssuerDid(input: $input) { id } }`, { input: { organisationId: organizacionTest.id, did } }, organizacionTestToken));
    await trustIndexCaughtUp(app);
    const byDid = (await (await fetch(`${app.url}/trust/v1/issuers/${did}`)).json()) as Record<string, any>;
    expect(byDid).toMatchObject({ status: 'TRUSTED', organisation: { id: organizacionTest.id } });
    const unknown = (await (await fetch(`${app.url}/trust/v1/issuers/did:ebsi:nobody`)).json()) as Record<string, any>;
    expect(unknown).toMatchObject({ status: 'UNKNOWN_ISSUER', reasons: [{ code: 'UNKNOWN_ISSUER' }] });

    const posted = await fetch(`${app.url}/trust/v1/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ certificatePem: certificate('eu-sample-seal-organizacion-test-2023'), at: SAMPLE_SEALED_AT }),
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ status: 'TRUSTED', certificate: { sha256: SAMPLE_SEAL_SHA256 } });
  });

  it('publishes a signed trust list with every issuer, fingerprint, DID and accreditation', async () => {
    const response = await fetch(`${app.url}/trust/v1/list`);
    expect(response.headers.get('content-type')).toMatch(/application\/jose/);
    const { keys } = (await (await fetch(`${app.url}/trust/v1/keys`)).json()) as { keys: JWK[] };
    const verified = await verifiedJws(await response.text(), keys);
    const list = verified?.payload as Record<string, any>;
    expect(verified?.header.typ).toBe('tessera-trust-list+jwt');
    expect(Date.parse(list.nextUpdate)).toBeGreaterThan(Date.parse(list.issuedAt));
    const issuer = list.issuers.find((i: { legalIdentifier: string }) => i.legalIdentifier === 'VATES-A00000000');
    expect(issuer?.certificates.map((c: { sha256: string }) => c.sha256)).toContain(SAMPLE_SEAL_SHA256);
    expect(issuer.accreditations[0]).toMatchObject({ id: accreditationId, scope: { eqfLevels: [5, 6, 7] } });
    expect(list.trustAnchors).toHaveLength(3);
    // Kept gzipped: a client that takes gzip gets it so, one that does not gets the same JWS as text.
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${app.url}/trust/v1/list`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await verifiedJws(await plain.text(), keys))?.payload).toEqual(list);
  });

  it('answers 503 while the trust list cannot be written to DATA_DIR, and serves it once it can', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-list-'));
    writeFileSync(join(dataDir, 'trust-list'), 'a file where the folder goes'); // as a full or read-only disk would
    const own = await startTestApp({ dataDir }, { now: TODAY });
    try {
      const refused = await fetch(`${own.url}/trust/v1/list`);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'the trust list cannot be made right now; try again shortly' });
      rmSync(join(dataDir, 'trust-list'));
      const served = await fetch(`${own.url}/trust/v1/list`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toMatch(/application\/jose/);
    } finally {
      await own.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses certificates that name another organisation or do not chain to an anchor, and keys for another organisation', async () => {
    const velocertPem = certificate('velocert-eseal-2025');
    const mismatch = await app.graphql(REGISTER_CERTIFICATE, { input: { organisationId: organizacionTest.id, certificatePem: velocertPem } }, organizacionTestToken);
    expect(mismatch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.certificatePem' }] });
    const edc = await registerOrganisation(app, 'PROVIDER', { country: 'ES' });
    const notMine = await app.graphql(REGISTER_CERTIFICATE, { input: { organisationId: edc.id, certificatePem: velocertPem } }, organizacionTestToken);
    expect(notMine.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unchained = await app.graphql(
      REGISTER_CERTIFICATE,
      { input: { organisationId: edc.id, certificatePem: certificate('edc-test-seal-2021'), allowIdentifierMismatch: true } },
      app.adminToken,
    );
    expect(unchained.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.certificatePem' }] });
    expect(unchained.errors?.[0].extensions?.fields?.[0].message).toMatch(/does not chain to a trust anchor/);
  });

  it('gives the same answer on two instances after a change (the 1 s target is a bench figure: bench/trust-scale.ts)', async () => {
    const second = await startTestApp({}, { sameDatabaseAs: app });
    try {
      // A provider and decision of its own: suspending ORGANIZACION TEST's would change what the other tests see.
      const provider = await registerOrganisation(app, 'PROVIDER', { country: 'ES' });
      const accreditation = await recordAccreditation(app, agencyToken, provider.id, { limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });
      const question = { input: { organisationId: provider.id } };
      expect(dataOf(await app.graphql(ISSUER_TRUST, question)).issuerTrust.status).toBe('TRUSTED');
      dataOf(await app.graphql(CHANGE_STATUS, { input: { accreditationId: accreditation.id, status: 'SUSPENDED', reason: 'investigation', version: accreditation.version } }, agencyToken));
      // Bounded generously: this is about both instances agreeing, not how fast (a loaded machine is slow, not wrong).
      const [first, other] = await Promise.all(
        [app, second].map((instance) =>
          eventually(async () => {
            const decision = dataOf(await instance.graphql(ISSUER_TRUST, question)).issuerTrust;
            return decision.status === 'NOT_TRUSTED' ? decision : undefined;
          }, 10_000),
        ),
      );
      expect(first.reasons).toEqual(other.reasons);
      expect(first.reasons.map((r: { code: string }) => r.code)).toEqual(['ACCREDITATION_SUSPENDED']);
      expect(first.registrySequence).toBe(other.registrySequence);
    } finally {
      await second.close();
    }
  });
});

describe('rate limits on anonymous trust questions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ rateLimitPerMinute: 3 }, { now: TODAY }); // one window, however slow the run
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 429 after the limit, and does not limit callers with a token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000`);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const withToken = await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000`, { headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(withToken.status).toBe(200);
  });
});
