import { Injectable } from '@nestjs/common';
import { DomainError, type FieldProblem } from '#platform';
import { OpportunitySearchService } from '#search';
import { pickText } from '../opportunity/opportunity-details.js';
import { OpportunityService } from '../opportunity/opportunity.service.js';
import type { OpportunitySearchResult } from './dto/opportunity-search.result.js';
import type { SearchOpportunitiesInput } from './dto/search-opportunities.input.js';

const DEFAULT_PAGE_SIZE = 20;

/** `searchOpportunities`: Meilisearch finds and counts, PostgreSQL supplies the opportunities. */
@Injectable()
export class CatalogueSearchService {
  constructor(
    private readonly search: OpportunitySearchService,
    private readonly opportunities: OpportunityService,
  ) {}

  async searchOpportunities(input: SearchOpportunitiesInput): Promise<OpportunitySearchResult> {
    assertRangesInOrder(input);
    const page = await this.search.search({
      text: input.query,
      filters: input.filters,
      sort: input.sort ?? 'RELEVANCE',
      order: input.sortOrder ?? 'ASC',
      page: input.page ?? 1,
      pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
    });
    // Read from the source of truth; a hit archived since it was indexed (a moment ago) is left out.
    const byId = new Map((await this.opportunities.findPublished(page.hits.map((h) => h.id))).map((o) => [o.id, o]));
    const hits = page.hits.flatMap((hit) => {
      const opportunity = byId.get(hit.id);
      if (!opportunity) return [];
      const title = pickText(opportunity.title, input.locale)!;
      const description = pickText(opportunity.description, title.lang);
      return [{ opportunity, title: title.text, locale: title.lang, description: description?.text ?? null, accreditedNow: hit.accreditedNow }];
    });
    return { ...page, hits };
  }
}

function assertRangesInOrder(input: SearchOpportunitiesInput): void {
  const filters = input.filters;
  const problems: FieldProblem[] = [];
  if (filters?.ectsMin !== undefined && filters.ectsMax !== undefined && filters.ectsMax < filters.ectsMin) {
    problems.push({ field: 'input.filters.ectsMax', message: 'must not be less than ectsMin' });
  }
  if (filters?.startsFrom && filters.startsTo && filters.startsTo < filters.startsFrom) {
    problems.push({ field: 'input.filters.startsTo', message: 'must not be before startsFrom' });
  }
  if (problems.length > 0) throw DomainError.badInput(problems);
}
