import { Injectable } from '@nestjs/common';
import { Clock, DomainError, type FieldProblem } from '#platform';
import { OpportunitySearchService } from '#search';
import type { LearningOpportunityEntity } from '../opportunity/opportunity.entity.js';
import { pickText } from '../opportunity/opportunity-details.js';
import { OpportunityService } from '../opportunity/opportunity.service.js';
import type { OpportunitySearchResult } from './dto/opportunity-search.result.js';
import type { SearchOpportunitiesInput } from './dto/search-opportunities.input.js';
import { type HitSelection, opportunityFromDocument } from './hit-from-document.js';

const DEFAULT_PAGE_SIZE = 20;
/** A course "starts soon" when it starts within this many days (and has not started). */
export const STARTS_SOON_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/**
 * `searchOpportunities`: Meilisearch finds and counts. Hits are served from the index document
 * (`source: 'document'`, only the attributes the client's fields need) unless the client asked for
 * a field the document lacks; then PostgreSQL supplies the opportunities (`'database'`), and one
 * archived since it was indexed is left out.
 */
@Injectable()
export class CatalogueSearchService {
  constructor(
    private readonly search: OpportunitySearchService,
    private readonly opportunities: OpportunityService,
    private readonly clock: Clock,
  ) {}

  async searchOpportunities(input: SearchOpportunitiesInput, selection: HitSelection): Promise<OpportunitySearchResult> {
    assertRangesInOrder(input);
    const page = await this.search.search({
      text: input.query,
      filters: input.filters,
      sort: input.sort ?? 'RELEVANCE',
      order: input.sortOrder ?? 'ASC',
      page: input.page ?? 1,
      pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE,
      attributes: selection.attributes,
    });
    const byId: Map<string, LearningOpportunityEntity> =
      selection.source === 'document'
        ? new Map(page.hits.map((hit) => [hit.document.id, opportunityFromDocument(hit.document)]))
        : new Map((await this.opportunities.findPublished(page.hits.map((h) => h.document.id))).map((o) => [o.id, o]));
    const now = this.clock.now().getTime();
    const hits = page.hits.flatMap((hit) => {
      const opportunity = byId.get(hit.document.id);
      if (!opportunity) return [];
      // Every opportunity has a title; texts not asked for are not read (nor their attributes retrieved).
      const title = selection.texts ? pickText(opportunity.title, input.locale)! : { lang: '', text: '' };
      const description = selection.texts ? pickText(opportunity.description, title.lang) : null;
      const start = opportunity.startDate?.getTime();
      return [
        {
          opportunity,
          title: title.text,
          locale: title.lang,
          description: description?.text ?? null,
          accreditedNow: hit.accreditedNow,
          startDate: opportunity.startDate,
          applicationDeadline: opportunity.applicationDeadline,
          startsSoon: start !== undefined && start > now && start - now <= STARTS_SOON_DAYS * DAY_MS,
        },
      ];
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
