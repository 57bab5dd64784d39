import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { RateLimitGuard } from '#platform';
import { CatalogueSearchService } from './catalogue-search.service.js';
import { OpportunitySearchResult } from './dto/opportunity-search.result.js';
import { SearchOpportunitiesInput } from './dto/search-opportunities.input.js';

@Resolver(() => OpportunitySearchResult)
export class OpportunitySearchResolver {
  constructor(private readonly search: CatalogueSearchService) {}

  @Query(() => OpportunitySearchResult, { description: 'Published learning opportunities by text and filters, with facet counts.' })
  @UseGuards(RateLimitGuard)
  searchOpportunities(@Args('input') input: SearchOpportunitiesInput): Promise<OpportunitySearchResult> {
    return this.search.searchOpportunities(input);
  }
}
