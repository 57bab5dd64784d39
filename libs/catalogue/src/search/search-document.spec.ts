import { OPEN_ENDED } from '#search';
import { EMPTY_DETAILS } from '../opportunity/opportunity-details.js';
import type { LearningOpportunityEntity } from '../opportunity/opportunity.entity.js';
import { toSearchDocument } from './search-document.js';

const provider = { id: 'p1', legalName: 'Helsinki Institute', country: 'FI' };

function opportunity(overrides: Partial<LearningOpportunityEntity> = {}): LearningOpportunityEntity {
  return { ...EMPTY_DETAILS, id: 'o1', providerId: 'p1', status: 'PUBLISHED', title: { en: 'Data science', de: 'Datenwissenschaft' }, ...overrides } as LearningOpportunityEntity;
}

describe('search document', () => {
  it('has a title and description field per language, and the provider', () => {
    const doc = toSearchDocument(opportunity({ description: { de: 'Kurs' } }), provider, []);
    expect(doc).toMatchObject({ id: 'o1', providerId: 'p1', providerName: 'Helsinki Institute', title_en: 'Data science', title_de: 'Datenwissenschaft', description_de: 'Kurs' });
  });

  it('expands ISCED-F codes into their prefixes for prefix filters, and lists the broad fields', () => {
    const doc = toSearchDocument(opportunity({ iscedFCodes: ['0613', '0688', '041'] }), provider, []);
    expect(doc.iscedF).toEqual(['041', '04', '06', '061', '0613', '068', '0688'].sort());
    expect(doc.iscedBroad).toEqual(['04', '06']);
  });

  it('takes the country from the location, else from the provider; coordinates only when both are known', () => {
    expect(toSearchDocument(opportunity(), provider, [])).toMatchObject({ country: 'FI', city: null });
    expect(toSearchDocument(opportunity(), provider, [])._geo).toBeUndefined();
    const located = toSearchDocument(opportunity({ location: { country: 'DE', city: 'Berlin', lat: 52.52, lng: 13.4 } }), provider, []);
    expect(located).toMatchObject({ country: 'DE', city: 'Berlin', _geo: { lat: 52.52, lng: 13.4 } });
  });

  it('stores times as epoch seconds and a free opportunity at price 0', () => {
    const doc = toSearchDocument(opportunity({ startDate: new Date('2026-09-01T00:00:00Z'), free: true }), provider, []);
    expect(doc).toMatchObject({ startDate: Date.parse('2026-09-01T00:00:00Z') / 1000, endDate: null, price: 0, free: true });
    expect(toSearchDocument(opportunity({ price: { amount: 99.5, currency: 'EUR' } }), provider, [])).toMatchObject({ price: 99.5, currency: 'EUR', free: false });
    expect(toSearchDocument(opportunity(), provider, []).price).toBeNull();
  });

  it('fills four window slots, unused ones empty', () => {
    const doc = toSearchDocument(opportunity(), provider, [{ from: 100, until: OPEN_ENDED }]);
    expect(doc).toMatchObject({ accWin0From: 100, accWin0Until: OPEN_ENDED, accWin1From: 0, accWin1Until: 0, accWin3From: 0, accWin3Until: 0 });
  });

  it('carries whether Annex I is complete', () => {
    expect(toSearchDocument(opportunity(), provider, []).annexIComplete).toBe(false);
  });
});
