import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { agencyAndProvider, CHANGE_STATUS, createApiKey, dataOf, recognise, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { addTrustAnchor, trustIndexCaughtUp } from './support/trust-fixtures.js';

const vector = (name: string) => readFileSync(`../shared/vectors/credentials/${name}`, 'utf8');
const VERIFY = `query($input: VerifyCredentialInput!) { verifyCredential(input: $input) {
  status reasons { code message } warnings { code } signature { format algorithm signedAt certificate { organizationIdentifier } }
  credential { id title types annexI { complete missing } } trust { status organisation { legalIdentifier } } credentialSha256 receipt } }`;

/**
 * "Now" for this file's apps that answer about time, fixed in the app's Clock so that what is valid
 * and what has expired stays so whenever the suite runs: the Commission's sample seal (2023-05-11 →
 * 2025-05-10, sealed 2023-09-27) has expired by then but was valid when sealed; VELOCERT's seal
 * (2025-09-11 → 2028-09-11, sealed 2026-01-12), the ANF eSeal CA (to 2035-11-08) and the decisions
 * recorded here (to 2028-06-01 and 2030-01-01) are in force.
 */
const NOW = new Date('2026-06-01T00:00:00Z');

/** Credentials as received, through the real api: the Commission's sample under the ANF eSeal CA. */
describe('credential verification over REST and GraphQL', () => {
  let app: TestApp;
  let sealedAt: string;
  let agencyToken: string;
  let accreditation: { id: string; version: number };

  beforeAll(async () => {
    app = await startTestApp({}, { now: NOW });
    const agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country: 'ES' });
    await recognise(app, agency.id);
    agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);
    const provider = await registerOrganisation(app, 'PROVIDER', { country: 'ES', legalName: 'ORGANIZACION TEST', legalIdentifier: 'VATES-A00000000' });
    accreditation = await recordAccreditation(app, agencyToken, provider.id, { issuedAt: '2022-06-01T00:00:00Z', validFrom: '2022-06-01T00:00:00Z', expiresAt: '2028-06-01T00:00:00Z', reviewDate: null, limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });
    await addTrustAnchor(app, 'anf-qualified-eseal-ca-2022');
    sealedAt = '2023-09-27T12:07:01Z';
    await trustIndexCaughtUp(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('verifies the sealed sample over REST as received (application/ld+json), seal expired today but valid when sealed', async () => {
    const response = await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/ld+json' }, body: vector('eu-certofpart-signed.jsonld') });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Record<string, any>;
    expect(answer).toMatchObject({ status: 'VERIFIED', reasons: [], signature: { format: 'JADES', signedAt: `${sealedAt.slice(0, 19)}.000Z` }, trust: { status: 'TRUSTED', organisation: { legalIdentifier: 'VATES-A00000000' } } });
    expect(answer.warnings.map((w: { code: string }) => w.code)).toEqual(expect.arrayContaining(['SIGNING_TIME_ASSERTED', 'CERTIFICATE_NOT_REGISTERED']));
    // Expired at the app's now, answered at the signing time.
    expect(answer.signature.certificate.notAfter).toBe('2025-05-10T14:31:15.000Z');
    expect(Date.parse(answer.signature.certificate.notAfter)).toBeLessThan(NOW.getTime());
    expect(answer.trust).toMatchObject({ at: `${sealedAt.slice(0, 19)}.000Z`, evaluatedAt: NOW.toISOString() });
  });

  it('answers INVALID (200) for a tampered copy over GraphQL, and 400 for a body that is no JWS', async () => {
    const jws = JSON.parse(vector('eu-certofpart-signed.jsonld')) as { payload: string };
    jws.payload = jws.payload.replace('EDC Updates Webinar', 'EDC Updates Webinaz');
    const answer = dataOf(await app.graphql(VERIFY, { input: { credential: JSON.stringify(jws) } })).verifyCredential;
    expect(answer.status).toBe('INVALID');
    expect(answer.reasons.map((r: { code: string }) => r.code)).toEqual(['SIGNATURE_INVALID']);
    const bad = await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const empty = await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST' });
    expect(empty.status).toBe(400);
  });

  it('accepts up to 4 MiB and refuses more with 413', async () => {
    const big = await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(4 * 1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    const twoMiB = await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `${' '.repeat(2 * 1024 * 1024)}${vector('mynextid-edc-dc-signed.jsonld')}` });
    expect(twoMiB.status).toBe(200);
  });

  it('is NOT_TRUSTED when the accreditation was suspended at the signing time (recorded afterwards)', async () => {
    dataOf(await app.graphql(CHANGE_STATUS, { input: { accreditationId: accreditation.id, status: 'SUSPENDED', reason: 'complaint', effectiveAt: '2023-09-01T00:00:00Z', version: accreditation.version } }, agencyToken));
    await trustIndexCaughtUp(app);
    const response = await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST', body: vector('eu-certofpart-signed.jsonld') });
    const answer = (await response.json()) as Record<string, any>;
    expect(answer.status).toBe('NOT_TRUSTED');
    expect(answer.reasons.map((r: { code: string }) => r.code)).toEqual(['ACCREDITATION_SUSPENDED']);
  });
});

