import 'reflect-metadata';
import type { Clock } from '#platform';
import type { SigningKeyService } from '../signing/signing-key.service.js';
import type { TrustIndexService } from '../trust-index/trust-index.service.js';
import { TrustState } from '../trust-index/trust-state.js';
import { IssuerTrustInput } from './dto/issuer-trust.input.js';
import { TrustDecisionService } from './trust-decision.service.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const empty = (sequence: number) => TrustState.build({ organisations: [], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] }, sequence);
const question = (fields: Partial<IssuerTrustInput>) => Object.assign(new IssuerTrustInput(), fields);

/** A signing key that counts what it signs and signs when told to, or fails when told to. */
function signer() {
  const signed: unknown[] = [];
  const pending: { resolve: (jws: string) => void; reject: (error: Error) => void }[] = [];
  const key = {
    sign: (payload: unknown) => {
      signed.push(payload);
      return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
  return { key: key as unknown as SigningKeyService, signed, pending };
}

function service(state: TrustState, signing: SigningKeyService): TrustDecisionService {
  const index = { current: () => state } as unknown as TrustIndexService;
  const clock = { now: () => new Date(NOW) } as Clock;
  return new TrustDecisionService(index, signing, clock);
}

describe('TrustDecisionService, the same question asked while its answer is being signed', () => {
  it('signs it once and gives every asker that answer and receipt', async () => {
    const signing = signer();
    const decisions = service(empty(7), signing.key);
    const asked = [1, 2, 3, 4, 5].map(() => decisions.decide(question({ did: 'did:web:unknown.example' })));
    await Promise.resolve();
    expect(signing.signed).toHaveLength(1);
    signing.pending[0].resolve('header.payload.signature');
    const answers = await Promise.all(asked);
    expect(new Set(answers.map((a) => a.receipt))).toEqual(new Set(['header.payload.signature']));
    expect(answers.map((a) => [a.status, a.registrySequence])).toEqual(Array(5).fill(['UNKNOWN_ISSUER', 7]));
  });

  it('signs a different question apart', async () => {
    const signing = signer();
    const decisions = service(empty(7), signing.key);
    const first = decisions.decide(question({ did: 'did:web:a.example' }));
    const second = decisions.decide(question({ did: 'did:web:b.example' }));
    await Promise.resolve();
    expect(signing.signed).toHaveLength(2);
    signing.pending.forEach((p, i) => p.resolve(`receipt-${i}`));
    expect((await first).receipt).not.toBe((await second).receipt);
  });

  it('does not give a failed signing again: the next question signs anew', async () => {
    const signing = signer();
    const decisions = service(empty(7), signing.key);
    const failed = decisions.decide(question({ did: 'did:web:unknown.example' }));
    await Promise.resolve();
    signing.pending[0].reject(new Error('key unavailable'));
    await expect(failed).rejects.toThrow('key unavailable');
    const again = decisions.decide(question({ did: 'did:web:unknown.example' }));
    await Promise.resolve();
    expect(signing.signed).toHaveLength(2);
    signing.pending[1].resolve('header.payload.signature');
    expect((await again).receipt).toBe('header.payload.signature');
  });
});
