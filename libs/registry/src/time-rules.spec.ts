import fc from 'fast-check';
import { contains, entryAt, intersect, latestEntry, nextChangeFrom, statusAt, statusIntervals, union, withinWindow } from './time-rules.js';

const t = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);
const entry = (status: string, effectiveAt: string, recordedAt = effectiveAt) => ({ status, effectiveAt: t(effectiveAt), recordedAt: t(recordedAt) });

describe('a status history at an instant', () => {
  const history = [entry('ACTIVE', '2024-01-01T00:00:00Z'), entry('SUSPENDED', '2025-01-01T00:00:00Z'), entry('ACTIVE', '2025-06-01T00:00:00Z')];

  it('is the last entry with effectiveAt ≤ t, effectiveAt inclusive, null before the first, whatever the order given', () => {
    const shuffled = [history[2], history[0], history[1]];
    expect(statusAt(shuffled, t('2023-12-31T23:59:59.999Z'))).toBeNull();
    expect(statusAt(shuffled, t('2024-01-01T00:00:00Z'))).toBe('ACTIVE');
    expect(statusAt(shuffled, t('2025-01-01T00:00:00Z'))).toBe('SUSPENDED');
    expect(statusAt(shuffled, t('2025-05-31T23:59:59.999Z'))).toBe('SUSPENDED');
    expect(statusAt(shuffled, t('2025-06-01T00:00:00Z'))).toBe('ACTIVE');
    expect(entryAt(shuffled, t('2025-02-01T00:00:00Z'))).toBe(history[1]);
  });

  it('lets the later recorded of two entries at one instant hold, or the later in the list when no recording time is given', () => {
    const late = entry('WITHDRAWN', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z');
    const early = entry('ACTIVE', '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z');
    expect(statusAt([late, early], t('2026-01-01T00:00:00Z'))).toBe('WITHDRAWN');
    expect(statusAt([early, late], t('2026-01-01T00:00:00Z'))).toBe('WITHDRAWN');
    const unrecorded = [{ status: 'SUSPENDED', effectiveAt: t('2026-01-01T00:00:00Z') }, { status: 'ACTIVE', effectiveAt: t('2026-01-01T00:00:00Z') }];
    expect(statusAt(unrecorded, t('2026-01-01T00:00:00Z'))).toBe('ACTIVE');
    expect(latestEntry([late, early])).toBe(late);
  });

  it('knows the next change away from a status', () => {
    expect(nextChangeFrom(history, t('2024-06-01T00:00:00Z'), 'ACTIVE')).toEqual(t('2025-01-01T00:00:00Z'));
    expect(nextChangeFrom(history, t('2025-01-01T00:00:00Z'), 'ACTIVE')).toBeNull();
  });

  it('reads windows half-open', () => {
    expect(withinWindow(t('2024-01-01T00:00:00Z'), t('2025-01-01T00:00:00Z'), t('2024-01-01T00:00:00Z'))).toBe(true);
    expect(withinWindow(t('2024-01-01T00:00:00Z'), t('2025-01-01T00:00:00Z'), t('2025-01-01T00:00:00Z'))).toBe(false);
    expect(withinWindow(t('2024-01-01T00:00:00Z'), null, t('2099-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('a status history over all time', () => {
  it('reads a status history as intervals, with a status before the first entry', () => {
    const history = [entry('SUSPENDED', '2025-01-01T00:00:00Z'), entry('ACTIVE', '2025-02-01T00:00:00Z')];
    expect(statusIntervals(history, 'ACTIVE', 'ACTIVE')).toEqual([
      { from: -Infinity, until: ms('2025-01-01T00:00:00Z') },
      { from: ms('2025-02-01T00:00:00Z'), until: Infinity },
    ]);
    expect(statusIntervals(history, 'ACTIVE', null)).toEqual([{ from: ms('2025-02-01T00:00:00Z'), until: Infinity }]);
  });

  it('holds exactly where statusAt says so, for any history and instant (property)', () => {
    const instant = fc.integer({ min: 0, max: 40 });
    const history = fc.array(
      fc.record({ status: fc.constantFrom('ACTIVE', 'SUSPENDED', 'WITHDRAWN'), day: instant, recorded: fc.integer({ min: 0, max: 1000 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(history, fc.array(instant, { minLength: 1, maxLength: 10 }), (raw, days) => {
        // Distinct recording times, as the database gives them.
        const entries = raw.map((e, i) => ({ status: e.status, effectiveAt: new Date(e.day * 86_400_000), recordedAt: new Date(e.recorded * 1000 + i) }));
        const intervals = statusIntervals(entries, 'ACTIVE', 'ACTIVE');
        for (const day of days) {
          const at = new Date(day * 86_400_000);
          expect(contains(intervals, at.getTime())).toBe((statusAt(entries, at) ?? 'ACTIVE') === 'ACTIVE');
        }
      }),
    );
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
});
