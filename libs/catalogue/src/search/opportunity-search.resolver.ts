import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CatalogueSearchService } from './catalogue-search.service.js';
import { OpportunitySearchResult } from './dto/opportunity-search.result.js';
import { SearchOpportunitiesInput } from './dto/search-opportunities.input.js';
import { hitSelection } from './hit-from-document.js';
import { OpportunitySuggestion, OpportunitySuggestions, SuggestOpportunitiesInput } from './opportunity-suggestions.js';

@Resolver(() => OpportunitySearchResult)
export class OpportunitySearchResolver {
  constructor(
    private readonly search: CatalogueSearchService,
    private readonly suggestions: OpportunitySuggestions,
  ) {}

  @Query(() => [OpportunitySuggestion], { description: 'Completions as one types: course titles, skills (learning outcomes) and providers.' })
  suggestOpportunities(@Args('input') input: SuggestOpportunitiesInput): Promise<OpportunitySuggestion[]> {
    return this.suggestions.suggest(input);
  }

  @Query(() => OpportunitySearchResult, { description: 'Published learning opportunities by text and filters, with facet counts.' })
  searchOpportunities(@Args('input') input: SearchOpportunitiesInput, @Info() info: GraphQLResolveInfo): Promise<OpportunitySearchResult> {
    return this.search.searchOpportunities(input, hitSelection(info));
  }
}
