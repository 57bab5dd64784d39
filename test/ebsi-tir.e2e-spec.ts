import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { CHANGE_STATUS, createApiKey, dataOf, recognise, recordAccreditation, registerOrganisation } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { trustIndexCaughtUp } from './support/trust-fixtures.js';

const TIR = '/ebsi/trusted-issuers-registry/v5';
const VECTORS = '../shared/vectors/ebsi-tir-v5';
const REGISTRY_DID = 'did:web:registry.tessera.test';
const REGISTER_DID = `mutation($input: RegisterIssuerDidInput!) { registerIssuerDid(input: $input) { id did organisationId } }`;

/**
 * "Now" for this file, fixed in the app's Clock (the second instance keeps it): the decisions run
 * 2024-05-20 to 2030-05-20, so the attribute in force now (TI, or Revoked while suspended) must
 * not change with the day the suite runs.
 */
const NOW = new Date('2026-06-01T00:00:00Z');

const vector = (name: string) => JSON.parse(readFileSync(`${VECTORS}/${name}.example.json`, 'utf8')) as Record<string, unknown>;

/*
 * JSON schemas derived from EBSI's own examples (../shared/vectors/ebsi-tir-v5): the fields each
 * example carries are required, with their types. Each schema is first checked against the example
 * it comes from, so a schema that drifted from EBSI's shape fails here rather than passing vacuously.
 */
