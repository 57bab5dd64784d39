import { OPEN_ENDED } from '#search';
import { accreditationWindows, type AccreditationFact, intersect, type ProviderFacts, statusIntervals, union, windowSlots } from './accreditation-windows.js';

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

function provider(accreditations: AccreditationFact[], overrides: Partial<ProviderFacts> = {}): ProviderFacts {
  return { country: 'FI', statusHistory: [entry('ACTIVE', '2010-01-01T00:00:00Z')], accreditations, ...overrides };
}

describe('accreditation windows', () => {
  it('is [validFrom, expiresAt) for a positive, active decision of a recognised agency', () => {
    expect(accreditationWindows(provider([accreditation()]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2030-01-01T00:00:00Z') }]);
  });

  it('gives nothing for a NEGATIVE decision or no decision at all', () => {
    expect(accreditationWindows(provider([accreditation({ decision: 'NEGATIVE' })]))).toEqual([]);
    expect(accreditationWindows(provider([]))).toEqual([]);
  });

  it('leaves a gap while suspended and ends with a withdrawal', () => {
    const history = [
      entry('ACTIVE', '2024-01-01T00:00:00Z'),
      entry('SUSPENDED', '2025-03-01T00:00:00Z'),
      entry('ACTIVE', '2025-06-01T00:00:00Z'),
      entry('WITHDRAWN', '2027-01-01T00:00:00Z'),
    ];
    expect(accreditationWindows(provider([accreditation({ statusHistory: history })]))).toEqual([
      { from: ms('2024-01-01T00:00:00Z'), until: ms('2025-03-01T00:00:00Z') },
      { from: ms('2025-06-01T00:00:00Z'), until: ms('2027-01-01T00:00:00Z') },
    ]);
  });

  it('lets the later-recorded of two entries at the same instant hold', () => {
    const history = [entry('ACTIVE', '2024-01-01T00:00:00Z'), entry('WITHDRAWN', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), entry('ACTIVE', '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z')];
    expect(accreditationWindows(provider([accreditation({ statusHistory: history })]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2026-01-01T00:00:00Z') }]);
  });

  it('counts a superseded decision until its successor takes over, and merges the two', () => {
    const old = accreditation({ expiresAt: t('2026-01-01T00:00:00Z'), statusHistory: [entry('ACTIVE', '2024-01-01T00:00:00Z'), entry('SUPERSEDED', '2025-06-01T00:00:00Z')] });
    const successor = accreditation({ validFrom: t('2025-06-01T00:00:00Z'), expiresAt: t('2031-06-01T00:00:00Z'), statusHistory: [entry('ACTIVE', '2025-05-01T00:00:00Z')] });
    expect(accreditationWindows(provider([old, successor]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2031-06-01T00:00:00Z') }]);
  });

  it('needs the agency recognised at the time, and for the provider country when the recognition names countries', () => {
    const limited = accreditation({
      agencyRecognitions: [
        { validFrom: t('2020-01-01T00:00:00Z'), validUntil: t('2026-01-01T00:00:00Z'), jurisdictions: ['FI', 'SE'] },
        { validFrom: t('2026-01-01T00:00:00Z'), validUntil: null, jurisdictions: ['DE'] },
      ],
    });
    expect(accreditationWindows(provider([limited]))).toEqual([{ from: ms('2024-01-01T00:00:00Z'), until: ms('2026-01-01T00:00:00Z') }]);
    expect(accreditationWindows(provider([limited], { country: 'DE' }))).toEqual([{ from: ms('2026-01-01T00:00:00Z'), until: ms('2030-01-01T00:00:00Z') }]);
    expect(accreditationWindows(provider([accreditation({ agencyRecognitions: [] })]))).toEqual([]);
  });

  it('is limited to the times the provider itself is ACTIVE (active before its first entry)', () => {
    const facts = provider([accreditation()], {
      statusHistory: [entry('SUSPENDED', '2025-01-01T00:00:00Z'), entry('ACTIVE', '2025-02-01T00:00:00Z'), entry('DEREGISTERED', '2028-01-01T00:00:00Z')],
    });
    expect(accreditationWindows(facts)).toEqual([
      { from: ms('2024-01-01T00:00:00Z'), until: ms('2025-01-01T00:00:00Z') },
      { from: ms('2025-02-01T00:00:00Z'), until: ms('2028-01-01T00:00:00Z') },
    ]);
  });
});

describe('window slots', () => {
  const now = t('2026-01-01T00:00:00Z');

  it('drops windows that ended, rounds inwards to seconds and writes no end as OPEN_ENDED', () => {
    const windows = [
      { from: ms('2020-01-01T00:00:00Z'), until: ms('2021-01-01T00:00:00Z') },
      { from: ms('2025-01-01T00:00:00.400Z'), until: ms('2027-01-01T00:00:00.900Z') },
      { from: ms('2028-01-01T00:00:00Z'), until: Infinity },
    ];
    expect(windowSlots(windows, now)).toEqual([
      { from: ms('2025-01-01T00:00:01Z') / 1000, until: ms('2027-01-01T00:00:00Z') / 1000 },
      { from: ms('2028-01-01T00:00:00Z') / 1000, until: OPEN_ENDED },
    ]);
  });

  it('keeps at most four, the earliest', () => {
    const windows = Array.from({ length: 6 }, (_, i) => ({ from: ms(`203${i}-01-01T00:00:00Z`), until: ms(`203${i}-06-01T00:00:00Z`) }));
    expect(windowSlots(windows, now).map((w) => new Date(w.from * 1000).getUTCFullYear())).toEqual([2030, 2031, 2032, 2033]);
  });

  it('writes an unbounded start as 0', () => {
    expect(windowSlots([{ from: -Infinity, until: Infinity }], now)).toEqual([{ from: 0, until: OPEN_ENDED }]);
  });
});

describe('interval arithmetic', () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(union([{ from: 5, until: 7 }, { from: 1, until: 3 }, { from: 3, until: 4 }, { from: 6, until: 9 }, { from: 10, until: 10 }])).toEqual([
      { from: 1, until: 4 },
      { from: 5, until: 9 },
    ]);
  });

  it('intersects unions', () => {
    expect(intersect([{ from: 0, until: 10 }, { from: 20, until: 30 }], [{ from: 5, until: 25 }])).toEqual([
      { from: 5, until: 10 },
      { from: 20, until: 25 },
    ]);
  });

  it('reads a status history as intervals, with a status before the first entry', () => {
    const history = [entry('SUSPENDED', '2025-01-01T00:00:00Z'), entry('ACTIVE', '2025-02-01T00:00:00Z')];
    expect(statusIntervals(history, 'ACTIVE', 'ACTIVE')).toEqual([
      { from: -Infinity, until: ms('2025-01-01T00:00:00Z') },
      { from: ms('2025-02-01T00:00:00Z'), until: Infinity },
    ]);
    expect(statusIntervals(history, 'ACTIVE', null)).toEqual([{ from: ms('2025-02-01T00:00:00Z'), until: Infinity }]);
  });
});
