import { generateKeyPairSync } from 'node:crypto';
import { compactVerify, createLocalJWKSet } from 'jose';
import type { TesseraConfig } from '#platform';
import { SigningKeyService } from '../../signing/signing-key.service.js';
import type { IndexedAccreditation, IndexedRecognition } from '../../trust-index/trust-state.js';
import { accreditationRevisions, attributeIdOf, recognitionRevisions, revisionAt } from './attestations.js';
import { paginate, pageRequestOf } from './ebsi-paging.js';

const d = (iso: string) => new Date(iso);
/** The trust index keeps times as epoch milliseconds. */
const ms = (iso: string) => Date.parse(iso);
const accreditation = (overrides: Partial<IndexedAccreditation> = {}): IndexedAccreditation => ({
  id: '0b7b6f0e-8d3c-4a54-9b35-6a1f1e0c0001',
  accreditedOrganisationId: 'provider-1',
  accreditingAgentId: 'agency-1',
  type: 'INSTITUTIONAL_QA',
  title: 'Institutional audit',
  decision: 'POSITIVE',
  issuedAt: ms('2024-05-20T00:00:00Z'),
  validFrom: ms('2024-05-20T00:00:00Z'),
  reviewDate: null,
  expiresAt: ms('2030-05-20T00:00:00Z'),
  reportUrl: null,
  supersedesId: null,
  limitEqfLevels: [6],
  limitFields: ['06'],
  limitJurisdictions: ['FI'],
  limitOpportunities: [],
  statusHistory: [
    { status: 'ACTIVE', effectiveAt: ms('2024-05-20T00:00:00Z'), reason: 'recorded' },
    { status: 'SUSPENDED', effectiveAt: ms('2025-01-01T00:00:00Z'), reason: 'complaint' },
    { status: 'ACTIVE', effectiveAt: ms('2025-03-01T00:00:00Z'), reason: 'reinstated' },
  ],
  ...overrides,
});
const parties = { registryDid: 'did:web:registry.example', subjectDid: 'did:web:provider.example', provider: undefined, agency: undefined };
const subjectOf = (claims: Record<string, unknown>) => (claims.vc as any).credentialSubject.accreditation;

describe('EBSI attestations', () => {
  it('gives one revision per status entry, each carrying the history up to itself', () => {
    const revisions = accreditationRevisions(accreditation(), parties);
    expect(revisions.map((r) => r.issuerType)).toEqual(['TI', 'Revoked', 'TI']);
    expect(revisions.map((r) => subjectOf(r.claims).statusHistory.length)).toEqual([1, 2, 3]);
    expect(revisions.map((r) => r.claims.iat)).toEqual([d('2024-05-20T00:00:00Z'), d('2025-01-01T00:00:00Z'), d('2025-03-01T00:00:00Z')].map((t) => t.getTime() / 1000));
    expect(revisions[0].claims).toMatchObject({ iss: 'did:web:registry.example', sub: 'did:web:provider.example', nbf: d('2024-05-20T00:00:00Z').getTime() / 1000, exp: d('2030-05-20T00:00:00Z').getTime() / 1000 });
    // A new entry leaves the older revisions as they were.
    const fewer = accreditationRevisions(accreditation({ statusHistory: accreditation().statusHistory.slice(0, 2) }), parties);
    expect(fewer).toEqual(revisions.slice(0, 2));
  });

  it('marks a negative decision Revoked, and leaves exp out when the accreditation is open-ended', () => {
    const [negative] = accreditationRevisions(accreditation({ decision: 'NEGATIVE', statusHistory: [accreditation().statusHistory[0]] }), parties);
    expect(negative.issuerType).toBe('Revoked');
    const [open] = accreditationRevisions(accreditation({ expiresAt: null }), parties);
    expect(open.claims).not.toHaveProperty('exp');
    expect(open.claims.vc).not.toHaveProperty('expirationDate');
  });

  it('picks the revision in force at a time, or the first before any', () => {
    const revisions = accreditationRevisions(accreditation(), parties);
    expect(revisionAt(revisions, d('2025-02-01T00:00:00Z'))).toBe(revisions[1]);
    expect(revisionAt(revisions, d('2026-01-01T00:00:00Z'))).toBe(revisions[2]);
    expect(revisionAt(revisions, d('2020-01-01T00:00:00Z'))).toBe(revisions[0]);
  });

  it('gives a recognition as one TAO revision', () => {
    const recognition: IndexedRecognition = { id: 'r-1', agencyId: 'agency-1', validFrom: ms('2015-01-01T00:00:00Z'), validUntil: ms('2025-01-01T00:00:00Z'), jurisdictions: [] };
    const [revision] = recognitionRevisions(recognition, { ...parties, agency: undefined });
    expect(revision.issuerType).toBe('TAO');
    expect(revision.claims).toMatchObject({ exp: d('2025-01-01T00:00:00Z').getTime() / 1000, vc: { type: expect.arrayContaining(['VerifiableAccreditationToAccredit']) } });
    expect(attributeIdOf('urn:uuid:r-1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the same claims to the same bytes, verifiable with the JWKS', async () => {
    const signingKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const config = { signingKeyPem, dataDir: '/nonexistent' } as TesseraConfig;
    const [first, second] = [new SigningKeyService(config), new SigningKeyService(config)];
    await Promise.all([first.onModuleInit(), second.onModuleInit()]);
    const claims = accreditationRevisions(accreditation(), parties)[0].claims;
    const body = first.signDeterministic(claims, { typ: 'JWT' });
    expect(second.signDeterministic(claims, { typ: 'JWT' })).toBe(body);
    const verified = await compactVerify(body, createLocalJWKSet({ keys: [first.jwk] }), { algorithms: ['ES256'] });
    expect(verified.protectedHeader).toEqual({ alg: 'ES256', typ: 'JWT', kid: first.jwk.kid });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(claims);
    expect(first.signDeterministic({ ...claims, sub: 'did:web:other.example' }, { typ: 'JWT' })).not.toBe(body);
  });
});

describe('EBSI paging', () => {
  it('reads page[size] and page[after], and keeps links within the pages there are', () => {
    expect(pageRequestOf({})).toEqual({ page: 1, size: 10 });
    expect(pageRequestOf({ 'page[size]': '50', 'page[after]': '3' })).toEqual({ page: 3, size: 50 });
    expect(() => pageRequestOf({ 'page[size]': '51' })).toThrow('PageSize should not be greater than 50');
    expect(() => pageRequestOf({ 'page[size]': ['1', '2'] })).toThrow();
    const empty = paginate([], { page: 1, size: 10 }, 'http://x/issuers');
    expect(empty).toMatchObject({ items: [], total: 0, links: { first: 'http://x/issuers?page[after]=1&page[size]=10', last: 'http://x/issuers?page[after]=1&page[size]=10', next: 'http://x/issuers?page[after]=1&page[size]=10' } });
    const middle = paginate([1, 2, 3, 4, 5], { page: 2, size: 2 }, 'u');
    expect(middle).toMatchObject({ items: [3, 4], total: 5, links: { prev: 'u?page[after]=1&page[size]=2', next: 'u?page[after]=3&page[size]=2', last: 'u?page[after]=3&page[size]=2' } });
  });
});
