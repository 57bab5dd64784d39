import { jest } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compactVerify, createLocalJWKSet } from 'jose';
import { Clock, type TesseraConfig } from '#platform';
import { SigningKeyService } from '../signing/signing-key.service.js';
import type { TrustIndexService } from '../trust-index/trust-index.service.js';
import { type IndexedCertificate, type IndexedOrganisation, TrustState } from '../trust-index/trust-state.js';
import { type TrustListDownload, TrustListService } from './trust-list.service.js';

class MovableClock extends Clock {
  constructor(private at: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

const HOUR = 3600_000;
const signingKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

interface PublishedList {
  sequenceNumber: number;
  issuedAt: string;
  nextUpdate: string;
  issuers: { id: string; legalName: string; statusHistory: { status: string; effectiveAt: string }[]; certificates: { sha256: string; notAfter: string }[] }[];
}

const provider = (n: number, statusHistory: IndexedOrganisation['statusHistory'] = []): IndexedOrganisation => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'PROVIDER',
  legalName: `Provider ${n} – Fachhochschule`,
  legalIdentifier: `VATFI-${n}`,
  otherIdentifiers: [],
  country: 'FI',
  statusHistory,
});

const sealOf = (organisation: IndexedOrganisation): IndexedCertificate => ({
  id: `${organisation.id}-seal`,
  sha256: `seal-of-${organisation.legalIdentifier}`,
  subjectDn: `CN=${organisation.legalName}`,
  issuerDn: 'CN=CA',
  notBefore: Date.UTC(2025, 0, 1),
  notAfter: Date.UTC(2028, 0, 1),
  qualifiedESeal: true,
  registeredOrganisationId: organisation.id,
  organizationIdentifier: organisation.legalIdentifier,
  revocations: [],
  chain: null,
} as unknown as IndexedCertificate);

/** A state of `providers` providers, each with a seal, at registry sequence 7; and the list made of it with a real key. */
async function listOf(providers: number, clock: MovableClock) {
  const organisations = Array.from({ length: providers }, (_, n) => provider(n));
  const state = TrustState.build({ organisations, accreditations: [], recognitions: [], anchors: [], certificates: organisations.map(sealOf), dids: [] }, 7);
  const signingKey = new SigningKeyService({ signingKeyPem, dataDir: '/nonexistent' } as TesseraConfig);
  await signingKey.onModuleInit();
  const signInPieces = jest.spyOn(signingKey, 'signInPieces');
  const index = { current: () => state } as unknown as TrustIndexService;
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-trust-list-'));
  folders.push(dataDir);
  const list = new TrustListService(index, signingKey, clock, { dataDir } as TesseraConfig);
  services.push(list);
  /** The list in `download` (by default the current one), verified against the key. */
  const read = async (download = list.current()): Promise<PublishedList> => {
    const { payload } = await compactVerify(gunzipSync(await bytesOf(download)).toString(), createLocalJWKSet({ keys: [signingKey.jwk] }), { algorithms: ['ES256'] });
    return JSON.parse(new TextDecoder().decode(payload)) as PublishedList;
  };
  return { state, list, read, signatures: () => signInPieces.mock.calls.length, organisations, dataDir };
}

