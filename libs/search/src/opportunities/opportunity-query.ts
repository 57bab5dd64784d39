import { ACCREDITATION_WINDOW_SLOTS } from './opportunity-document.js';
import { FACET_FIELDS, type FacetName } from './opportunity-index.settings.js';

/** The filters of `searchOpportunities` (DESIGN §4), already validated by the caller. */
export interface OpportunityFilters {
  eqfLevels?: readonly number[];
  /** ISCED-F code prefixes: `06` matches every code of the broad field. */
  iscedF?: readonly string[];
  countries?: readonly string[];
  languages?: readonly string[];
  modes?: readonly string[];
  ectsMin?: number;
  ectsMax?: number;
  startsFrom?: Date;
  startsTo?: Date;
  maxPrice?: number;
  freeOnly?: boolean;
  accreditedOnly?: boolean;
  annexICompleteOnly?: boolean;
  providerIds?: readonly string[];
  near?: { lat: number; lng: number; radiusKm: number };
}

export const OPPORTUNITY_SORTS = ['RELEVANCE', 'START_DATE', 'ECTS', 'PRICE'] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];
export const SORT_ORDERS = ['ASC', 'DESC'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface OpportunitySearchQuery {
  text?: string;
  filters?: OpportunityFilters;
  sort: OpportunitySort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface OpportunitySearchPage {
  hits: { id: string; accreditedNow: boolean }[];
  totalHits: number;
  page: number;
  pageSize: number;
  facets: Record<FacetName, FacetCount[]>;
  processingTimeMs: number;
}

/** Epoch seconds, as documents store time. */
export function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/**
 * The Meilisearch filter expression for `filters` at `now`; undefined when nothing is filtered.
 * Every value is quoted, whatever validation let through, so that no input can change the
 * expression's structure.
 */
export function buildFilter(filters: OpportunityFilters | undefined, now: Date): string | undefined {
  if (!filters) return undefined;
  const clauses: string[] = [];
  const anyOf = (field: string, values: readonly (string | number)[] | undefined) => {
    if (values && values.length > 0) clauses.push(`${field} IN [${values.map(literal).join(', ')}]`);
  };
  anyOf('eqfLevel', filters.eqfLevels);
  anyOf('iscedF', filters.iscedF);
  anyOf('country', filters.countries);
  anyOf('languages', filters.languages);
  anyOf('mode', filters.modes);
  anyOf('providerId', filters.providerIds);
  if (filters.ectsMin !== undefined) clauses.push(`ectsCredits >= ${number(filters.ectsMin)}`);
  if (filters.ectsMax !== undefined) clauses.push(`ectsCredits <= ${number(filters.ectsMax)}`);
  if (filters.startsFrom) clauses.push(`startDate >= ${epochSeconds(filters.startsFrom)}`);
  if (filters.startsTo) clauses.push(`startDate <= ${epochSeconds(filters.startsTo)}`);
  if (filters.maxPrice !== undefined) clauses.push(`price <= ${number(filters.maxPrice)}`);
  if (filters.freeOnly) clauses.push('free = true');
  if (filters.annexICompleteOnly) clauses.push('annexIComplete = true');
  if (filters.accreditedOnly) clauses.push(accreditedAtFilter(epochSeconds(now)));
  if (filters.near) {
    const { lat, lng, radiusKm } = filters.near;
    clauses.push(`_geoRadius(${number(lat)}, ${number(lng)}, ${Math.round(radiusKm * 1000)})`);
  }
  return clauses.length > 0 ? clauses.join(' AND ') : undefined;
}

/** "Accredited at `nowSeconds`": inside one of the window slots (see ACCREDITATION_WINDOW_SLOTS). */
export function accreditedAtFilter(nowSeconds: number): string {
  const slots = Array.from({ length: ACCREDITATION_WINDOW_SLOTS }, (_, i) => `(accWin${i}From <= ${nowSeconds} AND accWin${i}Until > ${nowSeconds})`);
  return `(${slots.join(' OR ')})`;
}

const SORT_FIELDS: Record<Exclude<OpportunitySort, 'RELEVANCE'>, string> = {
  START_DATE: 'startDate',
  ECTS: 'ectsCredits',
  PRICE: 'price',
};

/** Meilisearch's `sort` for a sort of the contract; relevance alone needs none. */
export function buildSort(sort: OpportunitySort, order: SortOrder): string[] | undefined {
  return sort === 'RELEVANCE' ? undefined : [`${SORT_FIELDS[sort]}:${order === 'DESC' ? 'desc' : 'asc'}`];
}

/** Meilisearch's facet distribution as the contract's lists, most frequent first. */
export function facetCounts(distribution: Record<string, Record<string, number>> | undefined): Record<FacetName, FacetCount[]> {
  const result = {} as Record<FacetName, FacetCount[]>;
  for (const [name, field] of Object.entries(FACET_FIELDS) as [FacetName, string][]) {
    result[name] = Object.entries(distribution?.[field] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  return result;
}

function literal(value: string | number): string {
  return typeof value === 'number' ? number(value) : `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}
