import { accreditedAt, windowFields } from './opportunity-document.js';
import { accreditedAtFilter, addDistributions, buildFilter, buildSort, facetCounts, selectedFacetGroups } from './opportunity-query.js';

const now = new Date('2026-01-01T00:00:00Z');
const nowSeconds = now.getTime() / 1000;

describe('search filter', () => {
  const notFinished = `(endDate IS NULL OR endDate NOT EXISTS OR endDate > ${nowSeconds})`;

  it('filters only finished courses out when nothing is asked, and nothing with includeFinished', () => {
    expect(buildFilter(undefined, now)).toBe(notFinished);
    expect(buildFilter({ eqfLevels: [], iscedF: [] }, now)).toBe(notFinished);
    expect(buildFilter({ includeFinished: true }, now)).toBeUndefined();
  });

  it('leaves one facet group out for that group\'s counts, keeping the others', () => {
    const filters = { eqfLevels: [4, 5], modes: ['ONLINE'], iscedF: ['06'], includeFinished: true };
    expect(buildFilter(filters, now, { withoutGroup: 'eqfLevel' })).toBe('iscedF IN ["06"] AND mode IN ["ONLINE"]');
    expect(buildFilter(filters, now, { withoutGroup: 'iscedBroad' })).toBe('eqfLevel IN [4, 5] AND mode IN ["ONLINE"]');
    expect(selectedFacetGroups(filters)).toEqual(['eqfLevel', 'mode', 'iscedBroad']);
  });

  it('combines every filter of the contract with AND, lists with IN', () => {
    const filter = buildFilter(
      {
        includeFinished: true,
        eqfLevels: [6, 7],
        iscedF: ['06'],
        countries: ['FI', 'DE'],
        languages: ['en'],
        modes: ['ONLINE'],
        providerIds: ['4b0c8d57-5a5e-4b6c-9d1e-3f2a1b0c9d8e'],
        ectsMin: 2,
        ectsMax: 6.5,
        startsFrom: new Date('2026-02-01T00:00:00Z'),
        startsTo: new Date('2026-03-01T00:00:00Z'),
        maxPrice: 100,
        freeOnly: true,
        annexICompleteOnly: true,
        near: { lat: 60.17, lng: 24.94, radiusKm: 25 },
      },
      now,
    );
    expect(filter).toBe(
      [
        'eqfLevel IN [6, 7]',
        'iscedF IN ["06"]',
        'country IN ["FI", "DE"]',
        'languages IN ["en"]',
        'mode IN ["ONLINE"]',
        'providerId IN ["4b0c8d57-5a5e-4b6c-9d1e-3f2a1b0c9d8e"]',
        'ectsCredits >= 2',
        'ectsCredits <= 6.5',
        `startDate >= ${Date.parse('2026-02-01T00:00:00Z') / 1000}`,
        `startDate <= ${Date.parse('2026-03-01T00:00:00Z') / 1000}`,
        'price <= 100',
        'free = true',
        'annexIComplete = true',
        '_geoRadius(60.17, 24.94, 25000)',
      ].join(' AND '),
    );
  });

  it('quotes values so that none can change the expression', () => {
    expect(buildFilter({ includeFinished: true, countries: ['FI" OR free = true OR country = "X', 'a\\b'] }, now)).toBe('country IN ["FI\\" OR free = true OR country = \\"X", "a\\\\b"]');
  });

  it('asks "accredited now" as one AND per window slot, ORed, so that gaps between windows do not match', () => {
    expect(buildFilter({ accreditedOnly: true, includeFinished: true }, now)).toBe(accreditedAtFilter(nowSeconds));
    expect(accreditedAtFilter(100)).toBe(
      '((accWin0From <= 100 AND accWin0Until > 100) OR (accWin1From <= 100 AND accWin1Until > 100) OR ' +
        '(accWin2From <= 100 AND accWin2Until > 100) OR (accWin3From <= 100 AND accWin3Until > 100))',
    );
  });

  it('answers "accredited now" for a hit the same way', () => {
    const doc = windowFields([{ from: 10, until: 20 }, { from: 30, until: 40 }]);
    expect([5, 10, 19, 20, 25, 30, 39, 40].map((t) => accreditedAt(doc, t))).toEqual([false, true, true, false, false, true, true, false]);
  });
});

describe('search sort and facets', () => {
  it('adds up the counts of disjoint sets of matches', () => {
    expect(addDistributions({ mode: { ONLINE: 1 } }, { mode: { ONLINE: 2, BLENDED: 1 }, country: { FI: 1 } }, undefined)).toEqual({
      mode: { ONLINE: 3, BLENDED: 1 },
      country: { FI: 1 },
    });
  });

  it('sorts by relevance alone, or by a field in the asked order', () => {
    expect(buildSort('RELEVANCE', 'ASC')).toBeUndefined();
    expect(buildSort('START_DATE', 'ASC')).toEqual(['startDate:asc']);
    expect(buildSort('ECTS', 'DESC')).toEqual(['ectsCredits:desc']);
    expect(buildSort('PRICE', 'ASC')).toEqual(['price:asc']);
  });

  it('turns the facet distribution into the contract lists, most frequent first', () => {
    expect(facetCounts({ eqfLevel: { '6': 2, '7': 5 }, languages: { en: 3, de: 3 } })).toEqual({
      eqfLevel: [
        { value: '7', count: 5 },
        { value: '6', count: 2 },
      ],
      mode: [],
      language: [
        { value: 'de', count: 3 },
        { value: 'en', count: 3 },
      ],
      country: [],
      iscedBroad: [],
    });
  });
});
