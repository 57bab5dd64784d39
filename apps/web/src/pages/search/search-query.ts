import { graphql } from '../../api/graphql';
import type { SearchResult } from '../../api/types';
import { PAGE_SIZE } from './search-state';

/** The fields a result card shows; shared with the compare page. */
export const CARD_FIELDS = `
  id eqfLevel ectsCredits workloadHours mode languages startDate endDate free
  price { amount currency } location { country city }
  provider { id legalName country accreditations { id decision validFrom expiresAt reviewDate status inForce accreditingAgent { legalName } } }`;

// The page size is written into the query (not a variable) so that the api's cost limit counts
// 20 hits, not the largest page it would have to assume.
const SEARCH = `query Search($query: String, $filters: OpportunitySearchFilters, $sort: OpportunitySort!, $sortOrder: OpportunitySortOrder!, $locale: String, $page: Int!) {
  searchOpportunities(input: { query: $query, filters: $filters, sort: $sort, sortOrder: $sortOrder, locale: $locale, page: $page, pageSize: ${PAGE_SIZE} }) {
    totalHits page pageSize processingTimeMs
    hits { title locale accreditedNow opportunity { ${CARD_FIELDS} } }
    facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } }
  }
}`;

export async function searchOpportunities(input: Record<string, unknown>, signal: AbortSignal): Promise<SearchResult> {
  return (await graphql<{ searchOpportunities: SearchResult }>(SEARCH, input, signal)).searchOpportunities;
}
