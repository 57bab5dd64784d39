import type { FacetName } from '../../api/types';
import { placeNamed, RADII_KM } from '../../shared/places';

/**
 * The search page's whole state, read from and written to the address, so that a counsellor can
 * send a link and the learner sees the same results. Parameters (all optional):
 *   q          words
 *   eqf, mode, language, country, field   facet selections, comma-separated
 *   ectsMin, ectsMax   numbers;  from, to   start dates (YYYY-MM-DD)
 *   free, accredited, annex   "1" when on
 *   finished   "1": courses that have ended are shown too
 *   near, km   a place from shared/places.ts and a radius
 *   sort       relevance | start | ects-asc | ects-desc | price
 *   page       1-based
 * `lang` (the interface language) rides along but is not part of the search.
 */
export interface SearchState {
  q: string;
  eqf: string[];
  mode: string[];
  language: string[];
  country: string[];
  field: string[];
  ectsMin: string;
  ectsMax: string;
  from: string;
  to: string;
  free: boolean;
  accredited: boolean;
  annex: boolean;
  finished: boolean;
  near: string;
  km: number;
  sort: SortKey;
  page: number;
}

export const PAGE_SIZE = 20;
export const SORT_KEYS = ['relevance', 'start', 'ects-asc', 'ects-desc', 'price'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Which address parameter holds the selection of each facet the api counts. */
export const FACET_PARAMS: Record<FacetName, 'eqf' | 'mode' | 'language' | 'country' | 'field'> = {
  eqfLevel: 'eqf',
  mode: 'mode',
  language: 'language',
  country: 'country',
  iscedBroad: 'field',
};
export const FACET_ORDER: FacetName[] = ['eqfLevel', 'iscedBroad', 'mode', 'language', 'country'];

// What each list parameter may hold; anything else in a hand-edited link is dropped, not sent.
const VALID: Record<'eqf' | 'mode' | 'language' | 'country' | 'field', RegExp> = {
  eqf: /^[1-8]$/,
  mode: /^[A-Z_]{3,20}$/,
  language: /^[a-z]{2}$/,
  country: /^[A-Z]{2}$/,
  field: /^\d{2,4}$/,
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^\d{1,4}(\.\d{1,2})?$/;

export function parseSearchState(params: URLSearchParams): SearchState {
  const list = (key: keyof typeof VALID) =>
    [...new Set((params.get(key) ?? '').split(',').map((v) => v.trim()).filter((v) => VALID[key].test(v)))];
  const text = (key: string, pattern: RegExp) => {
    const value = params.get(key) ?? '';
    return pattern.test(value) ? value : '';
  };
  const sort = params.get('sort') ?? '';
  const km = Number(params.get('km'));
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    eqf: list('eqf'),
    mode: list('mode'),
    language: list('language'),
    country: list('country'),
    field: list('field'),
    ectsMin: text('ectsMin', NUMBER),
    ectsMax: text('ectsMax', NUMBER),
    from: text('from', DATE),
    to: text('to', DATE),
    free: params.get('free') === '1',
    accredited: params.get('accredited') === '1',
    annex: params.get('annex') === '1',
    finished: params.get('finished') === '1',
    near: placeNamed(params.get('near')) ? params.get('near')! : '',
    km: RADII_KM.includes(km) ? km : 50,
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The address parameters for a state, defaults left out so links stay short. */
export function toParams(state: SearchState, lang: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const key of ['eqf', 'mode', 'language', 'country', 'field'] as const) {
    if (state[key].length > 0) params.set(key, state[key].join(','));
  }
  for (const key of ['ectsMin', 'ectsMax', 'from', 'to'] as const) {
    if (state[key]) params.set(key, state[key]);
  }
  for (const key of ['free', 'accredited', 'annex', 'finished'] as const) {
    if (state[key]) params.set(key, '1');
  }
  if (state.near) {
    params.set('near', state.near);
    params.set('km', String(state.km));
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  params.set('lang', lang);
  return params;
}

/** The variables of searchOpportunities for a state (DESIGN §4 names). */
export function toSearchInput(state: SearchState, locale: string) {
  const filters: Record<string, unknown> = {};
  if (state.eqf.length) filters.eqfLevels = state.eqf.map(Number);
  if (state.mode.length) filters.modes = state.mode;
  if (state.language.length) filters.languages = state.language;
  if (state.country.length) filters.countries = state.country;
  if (state.field.length) filters.iscedF = state.field;
  if (state.ectsMin) filters.ectsMin = Number(state.ectsMin);
  if (state.ectsMax) filters.ectsMax = Number(state.ectsMax);
  if (state.from) filters.startsFrom = `${state.from}T00:00:00.000Z`;
  if (state.to) filters.startsTo = `${state.to}T23:59:59.999Z`;
  if (state.free) filters.freeOnly = true;
  if (state.accredited) filters.accreditedOnly = true;
  if (state.annex) filters.annexICompleteOnly = true;
  if (state.finished) filters.includeFinished = true;
  const place = placeNamed(state.near);
  if (place) filters.near = { lat: place.lat, lng: place.lng, radiusKm: state.km };
  const [sort, sortOrder] = SORTS[state.sort];
  return {
    query: state.q.trim() || undefined,
    filters: Object.keys(filters).length ? filters : undefined,
    sort,
    sortOrder,
    locale,
    page: state.page,
  };
}

const SORTS: Record<SortKey, [string, 'ASC' | 'DESC']> = {
  relevance: ['RELEVANCE', 'ASC'],
  start: ['START_DATE', 'ASC'],
  'ects-asc': ['ECTS', 'ASC'],
  'ects-desc': ['ECTS', 'DESC'],
  price: ['PRICE', 'ASC'],
};

/** True when anything narrows the results besides the words. */
export function hasFilters(state: SearchState): boolean {
  return (
    state.eqf.length + state.mode.length + state.language.length + state.country.length + state.field.length > 0 ||
    Boolean(state.ectsMin || state.ectsMax || state.from || state.to || state.near) ||
    state.free ||
    state.accredited ||
    state.annex ||
    state.finished
  );
}

/** A copy with one facet value switched on or off; any change of filters goes back to page 1. */
export function toggleFacet(state: SearchState, facet: FacetName, value: string): SearchState {
  const key = FACET_PARAMS[facet];
  const current = state[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [key]: next, page: 1 };
}
