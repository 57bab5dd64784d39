import { gunzipSync } from 'node:zlib';
import { Clock } from '#platform';
import type { SigningKeyService } from '../signing/signing-key.service.js';
import type { TrustIndexService } from '../trust-index/trust-index.service.js';
import { TrustState } from '../trust-index/trust-state.js';
import { TrustListService } from './trust-list.service.js';

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

/** One unchanging snapshot, and a "signer" that returns the payload so the test can read it. */
function listWith(clock: MovableClock): { list: TrustListService; signed: () => number } {
  const snapshot = TrustState.build({ organisations: [], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] }, 7);
  let signatures = 0;
  const index = { current: () => snapshot } as unknown as TrustIndexService;
  const signingKey = {
    sign: async (payload: Record<string, unknown>) => {
      signatures += 1;
      return JSON.stringify(payload);
    },
  } as unknown as SigningKeyService;
  return { list: new TrustListService(index, signingKey, clock), signed: () => signatures };
}

const payloadOf = async (list: TrustListService) => JSON.parse(gunzipSync(await list.current()).toString()) as { issuedAt: string; nextUpdate: string; sequenceNumber: number };

describe('TrustListService without registry changes', () => {
  it('serves the same signed list while it is fresh', async () => {
    const clock = new MovableClock(new Date('2026-03-01T08:00:00Z'));
    const { list, signed } = listWith(clock);
    const first = await list.current();
    clock.advance(11 * HOUR);
    expect(await list.current()).toBe(first);
    expect(signed()).toBe(1);
  });

  it('re-issues the list before its nextUpdate passes, as the clock moves on for days', async () => {
    const clock = new MovableClock(new Date('2026-03-01T08:00:00Z'));
    const { list, signed } = listWith(clock);
    for (let hour = 0; hour <= 72; hour += 1) {
      const payload = await payloadOf(list);
      const now = clock.now().getTime();
      expect(payload.sequenceNumber).toBe(7);
      expect(Date.parse(payload.issuedAt)).toBeLessThanOrEqual(now);
      // Always at least half the 24 h lifetime ahead, never in the past.
      expect(Date.parse(payload.nextUpdate) - now).toBeGreaterThanOrEqual(12 * HOUR);
      clock.advance(HOUR);
    }
    expect(signed()).toBe(7); // hours 0, 12, 24, 36, 48, 60, 72
  });
});

describe('TrustListService while signing', () => {
  it('signs once for the requests that arrive while the signature is made', async () => {
    const clock = new MovableClock(new Date('2026-03-01T08:00:00Z'));
    const { list, signed } = listWith(clock);
    const [a, b] = await Promise.all([list.current(), list.current()]);
    expect(a).toBe(b);
    expect(signed()).toBe(1);
  });
});
