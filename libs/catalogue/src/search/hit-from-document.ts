import type { OpportunityDocument } from '#search';
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { LearningOpportunityEntity } from '../opportunity/opportunity.entity.js';

/** The provider of a hit as the index document carries it. */
export interface DocumentProvider {
  id: string;
  legalName: string;
  country: string;
}

/** An opportunity built from its index document; `searchProvider` lets the provider field skip PostgreSQL. */
export type DocumentOpportunity = LearningOpportunityEntity & { searchProvider?: DocumentProvider };

/** The LearningOpportunity fields an index document answers, and the provider's. */
const OPPORTUNITY_FIELDS = new Set([
  '__typename', 'id', 'providerId', 'status', 'title', 'description', 'eqfLevel', 'ectsCredits', 'workloadHours', 'iscedFCodes',
  'languages', 'mode', 'learningSetting', 'type', 'price', 'free', 'startDate', 'endDate', 'applicationDeadline', 'provider',
]);
const PROVIDER_FIELDS = new Set(['__typename', 'id', 'legalName', 'country']);

/**
 * Whether every field the client asked for under `hits { opportunity { … } }` is in the index
 * document — then a search costs one Meilisearch request and no PostgreSQL query.
 */
export function documentAnswers(info: GraphQLResolveInfo): boolean {
  const fragments = info.fragments;
  for (const node of info.fieldNodes) {
    for (const hits of fieldsOf(node.selectionSet, fragments).filter((f) => f.name.value === 'hits')) {
      for (const opportunity of fieldsOf(hits.selectionSet, fragments).filter((f) => f.name.value === 'opportunity')) {
        for (const field of fieldsOf(opportunity.selectionSet, fragments)) {
          if (!OPPORTUNITY_FIELDS.has(field.name.value)) return false;
          if (field.name.value === 'provider' && !fieldsOf(field.selectionSet, fragments).every((f) => PROVIDER_FIELDS.has(f.name.value))) return false;
        }
      }
    }
  }
  return true;
}

/** The fields of a selection set, through inline and named fragments. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  if (!selectionSet) return [];
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === 'Field') return [selection];
    if (selection.kind === 'InlineFragment') return fieldsOf(selection.selectionSet, fragments);
    const fragment = fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}

/** The opportunity as far as its index document tells it (see OPPORTUNITY_FIELDS). */
export function opportunityFromDocument(document: OpportunityDocument): DocumentOpportunity {
  const title: Record<string, string> = {};
  const description: Record<string, string> = {};
  for (const [key, value] of Object.entries(document)) {
    if (key.startsWith('title_')) title[key.slice(6)] = value as string;
    else if (key.startsWith('description_')) description[key.slice(12)] = value as string;
  }
  return {
    id: document.id,
    providerId: document.providerId,
    status: 'PUBLISHED',
    title,
    description,
    eqfLevel: document.eqfLevel,
    ectsCredits: document.ectsCredits,
    workloadHours: document.workloadHours,
    iscedFCodes: document.iscedFCodes,
    languages: document.languages,
    mode: document.mode,
    learningSetting: document.learningSetting,
    type: document.type,
    price: !document.free && document.price !== null && document.currency ? { amount: document.price, currency: document.currency } : null,
    free: document.free,
    startDate: dateOrNull(document.startDate),
    endDate: dateOrNull(document.endDate),
    applicationDeadline: dateOrNull(document.applicationDeadline),
    searchProvider: { id: document.providerId, legalName: document.providerName, country: document.providerCountry },
  } as DocumentOpportunity;
}

function dateOrNull(seconds: number | null): Date | null {
  return seconds === null ? null : new Date(seconds * 1000);
}
