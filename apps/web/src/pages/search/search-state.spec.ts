import { parseSearchState, toggleFacet, toParams, toSearchInput } from './search-state';

describe('search state in the address', () => {
  it('reads every parameter into the searchOpportunities input', () => {
    const state = parseSearchState(
      new URLSearchParams('q=weldng&eqf=4,5&mode=ONLINE&language=de&country=DE&field=07&ectsMin=2&ectsMax=10&from=2026-01-01&to=2026-12-31&free=1&accredited=1&annex=1&finished=1&near=Leipzig&km=25&sort=start&page=3&lang=de'),
    );
    expect(toSearchInput(state, 'de')).toEqual({
      query: 'weldng',
      filters: {
        eqfLevels: [4, 5],
        modes: ['ONLINE'],
        languages: ['de'],
        countries: ['DE'],
        iscedF: ['07'],
        ectsMin: 2,
        ectsMax: 10,
        startsFrom: '2026-01-01T00:00:00.000Z',
        startsTo: '2026-12-31T23:59:59.999Z',
        freeOnly: true,
        accreditedOnly: true,
        annexICompleteOnly: true,
        includeFinished: true,
        near: { lat: 51.3397, lng: 12.3731, radiusKm: 25 },
      },
      sort: 'START_DATE',
      sortOrder: 'ASC',
      locale: 'de',
      page: 3,
    });
  });

  it('writes the same address back, leaving defaults out', () => {
    const address = 'q=weldng&eqf=4%2C5&country=DE&free=1&near=Leipzig&km=25&sort=ects-desc&page=2&lang=fr';
    expect(toParams(parseSearchState(new URLSearchParams(address)), 'fr').toString()).toBe(address);
    expect(toParams(parseSearchState(new URLSearchParams('')), 'en').toString()).toBe('lang=en');
  });

  it('drops values a hand-edited link gets wrong instead of sending them', () => {
    const state = parseSearchState(new URLSearchParams('eqf=9,x,6&country=germany&from=yesterday&near=Atlantis&sort=random&page=-1'));
    expect(toSearchInput(state, 'en')).toEqual({ query: undefined, filters: { eqfLevels: [6] }, sort: 'RELEVANCE', sortOrder: 'ASC', locale: 'en', page: 1 });
  });

  it('toggles a facet value and goes back to the first page', () => {
    const state = parseSearchState(new URLSearchParams('eqf=6&page=4'));
    expect(toggleFacet(state, 'eqfLevel', '5')).toMatchObject({ eqf: ['6', '5'], page: 1 });
    expect(toggleFacet(state, 'eqfLevel', '6')).toMatchObject({ eqf: [], page: 1 });
  });
});