const link = { type: 'string', pattern: '^https?://' };
const paging = (item: object) => ({
  type: 'object',
  required: ['self', 'items', 'total', 'pageSize', 'links'],
  properties: {
    self: link,
    items: { type: 'array', items: item },
    total: { type: 'integer', minimum: 0 },
    pageSize: { type: 'integer', minimum: 1, maximum: 50 },
    links: { type: 'object', required: ['first', 'prev', 'next', 'last'], additionalProperties: false, properties: { first: link, prev: link, next: link, last: link } },
  },
});
const attribute = {
  type: 'object',
  required: ['hash', 'body', 'issuerType', 'tao', 'rootTao'],
  properties: {
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    body: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' },
    issuerType: { enum: ['RootTAO', 'TAO', 'TI', 'Revoked'] },
    tao: { type: 'string', pattern: '^did:' },
    rootTao: { type: 'string', pattern: '^did:' },
  },
};
const problem = (withType: boolean) => ({
  type: 'object',
  required: ['title', 'status', 'detail', ...(withType ? ['type'] : [])],
  properties: { title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, type: { type: 'string' } },
});
const SCHEMAS = {
  'issuers-list': paging({ type: 'object', required: ['did', 'href'], properties: { did: { type: 'string', pattern: '^did:' }, href: link } }),
  issuer: { type: 'object', required: ['did', 'attributes'], properties: { did: { type: 'string', pattern: '^did:' }, attributes: { type: 'array', items: attribute } } },
  'issuer-attributes': paging({ type: 'object', required: ['id', 'href'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{64}$' }, href: link } }),
  'issuer-attribute': { type: 'object', required: ['did', 'attribute'], properties: { did: { type: 'string', pattern: '^did:' }, attribute } },
  'issuer-attribute-revisions': paging(attribute),
  'problem-400-bad-did': problem(true),
  'problem-400-bad-paging': problem(false),
  'problem-404-issuer-not-found': problem(true),
} as const;
type Shape = keyof typeof SCHEMAS;

const ajv = new Ajv({ allErrors: true, strict: true });
const validators = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<Shape, ValidateFunction>;

function expectShape(shape: Shape, body: unknown): void {
  const validate = validators[shape];
  if (!validate(body)) throw new Error(`${shape}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 400)}`);
}

describe('EBSI Trusted Issuers Registry v5', () => {
  let app: TestApp;
  let agency: { id: string; legalIdentifier: string };
  let agencyDid: string;
  let provider: { id: string; legalIdentifier: string };
  let providerDid: string;
  let accreditationId: string;
  let agencyToken: string;
  const dids: string[] = [];

  const get = async (path: string) => {
    const response = await fetch(path.startsWith('http') ? path : `${app.url}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    app = await startTestApp({ registryDid: REGISTRY_DID, rateLimitPerMinute: 100_000 }, { now: NOW });
    agency = await registerOrganisation(app, 'QUALITY_AGENCY', { country: 'FI' });
    await recognise(app, agency.id, { validFrom: '2015-01-01T00:00:00Z', jurisdictions: ['FI'] });
    agencyToken = await createApiKey(app, 'QUALITY_AGENCY', agency.id);
    // The agency registers its own DID (registerIssuerDid for a QUALITY_AGENCY), so `tao` names it.
    agencyDid = `did:web:agency-${agency.id.slice(0, 8)}.example`;
    dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: agency.id, did: agencyDid } }, agencyToken));
    dids.push(agencyDid);

    provider = await registerOrganisation(app, 'PROVIDER', { country: 'FI' });
    accreditationId = (
      await recordAccreditation(app, agencyToken, provider.id, {
        issuedAt: '2024-05-20T00:00:00Z',
        validFrom: '2024-05-20T00:00:00Z',
        expiresAt: '2030-05-20T00:00:00Z',
        reviewDate: '2029-05-20T00:00:00Z',
        limitEqfLevels: [6, 7],
        limitFields: ['06'],
        limitJurisdictions: ['FI'],
      })
    ).id;
    providerDid = `did:ebsi:z${provider.id.replaceAll('-', '').slice(0, 22)}`;
    dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did: providerDid } }, app.adminToken));
    dids.push(providerDid);
    // A did:web with a port: its %3A must survive the path.
    const other = await registerOrganisation(app, 'PROVIDER', { country: 'FI' });
    for (const did of [`did:web:localhost%3A8443:${other.id.slice(0, 8)}`, `did:key:z6Mk${other.id.replaceAll('-', '')}`]) {
      dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: other.id, did } }, app.adminToken));
      dids.push(did);
    }
    // An organisation without a DID is not an EBSI issuer.
    await registerOrganisation(app, 'PROVIDER', { country: 'FI' });
    await trustIndexCaughtUp(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('derives its schemas from EBSI examples that pass them', () => {
    for (const shape of Object.keys(SCHEMAS) as Shape[]) expectShape(shape, vector(shape));
    // and they are not vacuous: EBSI's example fails when a field is taken away
    const { links: _links, ...withoutLinks } = vector('issuers-list');
    expect(validators['issuers-list'](withoutLinks)).toBe(false);
  });

  it('pages through every issuer with page[size]=1, following links.next to links.last', async () => {
    const seen: string[] = [];
    let url = `${TIR}/issuers?page[size]=1`;
    for (let page = 1; ; page++) {
      const { status, body, headers } = await get(url);
      expect(status).toBe(200);
      expectShape('issuers-list', body);
      expect(headers.get('ratelimit-limit')).toBe('100000'); // on the one anonymous budget
      expect(body).toMatchObject({ total: dids.length, pageSize: 1, self: `${app.url}${TIR}/issuers?page[after]=${page}&page[size]=1` });
      expect(body.items).toHaveLength(1);
      expect(body.items[0].href).toBe(`${app.url}${TIR}/issuers/${body.items[0].did}`);
      seen.push(body.items[0].did);
      expect(body.links.first).toBe(`${app.url}${TIR}/issuers?page[after]=1&page[size]=1`);
      expect(body.links.last).toBe(`${app.url}${TIR}/issuers?page[after]=${dids.length}&page[size]=1`);
      expect(body.links.prev).toBe(`${app.url}${TIR}/issuers?page[after]=${Math.max(1, page - 1)}&page[size]=1`);
      if (body.links.next === body.self) break;
      url = body.links.next;
    }
    expect(seen).toEqual([...dids].sort());
    const beyond = await get(`${TIR}/issuers?page[size]=1&page[after]=${dids.length + 1}`);
    expect(beyond.body.items).toEqual([]);
  });

  it('refuses a page larger than 50, a malformed page, and a malformed or unknown DID, as EBSI does', async () => {
    const tooBig = await get(`${TIR}/issuers?page[size]=51`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.type).toMatch(/^application\/problem\+json/);
    expectShape('problem-400-bad-paging', tooBig.body);
    expect(tooBig.body).toEqual(vector('problem-400-bad-paging'));
    for (const bad of ['page[size]=0', 'page[after]=x', 'page[after]=-1']) {
      const response = await get(`${TIR}/issuers?${bad}`);
      expect(response.status).toBe(400);
      expect(response.body.title).toBe('Bad Paging Request');
    }

    const badDid = await get(`${TIR}/issuers/not-a-did`);
    expect(badDid.status).toBe(400);
    expect(badDid.body).toEqual(vector('problem-400-bad-did'));

    const unknown = await get(`${TIR}/issuers/did:ebsi:zNobodyHere`);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toEqual({ ...vector('problem-404-issuer-not-found'), detail: 'Issuer did:ebsi:zNobodyHere not found' });
    expect((await get(`${TIR}/issuers/did:ebsi:zNobodyHere/attributes`)).status).toBe(404);
    const noAttribute = await get(`${TIR}/issuers/${providerDid}/attributes/${'ab'.repeat(32)}`);
    expect(noAttribute.status).toBe(404);
    expectShape('problem-404-issuer-not-found', noAttribute.body);
    expect(noAttribute.body.title).toBe('Attribute Not Found');
    const badAttribute = await get(`${TIR}/issuers/${providerDid}/attributes/xyz`);
    expect(badAttribute.status).toBe(400);
    expectShape('problem-400-bad-did', badAttribute.body);
  });

  it('finds a did:web with a port by its path as sent, and a DID sent percent-encoded whole', async () => {
    const webDid = dids.find((d) => d.startsWith('did:web:localhost'))!;
    expect((await get(`${TIR}/issuers/${webDid}`)).body.did).toBe(webDid);
    expect((await get(`${TIR}/issuers/${encodeURIComponent(providerDid)}`)).body.did).toBe(providerDid);
  });

  it('gives each accreditation as an attribute whose body is a VC-JWT signed by the registry, verifiable with /trust/v1/keys', async () => {
    const { status, body, headers } = await get(`${TIR}/issuers/${providerDid}`);
    expect(status).toBe(200);
    expectShape('issuer', body);
    expect(Number(headers.get('tessera-registry-sequence'))).toBeGreaterThan(0);
    expect(body.did).toBe(providerDid);
    expect(body.attributes).toHaveLength(1);
    const [attr] = body.attributes;
    expect(attr).toMatchObject({ issuerType: 'TI', tao: agencyDid, rootTao: REGISTRY_DID });
    expect(attr.hash).toBe(createHash('sha256').update(attr.body).digest('hex'));

    const jwks = createLocalJWKSet((await get('/trust/v1/keys')).body);
    const { payload, protectedHeader } = await jwtVerify(attr.body, jwks, { algorithms: ['ES256'], issuer: REGISTRY_DID, subject: providerDid });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(payload).toMatchObject({
      jti: `urn:uuid:${accreditationId}`,
      nbf: Date.parse('2024-05-20T00:00:00Z') / 1000,
      exp: Date.parse('2030-05-20T00:00:00Z') / 1000,
      vc: {
        type: expect.arrayContaining(['VerifiableCredential', 'VerifiableAccreditationToAttest']),
        issuer: REGISTRY_DID,
        validFrom: '2024-05-20T00:00:00.000Z',
        expirationDate: '2030-05-20T00:00:00.000Z',
        credentialSubject: {
          id: providerDid,
          accreditedFor: [{ limitJurisdiction: ['FI'] }],
          accreditation: {
            id: accreditationId,
            decision: 'POSITIVE',
            accreditedOrganisation: { id: provider.id, legalIdentifier: provider.legalIdentifier },
            accreditingAgent: { id: agency.id, legalIdentifier: agency.legalIdentifier },
            limitEqfLevels: [6, 7],
            limitFields: ['06'],
            limitJurisdictions: ['FI'],
            reviewDate: '2029-05-20T00:00:00.000Z',
            status: 'ACTIVE',
          },
        },
      },
    });
    // A tampered body does not verify.
    const [h, p, s] = attr.body.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'did:ebsi:zForged' })).toString('base64url');
    await expect(jwtVerify(`${h}.${forged}.${s}`, jwks)).rejects.toThrow();
    expect(decodeProtectedHeader(attr.body).kid).toBe((await get('/trust/v1/keys')).body.keys[0].kid);

    // The same registry state gives the same bytes, so `hash` is stable.
    expect((await get(`${TIR}/issuers/${providerDid}`)).body.attributes[0]).toEqual(attr);
  });

  it('lists attributes with links to each, and answers each by its id', async () => {
    const { body } = await get(`${TIR}/issuers/${providerDid}/attributes`);
    expectShape('issuer-attributes', body);
    expect(body).toMatchObject({ total: 1, pageSize: 10 });
    const [{ id, href }] = body.items;
    expect(id).toBe(createHash('sha256').update(`urn:uuid:${accreditationId}`).digest('hex'));
    const one = await get(href);
    expectShape('issuer-attribute', one.body);
    expect(one.body.did).toBe(providerDid);
    expect(one.body.attribute).toEqual((await get(`${TIR}/issuers/${providerDid}`)).body.attributes[0]);
  });

  it('adds a revision after a status change, oldest first; the older revision keeps its body and hash', async () => {
    const before = (await get(`${TIR}/issuers/${providerDid}/attributes`)).body.items[0];
    const revisionsBefore = (await get(`${before.href}/revisions`)).body;
    expectShape('issuer-attribute-revisions', revisionsBefore);
    expect(revisionsBefore.items).toHaveLength(1);
    const sequenceBefore = Number((await get(before.href)).headers.get('tessera-registry-sequence'));

    const { version } = dataOf(await app.graphql(`{ accreditation(id: "${accreditationId}") { version } }`)).accreditation;
    const suspendedAt = new Date(NOW.getTime() - 60_000).toISOString();
    dataOf(await app.graphql(CHANGE_STATUS, { input: { accreditationId, status: 'SUSPENDED', reason: 'complaint under investigation', effectiveAt: suspendedAt, version } }, agencyToken));

    const { body, headers } = await get(`${before.href}/revisions`);
    expectShape('issuer-attribute-revisions', body);
    expect(Number(headers.get('tessera-registry-sequence'))).toBeGreaterThan(sequenceBefore);
    expect(body.total).toBe(2);
    expect(body.items[0]).toEqual(revisionsBefore.items[0]);
    expect(body.items.map((r: { issuerType: string }) => r.issuerType)).toEqual(['TI', 'Revoked']);
    const jwks = createLocalJWKSet((await get('/trust/v1/keys')).body);
    const statuses = [];
    for (const revision of body.items) statuses.push(((await jwtVerify(revision.body, jwks)).payload.vc as any).credentialSubject.accreditation.statusHistory.map((e: any) => e.status));
    expect(statuses).toEqual([['ACTIVE'], ['ACTIVE', 'SUSPENDED']]);
    // The attribute itself is the revision in force now.
    expect((await get(before.href)).body.attribute).toEqual(body.items[1]);
    expect((await get(`${before.href}/revisions?page[size]=1&page[after]=2`)).body.items).toEqual([body.items[1]]);
  });

  it('lists the attribute as Revoked while its provider is suspended or its DID revoked, as the one rule of "accredited now" says', async () => {
    const suspended = await registerOrganisation(app, 'PROVIDER', { country: 'FI' });
    await recordAccreditation(app, agencyToken, suspended.id, { limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });
    const did = `did:web:suspended-${suspended.id.slice(0, 8)}.example`;
    const registered = dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: suspended.id, did } }, app.adminToken)).registerIssuerDid;
    dids.push(did);
    expect((await get(`${TIR}/issuers/${did}`)).body.attributes[0].issuerType).toBe('TI');

    dataOf(
      await app.graphql(
        `mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }`,
        { input: { organisationId: suspended.id, status: 'SUSPENDED', reason: 'under investigation', version: suspended.version } },
        app.adminToken,
      ),
    );
    const whileSuspended = (await get(`${TIR}/issuers/${did}`)).body.attributes[0];
    expect(whileSuspended.issuerType).toBe('Revoked');
    // The decision itself did not change: its only revision, and its body, stay as they were.
    const attributeUrl = `${TIR}/issuers/${did}/attributes/${(await get(`${TIR}/issuers/${did}/attributes`)).body.items[0].id}`;
    const revisions = (await get(`${attributeUrl}/revisions`)).body;
    expect(revisions.items).toEqual([{ ...whileSuspended, issuerType: 'TI' }]);

    const other = await registerOrganisation(app, 'PROVIDER', { country: 'FI' });
    await recordAccreditation(app, agencyToken, other.id, { limitEqfLevels: [], limitFields: [], limitJurisdictions: [] });
    const otherDid = `did:web:revoked-${other.id.slice(0, 8)}.example`;
    const otherKey = dataOf(await app.graphql(REGISTER_DID, { input: { organisationId: other.id, did: otherDid } }, app.adminToken)).registerIssuerDid;
    dids.push(otherDid);
    dataOf(await app.graphql(`mutation($input: RevokeKeyInput!) { revokeIssuerDid(input: $input) { id } }`, { input: { id: otherKey.id, reason: 'key compromise' } }, app.adminToken));
    expect((await get(`${TIR}/issuers/${otherDid}`)).body.attributes[0].issuerType).toBe('Revoked');
    expect(registered.did).toBe(did);
  });

  it('answers with the same bodies and hashes from another instance on the same database', async () => {
    const other = await startTestApp({ registryDid: REGISTRY_DID }, { sameDatabaseAs: app });
    try {
      const here = (await get(`${TIR}/issuers/${providerDid}`)).body;
      const there = (await (await fetch(`${other.url}${TIR}/issuers/${providerDid}`)).json()) as typeof here;
      expect(there).toEqual(here);
    } finally {
      await other.close();
    }
  });

  it("lists an agency's recognitions as TAO attributes from the registry", async () => {
    const { body } = await get(`${TIR}/issuers/${agencyDid}`);
    expectShape('issuer', body);
    expect(body.attributes).toHaveLength(1);
    const [attr] = body.attributes;
    expect(attr).toMatchObject({ issuerType: 'TAO', tao: REGISTRY_DID, rootTao: REGISTRY_DID });
    const { payload } = await jwtVerify(attr.body, createLocalJWKSet((await get('/trust/v1/keys')).body), { issuer: REGISTRY_DID, subject: agencyDid });
    expect(payload.vc).toMatchObject({
      type: expect.arrayContaining(['VerifiableAccreditationToAccredit']),
      credentialSubject: { recognition: { agency: { id: agency.id }, validFrom: '2015-01-01T00:00:00.000Z', jurisdictions: ['FI'] } },
    });
  });

  it("refuses an agency's key registering a DID for another organisation", async () => {
    const result = await app.graphql(REGISTER_DID, { input: { organisationId: provider.id, did: 'did:web:not-yours.example' } }, agencyToken);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.graphql(REGISTER_DID, { input: { organisationId: agency.id, did: 'did:web:anonymous.example' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await get(`${TIR}/issuers/did:web:not-yours.example`)).status).toBe(404);
  });
});
