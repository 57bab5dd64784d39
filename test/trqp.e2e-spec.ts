import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import type { JWK } from 'jose';
import { createApiKey, dataOf, recognise, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { trustIndexCaughtUp } from './support/trust-fixtures.js';
import { verifiedJws } from './support/receipts.js';

const VECTORS = '../shared/vectors/trqp-v2';
const REGISTRY_DID = 'did:web:registry.tessera.test';
const REGISTER_DID = `mutation($input: RegisterIssuerDidInput!) { registerIssuerDid(input: $input) { id } }`;

/**
 * "Now" for this file, fixed in the app's Clock: the provider's decision runs 2024-05-20 to
 * 2030-05-20 and the former agency's recognition ends 2025-01-01, so a question without a time
 * must find the one in force and the other ended, whenever the suite runs.
 */
const NOW = new Date('2026-06-01T00:00:00Z');

const json = (name: string) => JSON.parse(readFileSync(`${VECTORS}/${name}`, 'utf8')) as Record<string, unknown>;

/** The ToIP TRQP v2 schemas as shipped (byte copies of the specification's), with formats checked. */
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const schemas = {
  authorizationRequest: ajv.compile(json('trqp_authorization_request.schema.json')),
  authorizationResponse: ajv.compile(json('trqp_authorization_response.schema.json')),
  recognitionRequest: ajv.compile(json('trqp_recognition_request.schema.json')),
  recognitionResponse: ajv.compile(json('trqp_recognition_response.schema.json')),
};

function expectValid(validate: ValidateFunction, body: unknown): void {
  if (!validate(body)) throw new Error(`${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`);
}

describe('ToIP Trust Registry Query Protocol v2', () => {
  let app: TestApp;
  let keys: JWK[];
  /** Recognised from 2015 until 2025-01-01: its recognition ends. */
  let formerAgency: { id: string; legalIdentifier: string };
  const formerAgencyDid = 'did:web:former-agency.example';
  /** Recognised from 2015, open-ended, for Finland only. */
  let agency: { id: string; legalIdentifier: string };
  const agencyDid = 'did:web:agency.example';
  let provider: { id: string; legalIdentifier: string };
  const providerDid = 'did:web:provider.example';

  const post = async (path: string, body: unknown, contentType = 'application/json') => {
    const response = await fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, body: (await response.json()) as any };
  };
  const authorization = (body: Record<string, unknown>) => post('/trqp/v2/authorization', body);
  const recognition = (body: Record<string, unknown>) => post('/trqp/v2/recognition', body);
  const ask = (overrides: Record<string, unknown> = {}) => ({
    entity_id: providerDid,
    authority_id: REGISTRY_DID,
    action: 'issue',
    resource: 'eqf:6;isced-f:0613;jurisdiction:FI',
    context: { time: '2025-06-19T11:30:00Z' },
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp({ registryDid: REGISTRY_DID, rateLimitPerMinute: 100_000 }, { now: NOW });
    formerAgency = await registerOrganisation(app, 'QUALITY_AGENCY', { country: 'FI' });
    await recognise(app, formerAgency.id, { validFrom: '2015-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' });
    dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: formerAgency.id, did: formerAgencyDid } }, app.adminToken));
    agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country: 'FI' });
    await recognise(app, agency.id, { validFrom: '2015-01-01T00:00:00Z', jurisdictions: ['FI'] });
    const agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);
    dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: agency.id, did: agencyDid } }, agencyToken));

    provider = await registerOrganisation(app, 'PROVIDER', { country: 'FI', legalName: 'Jyväskylä Test University' });
    await recordAccreditation(app, agencyToken, provider.id, {
      issuedAt: '2024-05-20T00:00:00Z',
      validFrom: '2024-05-20T00:00:00Z',
      expiresAt: '2030-05-20T00:00:00Z',
      reviewDate: '2030-05-20T00:00:00Z',
      limitEqfLevels: [6, 7],
      limitFields: ['06'],
      limitJurisdictions: ['FI'],
    });
    dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did: providerDid } }, app.adminToken));
    await trustIndexCaughtUp(app);
    keys = ((await (await fetch(`${app.url}/trust/v1/keys`)).json()) as { keys: JWK[] }).keys;
  });
  afterAll(async () => {
    await app.close();
  });

  it('checks its schemas against the specification examples', () => {
    expectValid(schemas.authorizationRequest, json('authorization-request.example.json'));
    expectValid(schemas.authorizationResponse, json('authorization-response.example.json'));
    expectValid(schemas.recognitionRequest, json('recognition-request.example.json'));
    expectValid(schemas.recognitionResponse, json('recognition-response.example.json'));
    const { authorized: _authorized, ...withoutAnswer } = json('authorization-response.example.json');
    expect(schemas.authorizationResponse(withoutAnswer)).toBe(false);
  });

  // The budget's one-minute window is read from the app's Clock, fixed here, so it cannot roll over between these requests.
  it('draws on the one anonymous budget that /trust/v1 and the EBSI routes draw on', async () => {
    const remaining = (response: { headers: Headers }) => Number(response.headers.get('ratelimit-remaining'));
    const first = remaining(await authorization(ask()));
    const trust = remaining(await fetch(`${app.url}/trust/v1/issuers/${providerDid}`));
    const ebsi = remaining(await fetch(`${app.url}/ebsi/trusted-issuers-registry/v5/issuers`));
    const recognised = remaining(await recognition({ entity_id: agencyDid, authority_id: REGISTRY_DID, action: 'accredit', resource: 'accreditation' }));
    expect(first).toBeLessThan(100_000);
    expect([trust, ebsi, recognised]).toEqual([first - 1, first - 2, first - 3]);
  });

  it('authorizes an accredited provider in scope at the time asked, with the receipt of /trust/v1 for the same question', async () => {
    const request = ask();
    expectValid(schemas.authorizationRequest, request);
    const { status, body, headers } = await authorization(request);
    expect(status).toBe(200);
    expect(headers.get('ratelimit-limit')).toBe('100000'); // on the one anonymous budget
    expectValid(schemas.authorizationResponse, body);
    expect(body).toMatchObject({
      entity_id: providerDid,
      authority_id: REGISTRY_DID,
      action: 'issue',
      resource: 'eqf:6;isced-f:0613;jurisdiction:FI',
      authorized: true,
      time_requested: '2025-06-19T11:30:00Z',
      context: { time: '2025-06-19T11:30:00Z' },
    });
    expect(body.message).toContain('Jyväskylä Test University');
    expect(body.time_evaluated).toBe(NOW.toISOString());

    const receipt = await verifiedJws(body.receipt, keys);
    expect(receipt?.header).toMatchObject({ typ: 'tessera-trust-receipt+jwt' });
    expect(receipt?.payload).toMatchObject({ status: 'TRUSTED', organisationId: provider.id, at: '2025-06-19T11:30:00.000Z', registrySequence: body.registry_sequence });
    const rest = await post('/trust/v1/decisions', { did: providerDid, at: '2025-06-19T11:30:00Z', eqfLevel: 6, iscedFCode: '0613', country: 'FI' });
    const restReceipt = (await verifiedJws(rest.body.receipt, keys))!.payload as Record<string, unknown>;
    const { evaluatedAt: _a, ...same } = receipt!.payload as Record<string, unknown>;
    const { evaluatedAt: _b, ...restSame } = restReceipt;
    expect(same).toEqual(restSame);
  });

  it('refuses by scope: an EQF level, a field or a jurisdiction the accreditation does not cover', async () => {
    for (const [resource, code] of [
      ['eqf:5', 'EQF level'],
      ['isced-f:0311', 'field'],
      ['jurisdiction:SE', 'SE'],
    ]) {
      const { status, body } = await authorization(ask({ resource }));
      expect(status).toBe(200);
      expectValid(schemas.authorizationResponse, body);
      expect(body.authorized).toBe(false);
      expect(body.message).toContain(code);
      expect((await verifiedJws(body.receipt, keys))?.payload).toMatchObject({ status: 'NOT_TRUSTED' });
    }
    expect((await authorization(ask({ resource: 'credential' }))).body.authorized).toBe(true);
    expect((await authorization(ask({ resource: 'credential;eqf:7' }))).body.authorized).toBe(true);
  });

  it('refuses by time: before the accreditation was valid, and after it expires; without a time it answers for now', async () => {
    const before = await authorization(ask({ context: { time: '2024-01-01T00:00:00Z' } }));
    expect(before.body).toMatchObject({ authorized: false, time_requested: '2024-01-01T00:00:00Z' });
    expect((await verifiedJws(before.body.receipt, keys))?.payload).toMatchObject({ reasons: ['ACCREDITATION_NOT_YET_VALID'] });
    const after = await authorization(ask({ context: { time: '2031-01-01T00:00:00Z' } }));
    expect((await verifiedJws(after.body.receipt, keys))?.payload).toMatchObject({ reasons: ['ACCREDITATION_EXPIRED'] });
    const { context: _context, ...now } = ask();
    const today = await authorization(now);
    expectValid(schemas.authorizationResponse, today.body);
    expect(today.body).toMatchObject({ authorized: true, time_evaluated: NOW.toISOString() });
    expect((await verifiedJws(today.body.receipt, keys))?.payload).toMatchObject({ status: 'TRUSTED', at: NOW.toISOString() });
    expect(today.body).not.toHaveProperty('time_requested');
    expect(today.body).not.toHaveProperty('context');
  });

  it('narrows to one agency when the authority is an agency, by DID or legal identifier', async () => {
    expect((await authorization(ask({ authority_id: agencyDid }))).body.authorized).toBe(true);
    expect((await authorization(ask({ authority_id: agency.legalIdentifier }))).body.authorized).toBe(true);
    const other = await authorization(ask({ authority_id: formerAgencyDid }));
    expect(other.body.authorized).toBe(false);
    expect(other.body.message).toContain('through no accreditation by');
    const unknownAuthority = await authorization(ask({ authority_id: 'did:web:nobody.example' }));
    expect(unknownAuthority.body).toMatchObject({ authorized: false });
    expect(unknownAuthority.body.message).toContain('neither this registry');
  });

  it('identifies the entity by its legal identifier too, and answers an unknown one with authorized false and a message', async () => {
    expect((await authorization(ask({ entity_id: provider.legalIdentifier }))).body.authorized).toBe(true);
    for (const entity_id of ['did:web:unknown.example', 'VATFI-00000000', 'ab'.repeat(32)]) {
      const { status, body } = await authorization(ask({ entity_id }));
      expect(status).toBe(200);
      expectValid(schemas.authorizationResponse, body);
      expect(body).toMatchObject({ entity_id, authorized: false });
      expect(body.message.length).toBeGreaterThan(10);
      expect((await verifiedJws(body.receipt, keys))?.payload).toMatchObject({ status: 'UNKNOWN_ISSUER' });
    }
  });

  it('answers a malformed request with 400 problem+json naming the field', async () => {
    const cases: [Record<string, unknown> | string, string][] = [
      [{ authority_id: REGISTRY_DID, action: 'issue', resource: 'credential' }, 'entity_id'],
      [ask({ resource: 'eqf:9' }), 'resource'],
      [ask({ resource: 'eqf:6;eqf:7' }), 'resource'],
      [ask({ resource: 'engineer-license' }), 'resource'],
      [ask({ action: 'govern' }), 'action'],
      [ask({ context: { time: 'yesterday' } }), 'context.time'],
      [ask({ context: { time: 42 } }), 'context.time'],
      [ask({ entity_id: 'did:bad id' }), 'entity_id'],
      [[] as unknown as Record<string, unknown>, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await authorization(body as Record<string, unknown>);
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    }
    const notJson = await post('/trqp/v2/authorization', '{"entity_id":', 'application/json');
    expect(notJson.status).toBe(400);
    expect(notJson.type).toMatch(/^application\/problem\+json/);
    const recognitionByLevel = await recognition({ entity_id: agencyDid, authority_id: REGISTRY_DID, action: 'accredit', resource: 'eqf:6' });
    expect(recognitionByLevel.status).toBe(400);
  });

  it('recognizes an agency before its recognition ends and not after, by DID or legal identifier', async () => {
    const question = (time: string, entity_id = formerAgencyDid) => ({ entity_id, authority_id: REGISTRY_DID, action: 'accredit', resource: 'accreditation', context: { time } });
    expectValid(schemas.recognitionRequest, question('2024-06-01T00:00:00Z'));
    const before = await recognition(question('2024-06-01T00:00:00Z'));
    expect(before.status).toBe(200);
    expectValid(schemas.recognitionResponse, before.body);
    expect(before.body).toMatchObject({ entity_id: formerAgencyDid, action: 'accredit', recognized: true, time_requested: '2024-06-01T00:00:00Z' });
    const receipt = await verifiedJws(before.body.receipt, keys);
    expect(receipt?.header).toMatchObject({ typ: 'tessera-recognition-receipt+jwt' });
    expect(receipt?.payload).toMatchObject({ recognized: true, agencyId: formerAgency.id, validUntil: '2025-01-01T00:00:00.000Z', registrySequence: before.body.registry_sequence });

    const atTheEnd = await recognition(question('2025-01-01T00:00:00Z'));
    expectValid(schemas.recognitionResponse, atTheEnd.body);
    expect(atTheEnd.body.recognized).toBe(false);
    expect(atTheEnd.body.message).toContain('not recognised');
    expect((await recognition(question('2024-12-31T23:59:59Z', formerAgency.legalIdentifier))).body.recognized).toBe(true);
    const { context: _c, ...now } = question('');
    expect((await recognition(now)).body).toMatchObject({ recognized: false, time_evaluated: NOW.toISOString() });
    expect((await recognition({ ...now, entity_id: agencyDid })).body.recognized).toBe(true);
  });

  it('recognizes by jurisdiction, and answers false for a provider, an unknown agency or another authority', async () => {
    const base = { entity_id: agencyDid, authority_id: REGISTRY_DID, action: 'accredit', resource: 'jurisdiction:FI' };
    expect((await recognition(base)).body.recognized).toBe(true);
    const sweden = await recognition({ ...base, resource: 'accreditation;jurisdiction:SE' });
    expect(sweden.body).toMatchObject({ recognized: false });
    expect(sweden.body.message).toContain('not for SE');
    for (const body of [{ ...base, entity_id: providerDid }, { ...base, entity_id: 'did:web:nobody.example' }, { ...base, authority_id: 'did:web:another-registry.example' }]) {
      const response = await recognition(body);
      expect(response.status).toBe(200);
      expectValid(schemas.recognitionResponse, response.body);
      expect(response.body.recognized).toBe(false);
      expect(response.body.message.length).toBeGreaterThan(10);
    }
  });
});
