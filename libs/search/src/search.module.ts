import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { DEFAULT_INDEXER_OPTIONS, INDEXER_OPTIONS, type IndexerOptions, SearchIndexer } from './indexer/search-indexer.js';
import { createMeilisearchClient, type MeilisearchConnection } from './meilisearch.client.js';
import { OpportunityIndex } from './opportunities/opportunity-index.js';
import { opportunityIndexName } from './opportunities/opportunity-index.settings.js';
import { OpportunitySearchService } from './opportunities/opportunity-search.service.js';

/** Owns the Meilisearch connection and the opportunity index (the outbox that feeds it is `#platform`'s). */
@Module({})
export class SearchModule {
  static forRoot(connection: MeilisearchConnection): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      providers: [
        { provide: Meilisearch, useFactory: () => createMeilisearchClient(connection) },
        {
          provide: OpportunityIndex,
          useFactory: (meilisearch: Meilisearch) => new OpportunityIndex(meilisearch, opportunityIndexName(connection.indexPrefix)),
          inject: [Meilisearch],
        },
        OpportunitySearchService,
      ],
      exports: [Meilisearch, OpportunityIndex, OpportunitySearchService],
    };
  }
}

/**
 * The indexer (outbox consumer). `documents` is the module that provides `SearchDocumentSource`
 * (the catalogue's), handed in by the composition root, so that search does not import it.
 */
@Module({})
export class SearchIndexerModule {
  static forRoot(options: { documents: NonNullable<ModuleMetadata['imports']>[number]; indexer?: Partial<IndexerOptions> }): DynamicModule {
    return {
      module: SearchIndexerModule,
      imports: [options.documents],
      providers: [{ provide: INDEXER_OPTIONS, useValue: { ...DEFAULT_INDEXER_OPTIONS, ...options.indexer } }, SearchIndexer],
    };
  }
}
