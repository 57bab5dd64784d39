import { ACCREDITATION_WINDOW_SLOTS, type OpportunityDocument } from './opportunity-document.js';
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
  /** Also courses whose end date has passed (hidden by default). */
  includeFinished?: boolean;
}

/**
 * The filters that are facet groups: within one the values are ORed, and a group's counts are
 * computed without its own selection (disjunctive facets), so that a list of checkboxes shows
 * what ticking one more would add. `iscedF` (prefixes) is the group of the `iscedBroad` facet.
 */
export const FACET_GROUP_FILTERS = {
  eqfLevel: 'eqfLevels',
  mode: 'modes',
  language: 'languages',
  country: 'countries',
  iscedBroad: 'iscedF',
} as const satisfies Record<FacetName, keyof OpportunityFilters>;

/** The facet groups with a selection in `filters`. */
export function selectedFacetGroups(filters: OpportunityFilters | undefined): FacetName[] {
  return (Object.entries(FACET_GROUP_FILTERS) as [FacetName, keyof OpportunityFilters][])
    .filter(([, filter]) => ((filters?.[filter] as readonly unknown[] | undefined)?.length ?? 0) > 0)
    .map(([name]) => name);
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
  /** The document attributes the hits need (Meilisearch returns only these; the accreditation windows are always added, for `accreditedNow`). */
  attributes: readonly string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface OpportunitySearchHit {
  /** The index document with the attributes asked for (OpportunitySearchQuery.attributes). */
  document: OpportunityDocument;
  accreditedNow: boolean;
}

export interface OpportunitySearchPage {
  hits: OpportunitySearchHit[];
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
export function buildFilter(filters: OpportunityFilters | undefined, now: Date, options: { withoutGroup?: FacetName } = {}): string | undefined {
  const clauses: string[] = [];
  // Finished courses are hidden unless asked for; those without an end date are not finished.
  if (!filters?.includeFinished) clauses.push(`(endDate IS NULL OR endDate NOT EXISTS OR endDate > ${epochSeconds(now)})`);
  if (!filters) return clauses[0];
  const skipped = options.withoutGroup ? FACET_GROUP_FILTERS[options.withoutGroup] : undefined;
  const anyOf = (field: string, key: keyof OpportunityFilters) => {
    if (key === skipped) return;
    const values = filters[key] as readonly (string | number)[] | undefined;
    if (values && values.length > 0) clauses.push(`${field} IN [${values.map(literal).join(', ')}]`);
  };
  anyOf('eqfLevel', 'eqfLevels');
  anyOf('iscedF', 'iscedF');
  anyOf('country', 'countries');
  anyOf('languages', 'languages');
  anyOf('mode', 'modes');
  anyOf('providerId', 'providerIds');
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

/** "Not started yet at `nowSeconds`", the upcoming courses that START_DATE lists first. */
export function upcomingFilter(nowSeconds: number): string {
  return `startDate >= ${nowSeconds}`;
}

/** Started before `nowSeconds`, or no start date: listed after the upcoming ones. */
export function notUpcomingFilter(nowSeconds: number): string {
  return `(startDate < ${nowSeconds} OR startDate IS NULL OR startDate NOT EXISTS)`;
}

/** Both, ANDed; either may be empty. */
export function and(...filters: (string | undefined)[]): string | undefined {
  const parts = filters.filter((f): f is string => !!f);
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts.map((f) => `(${f})`).join(' AND ');
}

/** Facet distributions of disjoint sets of matches, added up. */
export function addDistributions(...distributions: (Record<string, Record<string, number>> | undefined)[]): Record<string, Record<string, number>> {
  const sum: Record<string, Record<string, number>> = {};
  for (const distribution of distributions) {
    for (const [field, counts] of Object.entries(distribution ?? {})) {
      const target = (sum[field] ??= {});
      for (const [value, count] of Object.entries(counts)) target[value] = (target[value] ?? 0) + count;
    }
  }
  return sum;
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
