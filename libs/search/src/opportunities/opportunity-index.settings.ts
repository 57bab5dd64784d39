import { LANGUAGE_CODES } from '#platform';
import type { Settings } from 'meilisearch';
import { WINDOW_FIELDS } from './opportunity-document.js';

/** The index of published opportunities, one per deployment (MEILI_INDEX_PREFIX). */
export function opportunityIndexName(indexPrefix: string): string {
  return `${indexPrefix}opportunities`;
}

/**
 * The languages whose titles and descriptions are declared to Meilisearch (`localizedAttributes`):
 * those written without spaces between words or in a script of their own, which it must segment
 * with that language's rules. Languages in Latin, Cyrillic or Greek script are tokenised the same
 * way whatever they are, and declaring them does harm: Meilisearch then guesses the language of
 * each query and searches only the fields of the language it guessed — from a word or two it
 * guesses wrong ("weldng" taken for another language finds no English title). Measured on 1.21.
 */
export const INDEX_LOCALES = ['zh', 'ja', 'ko', 'th', 'km', 'he'] as const;

/** Facets of the public contract → the document field each counts. */
export const FACET_FIELDS = {
  eqfLevel: 'eqfLevel',
  mode: 'mode',
  language: 'languages',
  country: 'country',
  iscedBroad: 'iscedBroad',
} as const;
export type FacetName = keyof typeof FACET_FIELDS;

/**
 * Abbreviations a learner types for what titles spell out, in both directions. Kept short on
 * purpose: every entry widens every query that contains the word.
 */
const SYNONYM_PAIRS: [string, string][] = [
  ['ai', 'artificial intelligence'],
  ['ki', 'künstliche intelligenz'],
  ['ml', 'machine learning'],
  ['cybersecurity', 'cyber security'],
  ['ict', 'information and communication technology'],
  ['hr', 'human resources'],
  ['ux', 'user experience'],
];

function synonyms(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [short, long] of SYNONYM_PAIRS) {
    (result[short] ??= []).push(long);
    (result[long] ??= []).push(short);
  }
  return result;
}

/**
 * The settings of the opportunity index, applied (and waited for) before any document is sent, so
 * that no document is ever indexed under other rules.
 */
/** Every searchable attribute but the derived search terms (to measure what they add; docs/search.md). */
export const OPPORTUNITY_SEARCHABLE_WITHOUT_TERMS = [
  ...LANGUAGE_CODES.map((lang) => `title_${lang}`),
  'learningOutcomes',
  ...LANGUAGE_CODES.map((lang) => `description_${lang}`),
  'providerName',
  'city',
  'iscedFCodes',
];

export const OPPORTUNITY_INDEX_SETTINGS: Settings = {
  // Titles first, then outcomes, then descriptions: the `attribute` rule ranks by this order.
  // Meilisearch takes no patterns here, so every language's field is named.
  searchableAttributes: [
    ...OPPORTUNITY_SEARCHABLE_WITHOUT_TERMS,
    // Last: a word found only through its parts or another spelling ranks below one found as written.
    'searchTerms',
  ],
  filterableAttributes: [
    'providerId',
    'eqfLevel',
    'iscedF',
    'iscedBroad',
    'languages',
    'mode',
    'country',
    'startDate',
    'endDate',
    'ectsCredits',
    'price',
    'free',
    'annexIComplete',
    '_geo',
    ...WINDOW_FIELDS,
  ],
  sortableAttributes: ['startDate', 'ectsCredits', 'price'],
  // `sort` first: a sorted list is strictly in that order (a learner who asks for the earliest
  // start must not get a better text match from next year first); without a sort it does nothing.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  typoTolerance: {
    enabled: true,
    // "2024" must not find "2025", nor "0613" find "0612": numbers and codes match exactly.
    disableOnNumbers: true,
    disableOnAttributes: ['iscedFCodes'],
  },
  synonyms: synonyms(),
  localizedAttributes: INDEX_LOCALES.map((lang) => ({
    attributePatterns: [`title_${lang}`, `description_${lang}`],
    locales: [lang],
  })),
  // totalHits is exact up to this many; pages beyond it are empty.
  pagination: { maxTotalHits: 10_000 },
  // Every country can appear in the country facet.
  faceting: { maxValuesPerFacet: 300 },
  facetSearch: false,
};
