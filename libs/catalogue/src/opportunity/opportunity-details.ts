import type { FieldProblem } from '#platform';
import type { LocalizedTextInput, LocalizedTitleInput, OpportunityDetailsInput } from './dto/opportunity.inputs.js';
import type { LearningOpportunityEntity, LocalizedTexts } from './opportunity.entity.js';

/** What a provider writes about an opportunity; the rest (id, status, dates, version) is the service's. */
export type OpportunityDetails = Omit<
  LearningOpportunityEntity,
  'id' | 'providerId' | 'providerRelation' | 'status' | 'publishedAt' | 'archivedAt' | 'createdAt' | 'updatedAt' | 'version' | 'elmId'
>;

export type DetailsInput = OpportunityDetailsInput & { title?: LocalizedTitleInput[] };

export const EMPTY_DETAILS: OpportunityDetails = {
  title: {},
  description: {},
  learningOutcomes: [],
  eqfLevel: null,
  qfEheaCycle: null,
  nqfLevel: null,
  ectsCredits: null,
  workloadHours: null,
  iscedFCodes: [],
  languages: [],
  mode: null,
  learningSetting: null,
  type: null,
  assessmentTypes: [],
  supervisionVerification: null,
  qualityAssurance: null,
  prerequisites: null,
  stackability: null,
  stacksTowards: null,
  gradingScheme: null,
  price: null,
  free: false,
  fundingSchemes: [],
  location: null,
  startDate: null,
  endDate: null,
  applicationDeadline: null,
  schedule: null,
  landingPage: null,
};

const SCALARS = [
  'eqfLevel',
  'qfEheaCycle',
  'nqfLevel',
  'ectsCredits',
  'workloadHours',
  'mode',
  'learningSetting',
  'type',
  'supervisionVerification',
  'qualityAssurance',
  'prerequisites',
  'stackability',
  'stacksTowards',
  'gradingScheme',
  'startDate',
  'endDate',
  'applicationDeadline',
  'schedule',
  'landingPage',
] as const satisfies readonly (keyof OpportunityDetails & keyof DetailsInput)[];

const LISTS = ['iscedFCodes', 'languages', 'assessmentTypes', 'fundingSchemes'] as const satisfies readonly (keyof OpportunityDetails &
  keyof DetailsInput)[];

/**
 * The details after applying `input` to `current`: a field left out (undefined) stays, a field
 * given as null is cleared. A price and "free" exclude each other, so setting one clears the other.
 */
export function applyDetails(current: OpportunityDetails, input: DetailsInput): OpportunityDetails {
  const next: OpportunityDetails = { ...current };
  const assign = next as unknown as Record<string, unknown>;
  for (const key of SCALARS) if (input[key] !== undefined) assign[key] = input[key] ?? null;
  for (const key of LISTS) if (input[key] !== undefined) assign[key] = [...(input[key] ?? [])];
  if (input.title !== undefined) next.title = textsOf(input.title);
  if (input.description !== undefined) next.description = textsOf(input.description ?? []);
  if (input.learningOutcomes !== undefined) {
    next.learningOutcomes = (input.learningOutcomes ?? []).map((o) => ({ text: o.text, escoSkill: o.escoSkill ?? null }));
  }
  if (input.location !== undefined) {
    next.location = input.location && {
      country: input.location.country,
      city: input.location.city ?? null,
      lat: input.location.lat ?? null,
      lng: input.location.lng ?? null,
    };
  }
  if (input.price !== undefined) {
    next.price = input.price && { amount: input.price.amount, currency: input.price.currency };
    if (next.price) next.free = false;
  }
  if (input.free !== undefined) {
    next.free = input.free ?? false;
    if (next.free) next.price = null;
  }
  return next;
}

/** Rules across fields, checked on the details as they would be saved; every problem at once. */
export function detailsProblems(details: OpportunityDetails, input: DetailsInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.free && input.price) problems.push({ field: 'input.free', message: 'an opportunity with a price is not free; give one of price and free' });
  const location = details.location;
  if (location && (location.lat === null) !== (location.lng === null)) {
    problems.push({ field: `input.location.${location.lat === null ? 'lat' : 'lng'}`, message: 'give lat and lng together' });
  }
  if (details.startDate && details.endDate && details.endDate < details.startDate) {
    problems.push({ field: 'input.endDate', message: 'must not be before startDate' });
  }
  if (details.applicationDeadline && details.endDate && details.applicationDeadline > details.endDate) {
    problems.push({ field: 'input.applicationDeadline', message: 'must not be after endDate' });
  }
  return problems;
}

function textsOf(entries: readonly (LocalizedTextInput | LocalizedTitleInput)[]): LocalizedTexts {
  return Object.fromEntries(entries.map((entry) => [entry.lang, entry.text]));
}

/** A multilingual text as the API lists it, by language. */
export function listTexts(texts: LocalizedTexts): { lang: string; text: string }[] {
  return Object.keys(texts)
    .sort()
    .map((lang) => ({ lang, text: texts[lang] }));
}

/** The text in `locale`, else English, else the first language; with the language it is in. */
export function pickText(texts: LocalizedTexts, locale?: string): { lang: string; text: string } | null {
  const lang = [locale, 'en', ...Object.keys(texts).sort()].find((l): l is string => l !== undefined && texts[l] !== undefined);
  return lang === undefined ? null : { lang, text: texts[lang] };
}
