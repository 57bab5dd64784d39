import pg from 'pg';
import { dataOf } from './registry-fixtures.js';
import { eventually, type GraphQLResponse, type TestApp } from './test-app.js';

export const OPPORTUNITY = `id version status providerId title { lang text } annexI { complete missing }`;

export const CREATE_OPPORTUNITY = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ${OPPORTUNITY} } }`;
export const UPDATE_OPPORTUNITY = `mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { ${OPPORTUNITY} } }`;
export const PUBLISH_OPPORTUNITY = `mutation($input: OpportunityVersionInput!) { publishOpportunity(input: $input) { ${OPPORTUNITY} } }`;
export const ARCHIVE_OPPORTUNITY = `mutation($input: OpportunityVersionInput!) { archiveOpportunity(input: $input) { ${OPPORTUNITY} } }`;

export interface Opportunity {
  id: string;
  version: number;
  status: string;
}

/** An opportunity that carries every Annex I element; `overrides` replace fields. */
export function opportunityInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: [{ lang: 'en', text: 'Applied machine learning' }],
    description: [{ lang: 'en', text: 'Train, evaluate and deploy models on real data.' }],
    learningOutcomes: [{ text: 'Evaluate a classifier with cross-validation', escoSkill: 'http://data.europa.eu/esco/skill/abc' }],
    eqfLevel: 6,
    ectsCredits: 5,
    workloadHours: 125,
    iscedFCodes: ['0613'],
    languages: ['en'],
    mode: 'ONLINE',
    learningSetting: 'NON_FORMAL',
    type: 'COURSE',
    assessmentTypes: ['PROJECT_WORK'],
    supervisionVerification: 'SUPERVISED_ONLINE_WITH_ID_VERIFICATION',
    qualityAssurance: 'Internal quality assurance, institutionally accredited',
    stackability: 'STACKABLE',
    price: { amount: 250, currency: 'EUR' },
    // Far ahead, so that these courses never count as finished (finished ones are not found).
    startDate: '2099-09-01T00:00:00Z',
    endDate: '2099-12-15T00:00:00Z',
    // A test that sets its own dates sets its own deadline too (none by default: it must not fall after endDate).
    applicationDeadline: 'startDate' in overrides || 'endDate' in overrides ? null : '2099-08-15T00:00:00Z',
    landingPage: 'https://example.org/courses/aml',
    ...overrides,
  };
}

export async function createOpportunity(app: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<Opportunity> {
  return dataOf(await app.graphql(CREATE_OPPORTUNITY, { input: opportunityInput(overrides) }, token)).createOpportunity;
}

export async function publishOpportunity(app: TestApp, token: string, opportunity: { id: string; version: number }): Promise<Opportunity> {
  return dataOf(await app.graphql(PUBLISH_OPPORTUNITY, { input: { id: opportunity.id, version: opportunity.version } }, token)).publishOpportunity;
}

/** Created and published: returns once the publish mutation returned (not once it is searchable). */
export async function createPublished(app: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<Opportunity> {
  return publishOpportunity(app, token, await createOpportunity(app, token, overrides));
}

export const SEARCH = `query($input: SearchOpportunitiesInput!) {
  searchOpportunities(input: $input) {
    totalHits page pageSize processingTimeMs
    hits { title description locale accreditedNow opportunity { id } }
    facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } }
  }
}`;

export interface SearchResult {
  totalHits: number;
  page: number;
  pageSize: number;
  processingTimeMs: number;
  hits: { title: string; description: string | null; locale: string; accreditedNow: boolean; opportunity: { id: string } }[];
  facets: Record<'eqfLevel' | 'mode' | 'language' | 'country' | 'iscedBroad', { value: string; count: number }[]>;
}

export function searchRaw(app: TestApp, input: Record<string, unknown>): Promise<GraphQLResponse> {
  return app.graphql(SEARCH, { input });
}

export async function search(app: TestApp, input: Record<string, unknown>): Promise<SearchResult> {
  return dataOf(await searchRaw(app, input)).searchOpportunities;
}

export async function searchIds(app: TestApp, input: Record<string, unknown>): Promise<string[]> {
  return (await search(app, input)).hits.map((hit) => hit.opportunity.id);
}

/**
 * How long a test waits for a change to become searchable. The suite's files share one
 * Meilisearch, which applies every file's tasks one at a time (100–250 ms each even for one
 * document, here), so on a loaded run a change may queue behind another file's bulk load. The
 * bound only says "eventually"; `npm run bench` measures how fresh search is.
 */
export const SEARCH_CATCH_UP_MS = 45_000;

/** Waits (bounded) until a search for `query` finds the opportunity `id`. */
export async function untilSearchable(app: TestApp, query: string, id: string): Promise<void> {
  await eventually(async () => ((await search(app, { query })).hits.some((hit) => hit.opportunity.id === id) ? true : undefined), SEARCH_CATCH_UP_MS);
}

/**
 * Waits until every outbox row of the app's database has been sent and applied by Meilisearch: no
 * change is still on its way to the index. Finding what a test expects is not enough for that —
 * a course published and then archived can be found in between, once its addition is applied and
 * before its removal is.
 */
export async function outboxDrained(app: TestApp, timeoutMs = SEARCH_CATCH_UP_MS): Promise<void> {
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    await eventually(async () => ((await db.query(`SELECT 1 FROM search_outbox WHERE processed_at IS NULL LIMIT 1`)).rowCount === 0 ? true : undefined), timeoutMs);
  } finally {
    await db.end();
  }
}

/** Waits (bounded) until the search for `input` answers exactly `ids`, in any order. */
export async function eventuallyFinds(app: TestApp, input: Record<string, unknown>, ids: string[], timeoutMs = 5_000): Promise<void> {
  const wanted = [...ids].sort().join(',');
  let last: unknown;
  await eventually(async () => {
    const result = await searchRaw(app, { pageSize: 100, ...input });
    last = result.errors ?? result.data?.searchOpportunities.hits.map((hit: { opportunity: { id: string } }) => hit.opportunity.id);
    return Array.isArray(last) && [...last].sort().join(',') === wanted ? true : undefined;
  }, timeoutMs).catch(() => {
    throw new Error(`search ${JSON.stringify(input)} still answers ${JSON.stringify(last)}, not ${JSON.stringify(ids)}`);
  });
}