/** A credential is personal data: a malformed request that carries one must not echo it (DESIGN §8.1). */
describe('a malformed verifyCredential request echoes no input value', () => {
  let app: TestApp;
  const logged: string[] = [];
  const MARKER = `Erika-Mustermann-${Date.now().toString(36)}`;
  const Q = 'query($input: VerifyCredentialInput!) { verifyCredential(input: $input) { status } }';

  beforeAll(async () => {
    app = await startTestApp({ logLevel: 'trace' }, { logTo: { write: (line: string) => void logged.push(line) } });
  });
  afterAll(async () => {
    await app.close();
  });

  const post = async (body: string) => {
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, text: await response.text() };
  };

  it('names the variable, path and type, never the value, in the answer and in the log', async () => {
    const credentialLike = { credentialSubject: { givenName: MARKER }, proof: 'x' };
    const answers = [
      // Twice each: Mercurius runs a query through graphql-js first and through graphql-jit from the second time.
      await post(JSON.stringify({ query: Q, variables: { input: { credential: credentialLike } } })),
      await post(JSON.stringify({ query: Q, variables: { input: { credential: credentialLike } } })),
      await post(JSON.stringify({ query: Q, variables: { input: { credential: [MARKER] } } })),
      await post(JSON.stringify({ query: Q, variables: { input: MARKER } })),
      await post(JSON.stringify({ query: Q, variables: { input: { credential: 'x', learner: MARKER } } })),
      await post(JSON.stringify({ query: `{ verifyCredential(input: {credential: {givenName: "${MARKER}"}}) { status } }` })),
      await post(JSON.stringify({ query: `{ verifyCredential(input: {credential: "x" "${MARKER}"}) { status } }` })),
      // A body that is not JSON at all: its parse error must not quote it either.
      await post(`{"query": "{ verifyCredential(input: {credential: \\"${MARKER}`),
    ];
    const viaGet = await fetch(`${app.url}/graphql?query=${encodeURIComponent(`{ verifyCredential(input: {credential: ["${MARKER}"]}) { status } }`)}`);
    answers.push({ status: viaGet.status, text: await viaGet.text() });

    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      const body = JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors.length).toBeGreaterThan(0);
      expect(body.errors.every((e) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
      expect(answer.text).not.toContain('Mustermann');
    }
    const first = (JSON.parse(answers[0].text) as { errors: { message: string }[] }).errors[0].message;
    expect(first).toBe('Variable "$input" got an invalid value at "input.credential"; String cannot represent a non string value.');
    expect(answers[1].text).toContain('String cannot represent a non string value');
    expect(answers[4].text).toContain('Field \\"learner\\" is not defined by type \\"VerifyCredentialInput\\"');

    // Every request was logged (the log is really captured), none with the value.
    expect(logged.filter((line) => line.includes('"url":"/graphql')).length).toBe(answers.length);
    expect(logged.filter((line) => line.includes('Mustermann'))).toEqual([]);
  });
});

