import { LANGUAGE_CODES } from '#platform';
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

const TITLES = LANGUAGE_CODES.map((lang) => `title_${lang}`);
const DESCRIPTIONS = LANGUAGE_CODES.map((lang) => `description_${lang}`);
const PROVIDER = ['providerId', 'providerName', 'providerCountry'];

/** The LearningOpportunity fields an index document answers, each with the document attributes it is read from. */
const OPPORTUNITY_FIELDS: Record<string, readonly string[]> = {
  __typename: [],
  id: ['id'],
  providerId: ['providerId'],
  status: [],
  title: TITLES,
  description: DESCRIPTIONS,
  eqfLevel: ['eqfLevel'],
  ectsCredits: ['ectsCredits'],
  workloadHours: ['workloadHours'],
  iscedFCodes: ['iscedFCodes'],
  languages: ['languages'],
  mode: ['mode'],
  learningSetting: ['learningSetting'],
  type: ['type'],
  price: ['price', 'currency', 'free'],
  free: ['free'],
  startDate: ['startDate'],
  endDate: ['endDate'],
  applicationDeadline: ['applicationDeadline'],
  provider: PROVIDER,
};
const PROVIDER_FIELDS = new Set(['__typename', 'id', 'legalName', 'country']);

/** The hit's own fields (OpportunitySearchHit) that read its opportunity, with the attributes they need when it is the document. */
const HIT_FIELDS: Record<string, readonly string[]> = {
  title: TITLES,
  locale: TITLES,
  // In the title's language.
  description: [...TITLES, ...DESCRIPTIONS],
  startDate: ['startDate'],
  startsSoon: ['startDate'],
  applicationDeadline: ['applicationDeadline'],
};

/** How a search answers the hits a client asked for. */
export interface HitSelection {
  /**
   * `document` when every field asked for under `hits { opportunity { … } }` is in the index
   * document — then a search costs one Meilisearch request and no PostgreSQL query; else
   * `database`: PostgreSQL supplies the opportunities.
   */
  source: 'document' | 'database';
  /** The document attributes to ask Meilisearch for: what those fields are read from (only the id for `database`). */
  attributes: string[];
  /** Whether the hits' title, locale or description are asked for (they are then computed). */
  texts: boolean;
}

/** Per field node of a query: Mercurius keeps parsed queries, so a query asked again is looked at once. */
const selections = new WeakMap<FieldNode, HitSelection>();

/** What the `searchOpportunities` field of `info` asks of its hits. */
export function hitSelection(info: GraphQLResolveInfo): HitSelection {
  const node = info.fieldNodes[0];
  let selection = selections.get(node);
  if (!selection) {
    selection = selectionOf(info.fieldNodes, info.fragments);
    if (info.fieldNodes.length === 1) selections.set(node, selection);
  }
  return selection;
}

function selectionOf(nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): HitSelection {
  const attributes = new Set<string>(['id']);
  let fromDocument = true;
  let texts = false;
  for (const hits of nodes.flatMap((node) => fieldsOf(node.selectionSet, fragments)).filter((f) => f.name.value === 'hits')) {
    for (const field of fieldsOf(hits.selectionSet, fragments)) {
      const name = field.name.value;
      if (name === 'title' || name === 'locale' || name === 'description') texts = true;
      for (const attribute of HIT_FIELDS[name] ?? []) attributes.add(attribute);
      if (name !== 'opportunity') continue;
      for (const asked of fieldsOf(field.selectionSet, fragments)) {
        const needs = OPPORTUNITY_FIELDS[asked.name.value];
        if (!needs) fromDocument = false;
        else if (asked.name.value === 'provider' && !fieldsOf(asked.selectionSet, fragments).every((f) => PROVIDER_FIELDS.has(f.name.value))) fromDocument = false;
        else for (const attribute of needs) attributes.add(attribute);
      }
    }
  }
  return fromDocument ? { source: 'document', attributes: [...attributes], texts } : { source: 'database', attributes: ['id'], texts };
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

/** The opportunity as far as its index document tells it (see OPPORTUNITY_FIELDS): the attributes not retrieved stay unset. */
export function opportunityFromDocument(document: OpportunityDocument): DocumentOpportunity {
  const title = textsOf(document, 'title');
  const description = textsOf(document, 'description');
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

/** A document's `title_<lang>` (or `description_<lang>`) fields, by language. */
export function textsOf(document: OpportunityDocument, field: 'title' | 'description'): Record<string, string> {
  const prefix = `${field}_`;
  const texts: Record<string, string> = {};
  for (const key in document) if (key.startsWith(prefix)) texts[key.slice(prefix.length)] = document[key as `title_${string}`];
  return texts;
}

function dateOrNull(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}
