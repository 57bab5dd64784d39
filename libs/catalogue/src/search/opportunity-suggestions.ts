import { Injectable } from '@nestjs/common';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLanguageCode, LANGUAGE_CODES } from '#platform';
import { type OpportunityDocument, OpportunitySearchService } from '#search';
import { pickText } from '../opportunity/opportunity-details.js';
import { textsOf } from './hit-from-document.js';

export const SUGGESTION_KINDS = ['TITLE', 'SKILL', 'PROVIDER'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SuggestionKindEnum = Object.fromEntries(SUGGESTION_KINDS.map((k) => [k, k])) as { [K in SuggestionKind]: K };
registerEnumType(SuggestionKindEnum, { name: 'OpportunitySuggestionKind', description: 'A course title, a learning outcome (skill) or a provider.' });

@InputType()
export class SuggestOpportunitiesInput {
  @Field({ description: 'What has been typed so far; the last word counts as a prefix.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  prefix: string;

  @Field({ nullable: true, description: 'ISO 639-1 language of the titles to suggest (else English, else another).' })
  @IsOptional()
  @IsLanguageCode()
  locale?: string;
}

@ObjectType('OpportunitySuggestion')
export class OpportunitySuggestion {
  @Field()
  text: string;
  @Field(() => SuggestionKindEnum)
  kind: SuggestionKind;
  @Field(() => ID, { nullable: true, description: 'The course, for a TITLE.' })
  opportunityId: string | null;
}

const MAX_SUGGESTIONS = 10;
const DOCUMENTS = 20;
/** What completions are taken from. */
const ATTRIBUTES = ['id', ...LANGUAGE_CODES.map((lang) => `title_${lang}`), 'providerName', 'learningOutcomes'];

/** Lower case without accents, ß as ss: how typed text is compared with what it completes. */
function plain(text: string): string {
  return text.toLowerCase().replaceAll('ß', 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** `suggestOpportunities`: completions as one types, from the matching courses' index documents (one Meilisearch request). */
@Injectable()
export class OpportunitySuggestions {
  constructor(private readonly search: OpportunitySearchService) {}

  async suggest(input: SuggestOpportunitiesInput): Promise<OpportunitySuggestion[]> {
    const documents = await this.search.suggest(input.prefix, DOCUMENTS, ATTRIBUTES);
    const last = words(plain(input.prefix)).at(-1) ?? '';
    const seen = new Set<string>();
    const suggestions: OpportunitySuggestion[] = [];
    for (const suggestion of candidates(documents, input.locale)) {
      if (suggestions.length >= MAX_SUGGESTIONS) break;
      const folded = plain(suggestion.text);
      const key = `${suggestion.kind}:${folded}`;
      // A candidate completes what was typed when one of its words starts with the last word typed.
      if (seen.has(key) || !words(folded).some((word) => word.startsWith(last))) continue;
      seen.add(key);
      suggestions.push(suggestion);
    }
    return suggestions;
  }
}

/** Titles first, then providers, then skills; looked at only until there are enough. */
function* candidates(documents: readonly OpportunityDocument[], locale: string | undefined): Iterable<OpportunitySuggestion> {
  for (const document of documents) yield { text: pickText(textsOf(document, 'title'), locale)!.text, kind: 'TITLE', opportunityId: document.id };
  for (const document of documents) yield { text: document.providerName, kind: 'PROVIDER', opportunityId: null };
  for (const document of documents) for (const outcome of document.learningOutcomes) yield { text: outcome, kind: 'SKILL', opportunityId: null };
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
