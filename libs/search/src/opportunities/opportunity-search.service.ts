import { Injectable, Logger } from '@nestjs/common';
import { Clock, DomainError } from '#platform';
import type { MultiSearchQuery, SearchResponse } from 'meilisearch';
import { meilisearchAnswer } from '../meilisearch.client.js';
import { foldQuery } from '../text/search-terms.js';
import { accreditedAt, type OpportunityDocument, WINDOW_FIELDS } from './opportunity-document.js';
import { isIndexNotFound, OpportunityIndex } from './opportunity-index.js';
import { FACET_FIELDS, type FacetName } from './opportunity-index.settings.js';
import {
  addDistributions,
  and,
  buildFilter,
  buildSort,
  epochSeconds,
  facetCounts,
  notUpcomingFilter,
  type OpportunitySearchPage,
  type OpportunitySearchQuery,
  selectedFacetGroups,
  upcomingFilter,
} from './opportunity-query.js';

type Distribution = Record<string, Record<string, number>>;

/**
 * Runs `searchOpportunities` against Meilisearch: text, filters, facets, sort and page — in one
 * multi-search request: the hits (with the counts of every facet group nobody selected), plus one
 * count-only query per facet group that has a selection, without that group's own filter
 * (disjunctive facets). START_DATE ascending lists upcoming courses first, then those already
 * running: two hit queries over disjoint sets, whose counts add up.
 */
@Injectable()
export class OpportunitySearchService {
  private readonly logger = new Logger(OpportunitySearchService.name);

  constructor(
    private readonly index: OpportunityIndex,
    private readonly clock: Clock,
  ) {}

  async search(query: OpportunitySearchQuery): Promise<OpportunitySearchPage> {
    const now = this.clock.now();
    const nowSeconds = epochSeconds(now);
    const selected = selectedFacetGroups(query.filters);
    const unselectedFields = (Object.keys(FACET_FIELDS) as FacetName[]).filter((f) => !selected.includes(f)).map((f) => FACET_FIELDS[f]);
    const sort = buildSort(query.sort, query.order);
    const base: MultiSearchQuery = {
      indexUid: this.index.name,
      q: foldQuery(query.text ?? ''),
      // With a sort, partial matches would be interleaved by date with full ones: all words must match.
      matchingStrategy: sort ? 'all' : 'last',
    };
    const filter = buildFilter(query.filters, now);
    const upcomingFirst = query.sort === 'START_DATE' && query.order === 'ASC';
    const hitQueries: MultiSearchQuery[] = upcomingFirst
      ? [
          { ...base, filter: and(filter, upcomingFilter(nowSeconds)), sort, page: query.page, hitsPerPage: query.pageSize, facets: unselectedFields },
          // Speculative: right when the page reaches the first running ones; else asked again below.
          { ...base, filter: and(filter, notUpcomingFilter(nowSeconds)), sort, page: 1, hitsPerPage: query.pageSize, facets: unselectedFields },
        ]
      : [{ ...base, filter, sort, page: query.page, hitsPerPage: query.pageSize, facets: unselectedFields }];
    const attributesToRetrieve = [...new Set([...query.attributes, ...WINDOW_FIELDS])];
    for (const q of hitQueries) q.attributesToRetrieve = attributesToRetrieve;
    const facetQueries: MultiSearchQuery[] = selected.map((group) => ({
      ...base,
      filter: buildFilter(query.filters, now, { withoutGroup: group }),
      facets: [FACET_FIELDS[group]],
      limit: 0,
    }));
    try {
      const { results } = await this.index.meilisearch.multiSearch<{ queries: MultiSearchQuery[] }, OpportunityDocument>({ queries: [...hitQueries, ...facetQueries] });
      const hitResults = results.slice(0, hitQueries.length) as SearchResponse<OpportunityDocument>[];
      const facetResults = results.slice(hitQueries.length) as SearchResponse<OpportunityDocument>[];
      let hits: OpportunityDocument[];
      let totalHits: number;
      if (upcomingFirst) {
        const [upcoming, running] = hitResults;
        hits = await this.upcomingThenRunning(query, upcoming, running, hitQueries[1]);
        totalHits = (upcoming.totalHits ?? 0) + (running.totalHits ?? 0);
      } else {
        hits = hitResults[0].hits;
        totalHits = hitResults[0].totalHits ?? 0;
      }
      const distribution: Distribution = addDistributions(...hitResults.map((r) => r.facetDistribution));
      selected.forEach((group, i) => (distribution[FACET_FIELDS[group]] = facetResults[i].facetDistribution?.[FACET_FIELDS[group]] ?? {}));
      return {
        hits: hits.map((document) => ({ document, accreditedNow: accreditedAt(document, nowSeconds) })),
        totalHits,
        page: query.page,
        pageSize: query.pageSize,
        facets: facetCounts(distribution),
        processingTimeMs: Math.max(...results.map((r) => r.processingTimeMs)),
      };
    } catch (error) {
      // Before the first document the index may not exist yet: nothing is published.
      if (isIndexNotFound(error)) return { hits: [], totalHits: 0, page: query.page, pageSize: query.pageSize, facets: facetCounts(undefined), processingTimeMs: 0 };
      const refusal = meilisearchAnswer(error);
      if (refusal) this.logger.error({ msg: 'Meilisearch refused a search', err: refusal.message });
      else this.logger.warn({ msg: 'Meilisearch is unreachable', err: error instanceof Error ? error.message : String(error) });
      throw new DomainError('SERVICE_UNAVAILABLE', 'search is unavailable right now; try again shortly');
    }
  }

  /** Up to `limit` documents (their `attributes`) that match `prefix` as one types it (the last word as a prefix), not finished. */
  async suggest(prefix: string, limit: number, attributes: readonly string[]): Promise<OpportunityDocument[]> {
    try {
      const result = await this.index.documents.search(foldQuery(prefix), {
        filter: buildFilter(undefined, this.clock.now()),
        limit,
        attributesToRetrieve: [...attributes],
      });
      return result.hits;
    } catch (error) {
      if (isIndexNotFound(error)) return [];
      this.logger.warn({ msg: 'Meilisearch could not suggest', err: error instanceof Error ? error.message : String(error) });
      throw new DomainError('SERVICE_UNAVAILABLE', 'search is unavailable right now; try again shortly');
    }
  }

  /** The page of the concatenation "upcoming, then running"; a second request only for pages wholly past the upcoming ones. */
  private async upcomingThenRunning(
    query: OpportunitySearchQuery,
    upcoming: SearchResponse<OpportunityDocument>,
    running: SearchResponse<OpportunityDocument>,
    runningQuery: MultiSearchQuery,
  ): Promise<OpportunityDocument[]> {
    const offset = (query.page - 1) * query.pageSize;
    const upcomingTotal = upcoming.totalHits ?? 0;
    const missing = query.pageSize - upcoming.hits.length;
    if (missing <= 0) return upcoming.hits;
    const runningOffset = Math.max(0, offset - upcomingTotal);
    if (runningOffset === 0) return [...upcoming.hits, ...running.hits.slice(0, missing)];
    if (runningOffset >= (running.totalHits ?? 0)) return upcoming.hits;
    const { page: _page, hitsPerPage: _hitsPerPage, facets: _facets, indexUid: _indexUid, ...rest } = runningQuery;
    const more = await this.index.documents.search(rest.q ?? '', { ...rest, offset: runningOffset, limit: missing });
    return [...upcoming.hits, ...more.hits];
  }
}