const folders: string[] = [];
const services: TrustListService[] = [];
afterAll(async () => {
  for (const service of services) service.onApplicationShutdown();
  await new Promise((resolve) => setImmediate(resolve)); // retired files close on the next turn
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The whole download, checked against the length it announced. */
async function bytesOf(download: Promise<TrustListDownload>): Promise<Buffer> {
  const { gzipped, bytes } = await download;
  const chunks: Buffer[] = [];
  for await (const chunk of gzipped) chunks.push(chunk as Buffer);
  const whole = Buffer.concat(chunks);
  expect(whole.length).toBe(bytes);
  return whole;
}

describe('TrustListService', () => {
  it('publishes every issuer with its certificates, signed by the registry key', async () => {
    const { read, organisations, dataDir } = await listOf(450, new MovableClock(new Date('2026-03-01T08:00:00Z')));
    const published = await read();
    expect(published).toMatchObject({ sequenceNumber: 7, issuedAt: '2026-03-01T08:00:00.000Z', nextUpdate: '2026-03-02T08:00:00.000Z' });
    // 450 issuers span three pieces: each issuer once, in the index's order.
    expect(published.issuers.map((i) => i.id)).toEqual(organisations.map((o) => o.id));
    expect(published.issuers[449].certificates).toEqual([expect.objectContaining({ sha256: 'seal-of-VATFI-449', notAfter: '2028-01-01T00:00:00.000Z' })]);
    // Kept in a file with no name: nothing in DATA_DIR.
    expect(readdirSync(join(dataDir, 'trust-list'))).toEqual([]);
  });

  it('serves the same signed list while it is fresh', async () => {
    const clock = new MovableClock(new Date('2026-03-01T08:00:00Z'));
    const { list, signatures } = await listOf(3, clock);
    const first = await bytesOf(list.current());
    clock.advance(11 * HOUR);
    expect((await bytesOf(list.current())).equals(first)).toBe(true);
    expect(signatures()).toBe(1);
  });

  it('re-issues the list before its nextUpdate passes, as the clock moves on for days', async () => {
    const clock = new MovableClock(new Date('2026-03-01T08:00:00Z'));
    const { read, signatures } = await listOf(3, clock);
    for (let hour = 0; hour <= 72; hour += 1) {
      const published = await read();
      const now = clock.now().getTime();
      expect(published.sequenceNumber).toBe(7);
      expect(Date.parse(published.issuedAt)).toBeLessThanOrEqual(now);
      // Always at least half the 24 h lifetime ahead, never in the past.
      expect(Date.parse(published.nextUpdate) - now).toBeGreaterThanOrEqual(12 * HOUR);
      clock.advance(HOUR);
    }
    expect(signatures()).toBe(7); // hours 0, 12, 24, 36, 48, 60, 72
  });

  it('signs once for the requests that arrive while the list is made', async () => {
    const { list, signatures } = await listOf(450, new MovableClock(new Date('2026-03-01T08:00:00Z')));
    const [a, b] = await Promise.all([bytesOf(list.current()), bytesOf(list.current())]);
    expect(a.equals(b)).toBe(true);
    expect(signatures()).toBe(1);
  });

  it('is made while other work runs, and publishes the state it started from', async () => {
    const { state, read, list, organisations } = await listOf(1000, new MovableClock(new Date('2026-03-01T08:00:00Z')));
    const making = list.current();
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Other work, after the list was started: a suspension of the last provider and a second seal for it (sequence 8), applied as the index applies changes...
    const suspended = provider(999, [{ status: 'SUSPENDED', effectiveAt: Date.UTC(2026, 1, 1), reason: 'review' }]);
    const secondSeal = { ...sealOf(suspended), id: `${suspended.id}-seal-2`, sha256: 'second-seal-of-VATFI-999' };
    state.apply({ organisations: [suspended], accreditations: [], recognitions: [], anchors: [], certificates: [secondSeal], dids: [] }, 8);
    // ...and a record changed in place, which TrustState never does: seen in the list only if its issuer was serialised after this ran.
    (organisations[998] as { legalName: string }).legalName = 'Renamed while the list was made';
    const before = await read(making);
    expect(before.sequenceNumber).toBe(7);
    expect(before.issuers[999].statusHistory).toEqual([]);
    expect(before.issuers[999].certificates.map((c) => c.sha256)).toEqual(['seal-of-VATFI-999']);
    expect(before.issuers[998]).toMatchObject({ legalName: 'Renamed while the list was made' });
    const after = await read();
    expect(after.sequenceNumber).toBe(8);
    expect(after.issuers[999].statusHistory).toEqual([{ status: 'SUSPENDED', effectiveAt: '2026-02-01T00:00:00.000Z', reason: 'review' }]);
    expect(after.issuers[999].certificates.map((c) => c.sha256).sort()).toEqual(['seal-of-VATFI-999', 'second-seal-of-VATFI-999']);
  });
});
