import { accreditedAt, accreditedWindows, type ProviderAccreditationFacts, windowsSayAccredited } from './accredited-at.js';

type AccreditationFact = ProviderAccreditationFacts['accreditations'][number];

const t = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);
const entry = (status: string, effectiveAt: string, recordedAt = effectiveAt) => ({ status, effectiveAt: t(effectiveAt), recordedAt: t(recordedAt) });
const recognised = { validFrom: t('2000-01-01T00:00:00Z'), validUntil: null, jurisdictions: [] };

function accreditation(overrides: Partial<AccreditationFact> = {}): AccreditationFact {
  return {
    decision: 'POSITIVE',
    validFrom: t('2024-01-01T00:00:00Z'),
    expiresAt: t('2030-01-01T00:00:00Z'),
    statusHistory: [entry('ACTIVE', '2024-01-01T00:00:00Z')],
    agencyRecognitions: [recognised],
    ...overrides,
  };
}

function provider(accreditations: AccreditationFact[], overrides: Partial<ProviderAccreditationFacts> = {}): ProviderAccreditationFacts {
  return { country: 'FI', statusHistory: [entry('ACTIVE', '2010-01-01T00:00:00Z')], accreditations, ...overrides };
}

describe('accredited windows (the rule over all time)', () => {
  it('is [validFrom, expiresAt) for a positive, active decision of a recognised agency', () => {
    expect(accreditedWindows(provider([accreditation()]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2030-01-01T00:00:00Z') }]);
  });

  it('gives nothing for a NEGATIVE decision or no decision at all', () => {
    expect(accreditedWindows(provider([accreditation({ decision: 'NEGATIVE' })]))).toEqual([]);
    expect(accreditedWindows(provider([]))).toEqual([]);
  });

  it('leaves a gap while suspended and ends with a withdrawal', () => {
    const history = [
      entry('ACTIVE', '2024-01-01T00:00:00Z'),
      entry('SUSPENDED', '2025-03-01T00:00:00Z'),
      entry('ACTIVE', '2025-06-01T00:00:00Z'),
      entry('WITHDRAWN', '2027-01-01T00:00:00Z'),
    ];
    expect(accreditedWindows(provider([accreditation({ statusHistory: history })]))).toEqual([
      { from: ms('2024-01-01T00:00:00Z'), until: ms('2025-03-01T00:00:00Z') },
      { from: ms('2025-06-01T00:00:00Z'), until: ms('2027-01-01T00:00:00Z') },
    ]);
  });

  it('lets the later-recorded of two entries at the same instant hold', () => {
    const history = [entry('ACTIVE', '2024-01-01T00:00:00Z'), entry('WITHDRAWN', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), entry('ACTIVE', '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z')];
    expect(accreditedWindows(provider([accreditation({ statusHistory: history })]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2026-01-01T00:00:00Z') }]);
  });

  it('counts a superseded decision until its successor takes over, and merges the two', () => {
    const old = accreditation({ expiresAt: t('2026-01-01T00:00:00Z'), statusHistory: [entry('ACTIVE', '2024-01-01T00:00:00Z'), entry('SUPERSEDED', '2025-06-01T00:00:00Z')] });
    const successor = accreditation({ validFrom: t('2025-06-01T00:00:00Z'), expiresAt: t('2031-06-01T00:00:00Z'), statusHistory: [entry('ACTIVE', '2025-05-01T00:00:00Z')] });
    expect(accreditedWindows(provider([old, successor]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2031-06-01T00:00:00Z') }]);
  });

  it('needs the agency recognised at the time, and for the provider country when the recognition names countries', () => {
    const limited = accreditation({
      agencyRecognitions: [
        { validFrom: t('2020-01-01T00:00:00Z'), validUntil: t('2026-01-01T00:00:00Z'), jurisdictions: ['FI', 'SE'] },
        { validFrom: t('2026-01-01T00:00:00Z'), validUntil: null, jurisdictions: ['DE'] },
      ],
    });
    expect(accreditedWindows(provider([limited]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2026-01-01T00:00:00Z') }]);
    expect(accreditedWindows(provider([limited], { country: 'DE' }))).toEqual([{ from: ms('2026-01-01T00:00:00Z'), until: ms('2030-01-01T00:00:00Z') }]);
    expect(accreditedWindows(provider([accreditation({ agencyRecognitions: [] })]))).toEqual([]);
  });

  it('is limited to the times the provider itself is ACTIVE (active before its first entry)', () => {
    const facts = provider([accreditation()], {
      statusHistory: [entry('SUSPENDED', '2025-01-01T00:00:00Z'), entry('ACTIVE', '2025-02-01T00:00:00Z'), entry('DEREGISTERED', '2028-01-01T00:00:00Z')],
    });
    expect(accreditedWindows(facts)).toEqual([
      { from: ms('2024-01-01T00:00:00Z'), until: ms('2025-01-01T00:00:00Z') },
      { from: ms('2025-02-01T00:00:00Z'), until: ms('2028-01-01T00:00:00Z') },
    ]);
  });
});


describe('accredited at an instant', () => {
  const at = t('2026-06-01T00:00:00Z');

  it('holds for a positive, active decision in force by a recognised agency, and agrees with the windows', () => {
    const facts = provider([accreditation()]);
    expect(accreditedAt(facts, at)).toBe(true);
    expect(windowsSayAccredited(accreditedWindows(facts), at)).toBe(true);
  });

  it('does not hold for a suspended or deregistered provider, whatever its decisions say', () => {
    for (const status of ['SUSPENDED', 'DEREGISTERED']) {
      const facts = provider([accreditation()], { statusHistory: [entry('ACTIVE', '2010-01-01T00:00:00Z'), entry(status, '2026-01-01T00:00:00Z')] });
      expect(accreditedAt(facts, at)).toBe(false);
      expect(accreditedAt(facts, t('2025-12-31T23:59:59.999Z'))).toBe(true);
    }
  });

  it('counts a record with no status in force yet as ACTIVE (the registry writes the first entry at the decision)', () => {
    expect(accreditedAt(provider([accreditation({ statusHistory: [] })], { statusHistory: [] }), at)).toBe(true);
    expect(accreditedWindows(provider([accreditation({ statusHistory: [] })], { statusHistory: [] }))).toEqual([
      { from: ms('2024-01-01T00:00:00Z'), until: ms('2030-01-01T00:00:00Z') },
    ]);
  });

  it('ends at expiresAt (exclusive) and at the end of the agency recognition (exclusive)', () => {
    expect(accreditedAt(provider([accreditation()]), t('2030-01-01T00:00:00Z'))).toBe(false);
    const ended = accreditation({ agencyRecognitions: [{ validFrom: t('2000-01-01T00:00:00Z'), validUntil: at, jurisdictions: [] }] });
    expect(accreditedAt(provider([ended]), at)).toBe(false);
    expect(accreditedAt(provider([ended]), new Date(at.getTime() - 1))).toBe(true);
  });
});
