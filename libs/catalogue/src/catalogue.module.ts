import { Module } from '@nestjs/common';
import { RegistryModule } from '#registry';
import { SearchDocumentSource } from '#search';
import { CatalogueLoaders } from './catalogue.loaders.js';
import { OpportunityResolver } from './opportunity/opportunity.resolver.js';
import { OpportunityService } from './opportunity/opportunity.service.js';
import { OrganisationOpportunitiesResolver } from './opportunity/organisation-opportunities.resolver.js';
import { CatalogueSearchService } from './search/catalogue-search.service.js';
import { OpportunitySearchDocuments } from './search/opportunity-search-documents.js';
import { OpportunitySearchResolver } from './search/opportunity-search.resolver.js';
import { OpportunitySuggestions } from './search/opportunity-suggestions.js';

/** Learning opportunities, their lifecycle and Annex I status, and what they look like to search. */
@Module({
  imports: [RegistryModule],
  providers: [
    OpportunityService,
    CatalogueLoaders,
    CatalogueSearchService,
    OpportunitySearchDocuments,
    OpportunityResolver,
    OrganisationOpportunitiesResolver,
    OpportunitySearchResolver,
    OpportunitySuggestions,
    { provide: SearchDocumentSource, useExisting: OpportunitySearchDocuments },
  ],
  exports: [OpportunityService, SearchDocumentSource],
})
export class CatalogueModule {}
