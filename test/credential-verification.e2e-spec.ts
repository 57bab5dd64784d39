import { readFileSync } from 'node:fs';
import { CHANGE_STATUS, createApiKey, dataOf, recognise, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { addTrustAnchor, trustIndexCaughtUp } from './support/trust-fixtures.js';

const vector = (name: string) => readFileSync(`../shared/vectors/credentials/${name}`, 'utf8');
const VERIFY = `query($input: VerifyCredentialInput!) { verifyCredential(input: $input) {
  status reasons { code message } warnings { code } signature { format algorithm signedAt certificate { organizationIdentifier } }
  credential { id title types annexI { complete missing } } trust { status organisation { legalIdentifier } } credentialSha256 receipt } }`;

/** Credentials as received, through the real api: the Commission's sample under the ANF eSeal CA. */
describe('credential verification over REST and GraphQL', () => {
  let app: TestApp;
  let sealedAt: string;
  let agencyToken: string;
  let accreditation: { id: string; version: number };

  beforeAll(async () => {
    app = await startTestApp();
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
