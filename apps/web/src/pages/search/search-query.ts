import { graphql } from '../../api/graphql';
import type { AccreditationStatus, SearchResult } from '../../api/types';
import type { ProviderStanding } from '../../shared/accreditation';
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
    hits { title locale accreditedNow startsSoon applicationDeadline opportunity { ${CARD_FIELDS} } }
    facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } }
  }
}`;

export async function searchOpportunities(input: Record<string, unknown>, signal: AbortSignal): Promise<SearchResult> {
  return (await graphql<{ searchOpportunities: SearchResult }>(SEARCH, input, signal)).searchOpportunities;
}

/** What a card needs to say why a provider is not accredited (suspended since when…). */
export interface Standing extends ProviderStanding {
  id: string;
  accreditations: { id: string; statusHistory: { status: AccreditationStatus; effectiveAt: string }[] }[];
}

const STANDINGS_PER_REQUEST = 8;

/**
 * The standing of the providers the api says are not accredited, asked for only for them and
 * apart from the search (their histories would take the search past the api's cost limit).
 */
export async function loadStandings(ids: string[], signal: AbortSignal): Promise<Map<string, Standing>> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += STANDINGS_PER_REQUEST) batches.push(ids.slice(i, i + STANDINGS_PER_REQUEST));
  const answers = await Promise.all(
    batches.map((batch) => {
      const query = `query Standings(${batch.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${batch
        .map((_, i) => `p${i}: organisation(id: $id${i}) { id status statusHistory { status effectiveAt } accreditations { id statusHistory { status effectiveAt } } }`)
        .join(' ')} }`;
      return graphql<Record<string, Standing | null>>(query, Object.fromEntries(batch.map((id, i) => [`id${i}`, id])), signal);
    }),
  );
  const standings = new Map<string, Standing>();
  for (const answer of answers) for (const standing of Object.values(answer)) if (standing) standings.set(standing.id, standing);
  return standings;
}
