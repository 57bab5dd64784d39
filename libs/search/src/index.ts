export { SearchIndexerModule, SearchModule } from './search.module.js';
export { createMeilisearchClient, type MeilisearchConnection } from './meilisearch.client.js';
export {
  ACCREDITATION_WINDOW_SLOTS,
  accreditedAt,
  OPEN_ENDED,
  type OpportunityDocument,
  windowFields,
  type WindowSlot,
} from './opportunities/opportunity-document.js';
export { OpportunityIndex } from './opportunities/opportunity-index.js';
export { FACET_FIELDS, type FacetName, OPPORTUNITY_SEARCHABLE_WITHOUT_TERMS, opportunityIndexName } from './opportunities/opportunity-index.settings.js';
export {
  epochSeconds,
  FACET_GROUP_FILTERS,
  type FacetCount,
  type OpportunityFilters,
  type OpportunitySearchHit,
  type OpportunitySearchPage,
  type OpportunitySearchQuery,
  OPPORTUNITY_SORTS,
  type OpportunitySort,
  SORT_ORDERS,
  type SortOrder,
} from './opportunities/opportunity-query.js';
export { OpportunitySearchService } from './opportunities/opportunity-search.service.js';
export { type DocumentChanges, type OutboxChange, SearchDocumentSource } from './indexer/search-document-source.js';
export { DEFAULT_INDEXER_OPTIONS, type IndexerOptions, SearchIndexer } from './indexer/search-indexer.js';
export { rebuildIndex, type RebuildProgress } from './indexer/rebuild-index.js';
export { decompound, foldQuery, searchTerms } from './text/search-terms.js';
