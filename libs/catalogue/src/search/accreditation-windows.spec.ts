import { OPEN_ENDED } from '#search';
import { windowSlots } from './accreditation-windows.js';

const t = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);

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
