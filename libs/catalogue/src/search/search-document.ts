import { iscedFBroad, iscedFPrefixes } from '#platform';
import { epochSeconds, type OpportunityDocument, searchTerms, windowFields, type WindowSlot } from '#search';
import { annexICompliance } from '../opportunity/annex-i.js';
import type { LearningOpportunityEntity } from '../opportunity/opportunity.entity.js';

export interface ProviderSummary {
  id: string;
  legalName: string;
  country: string;
}

/** An opportunity as the search index holds it (see OpportunityDocument), with its provider's windows. */
export function toSearchDocument(opportunity: LearningOpportunityEntity, provider: ProviderSummary, windows: readonly WindowSlot[]): OpportunityDocument {
  const localized: Record<string, string> = {};
  for (const [lang, text] of Object.entries(opportunity.title)) localized[`title_${lang}`] = text;
  for (const [lang, text] of Object.entries(opportunity.description)) localized[`description_${lang}`] = text;
  const location = opportunity.location;
  return {
    id: opportunity.id,
    providerId: provider.id,
    providerName: provider.legalName,
    providerCountry: provider.country,
    ...localized,
    learningOutcomes: opportunity.learningOutcomes.map((o) => o.text),
    searchTerms: termsOf(opportunity),
    eqfLevel: opportunity.eqfLevel,
    ectsCredits: opportunity.ectsCredits,
    workloadHours: opportunity.workloadHours,
    // The prefixes turn "field under 06" into equality filters; search itself matches nothing.
    iscedF: [...new Set(opportunity.iscedFCodes.flatMap(iscedFPrefixes))].sort(),
    iscedBroad: [...new Set(opportunity.iscedFCodes.flatMap((code) => iscedFBroad(code) ?? []))].sort(),
    iscedFCodes: opportunity.iscedFCodes,
    languages: opportunity.languages,
    mode: opportunity.mode,
    learningSetting: opportunity.learningSetting,
    type: opportunity.type,
    country: location?.country ?? provider.country,
    city: location?.city ?? null,
    startDate: secondsOrNull(opportunity.startDate),
    endDate: secondsOrNull(opportunity.endDate),
    applicationDeadline: secondsOrNull(opportunity.applicationDeadline),
    price: opportunity.free ? 0 : (opportunity.price?.amount ?? null),
    currency: opportunity.price?.currency ?? null,
    free: opportunity.free,
    annexIComplete: annexICompliance(opportunity, provider).complete,
    ...(location && location.lat !== null && location.lng !== null ? { _geo: { lat: location.lat, lng: location.lng } } : {}),
    ...windowFields(windows),
  };
}

function secondsOrNull(at: Date | null): number | null {
  return at ? epochSeconds(at) : null;
}

/** Each title and description by its own language; outcomes (no language given) by the languages of instruction. */
function termsOf(opportunity: LearningOpportunityEntity): string[] {
  const terms = new Set<string>();
  for (const [lang, text] of Object.entries(opportunity.title)) for (const t of searchTerms([text, opportunity.description[lang] ?? ''], lang)) terms.add(t);
  for (const [lang, text] of Object.entries(opportunity.description)) if (!(lang in opportunity.title)) for (const t of searchTerms([text], lang)) terms.add(t);
  const outcomes = opportunity.learningOutcomes.map((o) => o.text);
  for (const lang of opportunity.languages) for (const t of searchTerms(outcomes, lang)) terms.add(t);
  return [...terms];
}