/** A DID that is neither did:key nor did:jwk verifies through the keys registered with it in Tessera. */
describe('credentials signed by a registered DID', () => {
  let app: TestApp;
  const REGISTER_DID = `mutation($input: RegisterIssuerDidInput!) { registerIssuerDid(input: $input) { did verificationMethods { id publicKeyJwk } } }`;

  beforeAll(async () => {
    // The VC-JWT is signed 2026-01-15 under a decision of 2025-01-01 → 2030-01-01: both before NOW, and in force at it.
    app = await startTestApp({}, { now: NOW });
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers public keys only, naming the private member it refuses', async () => {
    const provider = await registerOrganisation(app, 'PROVIDER', { country: 'FI' });
    const providerToken = await createApiKey(app, 'PROVIDER', provider.id);
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const did = `did:web:refused-${Date.now()}.example`;
    const refused = await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did, verificationMethods: [{ id: '#k1', publicKeyJwk: privateJwk }] } }, providerToken);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.verificationMethods[0].publicKeyJwk.d' }] });
    expect(JSON.stringify(refused)).not.toContain(privateJwk.d);
    const notAKey = await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did, verificationMethods: [{ id: 'did:web:other.example#k1', publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' } }] } }, providerToken);
    expect(notAKey.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['input.verificationMethods[0].id', 'input.verificationMethods[0].publicKeyJwk']);
    // Nothing was registered by the refusals.
    const { d: _d, ...publicJwk } = privateJwk;
    const registered = dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did, verificationMethods: [{ id: '#k1', publicKeyJwk: publicJwk }] } }, providerToken));
    expect(registered.registerIssuerDid).toEqual({ did, verificationMethods: [{ id: `${did}#k1`, publicKeyJwk: publicJwk }] });
  });

  it('verifies a VC-JWT by the registered key (TRUSTED issuer), and an unregistered DID is DID_NOT_RESOLVABLE', async () => {
    const { agencyToken, provider } = await agencyAndProvider(app);
    await recordAccreditation(app, agencyToken, provider.id, { issuedAt: '2025-01-01T00:00:00Z', validFrom: '2025-01-01T00:00:00Z', expiresAt: '2030-01-01T00:00:00Z', reviewDate: null, limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const did = `did:web:university-${Date.now()}.example`;
    dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did, verificationMethods: [{ id: `${did}#seal`, publicKeyJwk: await exportJWK(publicKey) }] } }, app.adminToken));
    await trustIndexCaughtUp(app);
    const sign = (kid: string) =>
      new SignJWT({ vc: { type: ['VerifiableCredential'], issuer: did, credentialSubject: { id: 'did:example:learner' } } }).setProtectedHeader({ alg: 'EdDSA', kid }).setIssuedAt(Date.parse('2026-01-15T00:00:00Z') / 1000).sign(privateKey);
    const verify = async (jwt: string) => (await (await fetch(`${app.url}/trust/v1/credentials/verify`, { method: 'POST', headers: { 'content-type': 'application/jwt' }, body: jwt })).json()) as Record<string, any>;
    const answer = await verify(await sign(`${did}#seal`));
    expect(answer).toMatchObject({ status: 'VERIFIED', signature: { format: 'JWS', algorithm: 'EdDSA', did }, trust: { status: 'TRUSTED' } });
    const otherKey = await verify(await sign(`${did}#not-registered`));
    expect(otherKey).toMatchObject({ status: 'INVALID', reasons: [{ code: 'DID_NOT_RESOLVABLE' }] });
    const unknown = await verify(await sign('did:web:nobody.example#seal'));
    expect(unknown).toMatchObject({ status: 'INVALID', reasons: [{ code: 'DID_NOT_RESOLVABLE' }] });
  });
});
