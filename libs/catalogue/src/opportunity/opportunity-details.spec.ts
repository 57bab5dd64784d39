import { applyDetails, detailsProblems, EMPTY_DETAILS, pickText } from './opportunity-details.js';

describe('opportunity details', () => {
  it('keeps what an update leaves out and clears what it sets to null', () => {
    const current = applyDetails(EMPTY_DETAILS, { title: [{ lang: 'en', text: 'Welding' }], eqfLevel: 4, languages: ['en', 'fi'], schedule: 'Mondays' });
    const next = applyDetails(current, { eqfLevel: null, languages: null, description: [{ lang: 'de', text: 'Schweißen' }] });
    expect(next).toMatchObject({ title: { en: 'Welding' }, eqfLevel: null, languages: [], schedule: 'Mondays', description: { de: 'Schweißen' } });
  });

  it('makes price and free exclude each other', () => {
    const priced = applyDetails(EMPTY_DETAILS, { price: { amount: 120, currency: 'EUR' } });
    expect(priced).toMatchObject({ price: { amount: 120, currency: 'EUR' }, free: false });
    const free = applyDetails(priced, { free: true });
    expect(free).toMatchObject({ price: null, free: true });
    expect(applyDetails(free, { price: { amount: 10, currency: 'EUR' } }).free).toBe(false);
    expect(detailsProblems(EMPTY_DETAILS, { free: true, price: { amount: 1, currency: 'EUR' } }).map((p) => p.field)).toEqual(['input.free']);
  });

  it('checks dates in order and coordinates in pairs, reporting every problem', () => {
    const input = {
      startDate: new Date('2026-03-01T00:00:00Z'),
      endDate: new Date('2026-02-01T00:00:00Z'),
      applicationDeadline: new Date('2026-04-01T00:00:00Z'),
      location: { country: 'FI', lat: 60.2 },
    };
    expect(detailsProblems(applyDetails(EMPTY_DETAILS, input), input).map((p) => p.field)).toEqual([
      'input.location.lng',
      'input.endDate',
      'input.applicationDeadline',
    ]);
    // A deadline after the start is allowed (rolling admission), as long as it is not after the end.
    const fine = { startDate: new Date('2026-03-01T00:00:00Z'), endDate: new Date('2026-06-01T00:00:00Z'), applicationDeadline: new Date('2026-03-15T00:00:00Z') };
    expect(detailsProblems(applyDetails(EMPTY_DETAILS, fine), fine)).toEqual([]);
  });

  it('picks the text in the asked language, else English, else the first language', () => {
    const texts = { fi: 'Hitsaus', en: 'Welding', de: 'Schweißen' };
    expect(pickText(texts, 'de')).toEqual({ lang: 'de', text: 'Schweißen' });
    expect(pickText(texts, 'sv')).toEqual({ lang: 'en', text: 'Welding' });
    expect(pickText({ fi: 'Hitsaus', de: 'Schweißen' })).toEqual({ lang: 'de', text: 'Schweißen' });
    expect(pickText({})).toBeNull();
  });
});
