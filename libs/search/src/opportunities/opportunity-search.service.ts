import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError } from '#platform';
import { MeilisearchApiError } from 'meilisearch';
import { ACCREDITATION_WINDOW_SLOTS, accreditedAt, type OpportunityDocument } from './opportunity-document.js';
import { isIndexNotFound, OpportunityIndex } from './opportunity-index.js';
import { FACET_FIELDS } from './opportunity-index.settings.js';
import { buildFilter, buildSort, epochSeconds, facetCounts, type OpportunitySearchPage, type OpportunitySearchQuery } from './opportunity-query.js';

const RETRIEVED = ['id', ...Array.from({ length: ACCREDITATION_WINDOW_SLOTS }, (_, i) => [`accWin${i}From`, `accWin${i}Until`]).flat()];

/** Runs `searchOpportunities` against Meilisearch: text, filters, facets, sort and page. */
@Injectable()
export class OpportunitySearchService {
  private readonly logger = new Logger(OpportunitySearchService.name);

  constructor(
    private readonly index: OpportunityIndex,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of matching opportunity ids, best first, with facet counts over all matches. When
   * Meilisearch cannot answer, SERVICE_UNAVAILABLE — the catalogue itself (PostgreSQL) is fine,
   * and the client timeout keeps this from hanging.
   */
  async search(query: OpportunitySearchQuery): Promise<OpportunitySearchPage> {
    const now = this.clock.now();
    try {
      const result = await this.index.meilisearch.index<OpportunityDocument>(this.index.name).search(query.text ?? '', {
        filter: buildFilter(query.filters, now),
        sort: buildSort(query.sort, query.order),
        facets: Object.values(FACET_FIELDS),
        page: query.page,
        hitsPerPage: query.pageSize,
        attributesToRetrieve: RETRIEVED,
      });
      const nowSeconds = epochSeconds(now);
      return {
        hits: result.hits.map((hit) => ({ id: hit.id, accreditedNow: accreditedAt(hit, nowSeconds) })),
        totalHits: result.totalHits,
        page: query.page,
        pageSize: query.pageSize,
        facets: facetCounts(result.facetDistribution),
        processingTimeMs: result.processingTimeMs,
      };
    } catch (error) {
      // Before the first document the index may not exist yet: nothing is published.
      if (isIndexNotFound(error)) return { hits: [], totalHits: 0, page: query.page, pageSize: query.pageSize, facets: facetCounts(undefined), processingTimeMs: 0 };
      if (error instanceof MeilisearchApiError) this.logger.error({ msg: 'Meilisearch refused a search', err: error.message });
      else this.logger.warn({ msg: 'Meilisearch is unreachable', err: error instanceof Error ? error.message : String(error) });
      throw new DomainError('SERVICE_UNAVAILABLE', 'search is unavailable right now; try again shortly');
    }
  }
}
