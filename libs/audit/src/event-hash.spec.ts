import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { eventHash, GENESIS_HASH } from './audit.service.js';

/**
 * The canonical JSON that hashed every audit event before RFC 8785 (canonicalize) replaced it, kept
 * here only as the oracle: the chain's stored hashes must verify with the new function.
 */
function hashedBefore(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => hashedBefore(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${hashedBefore(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const event = {
  occurredAt: new Date('2026-03-01T08:00:00.123Z'),
  actorKeyId: 'key-1',
  actorRole: 'QUALITY_AGENCY',
  actorOrganisationId: null,
  action: 'accreditation.recorded',
  entityType: 'Accreditation',
  entityId: '0b7b6f0e-8d3c-4a54-9b35-6a1f1e0c0001',
  diff: {
    title: 'Programmakkreditierung – Pflege (Ü) 🎓',
    scope: { eqfLevels: [5, 6, 7], iscedF: ['0913'] },
    é: 1,
    z: 0.1,
    A: 1e21,
    b: -0,
    '\u0080': true,
    日本: null,
    'a\n"\\': [],
    nested: [{ y: 2, x: 1 }],
  },
  registrySequence: '42',
};

describe('audit event hashes (RFC 8785)', () => {
  it('hashes an event as it was hashed before RFC 8785, so existing chains still verify', () => {
    // Computed with the function this one replaced.
    expect(eventHash(GENESIS_HASH, event)).toBe('44e571a7b775bf20831e2e2530e5d3fbfca99c94131773c2f74fac4a99c639ff');
  });

  it('gives the same text as before for every value a stored event can hold (JSON from PostgreSQL, and Dates)', () => {
    // Well-formed Unicode only: PostgreSQL's jsonb refuses a lone surrogate, so no stored row has one.
    const stored = fc.jsonValue({ stringUnit: 'grapheme' });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), stored), fc.date({ noInvalidDate: true }), (diff, occurredAt) => {
        const row = { ...event, occurredAt, diff };
        expect(canonicalize(row)).toBe(hashedBefore(row));
      }),
      { numRuns: 500 },
    );
  });
});
