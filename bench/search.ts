import type { ChildProcess } from 'node:child_process';
import { findFreePort, startEmbeddedMeilisearch, startEmbeddedPostgres } from '#platform';
import { load, type LoadResult } from './load.js';
import { residentMegabytes, runCli, startNode, stopProcess, waitFor } from './processes.js';

/**
 * Search at scale: load N synthetic opportunities (`cli seed generate`), time the api's full
 * reindex against Meilisearch ingesting the very same documents in one request, and compare
 * `searchOpportunities` with the same search sent to Meilisearch directly. Engines are started
 * here (not by the api), so that the benchmark can also talk to Meilisearch itself.
 */
export interface SearchBench {
  opportunities: number;
  reindexPerSecond: number;
  rawIngestPerSecond: number;
  api: LoadResult;
  direct: LoadResult;
  /** Two facet groups selected (disjunctive facets): the api against the same multi-search sent directly. */
  facetedApi: LoadResult;
  facetedDirect: LoadResult;
  /** suggestOpportunities as one types. */
  suggest: LoadResult;
  apiRssMb: number;
  millionRssMb: number | null;
}

const INDEX_PREFIX = 'bench_';

export async function benchSearch(dataDir: string, options: { opportunities: number; seconds: number; million: boolean }, progress: (message: string) => void): Promise<SearchBench> {
  const postgres = await startEmbeddedPostgres(dataDir, () => undefined);
  const meili = await startEmbeddedMeilisearch({ dataDir, log: () => undefined });
  const env = { DATABASE_URL: postgres.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX_PREFIX: INDEX_PREFIX, TESSERA_SEED: 'none', TESSERA_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', DATA_DIR: dataDir };
  let api: ChildProcess | undefined;
  try {
    progress(`loading ${options.opportunities} opportunities…`);
    await runCli(['seed', 'generate', '--opportunities', String(options.opportunities), '--providers', '2000', '--no-index'], env);
    progress('full reindex through the api (cli reindex)…');
    const reindex = await runCli(['reindex'], env);
    const reindexPerSecond = Number(/\((\d+)\/s\)/.exec(reindex)?.[1] ?? NaN);

    progress('raw ingest of the same documents into a fresh index…');
    const rawIngestPerSecond = await rawIngest(meili.url, meili.masterKey, `${INDEX_PREFIX}opportunities`);

    const port = await findFreePort();
    api = startNode('dist/apps/api/src/main.js', [], { ...env, PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/health`)).ok);

    const query = 'python';
    const facets = ['eqfLevel', 'mode', 'languages', 'country', 'iscedBroad'];
    const apiBody = JSON.stringify({
      query: 'query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { totalHits hits { opportunity { id } } facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } } } }',
      variables: { input: { query, pageSize: 20 } },
    });
    const directBody = JSON.stringify({ q: query, limit: 20, facets });
    progress(`searchOpportunities through the api (${options.seconds} s)…`);
    await load(`${base}/graphql`, { seconds: 2, connections: 10, method: 'POST', body: apiBody });
    const apiResult = await load(`${base}/graphql`, { seconds: options.seconds, connections: 10, method: 'POST', body: apiBody });
    progress(`the same search sent to Meilisearch directly (${options.seconds} s)…`);
    const directUrl = `${meili.url}/indexes/${INDEX_PREFIX}opportunities/search`;
    const direct = await load(directUrl, { seconds: options.seconds, connections: 10, method: 'POST', body: directBody, headers: { authorization: `Bearer ${meili.masterKey}` } });

    // Two facet groups ticked: the api sends one multi-search of three queries; so does the baseline.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const notFinished = `(endDate IS NULL OR endDate NOT EXISTS OR endDate > ${nowSeconds})`;
    const facetedApiBody = JSON.stringify({
      query: 'query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { totalHits hits { title startsSoon opportunity { id eqfLevel mode startDate provider { legalName country } } } facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } } } }',
      variables: { input: { query, filters: { eqfLevels: [4, 5], modes: ['ONLINE', 'BLENDED'] }, pageSize: 20 } },
    });
    const uid = `${INDEX_PREFIX}opportunities`;
    const levels = 'eqfLevel IN [4, 5]';
    const modes = 'mode IN ["ONLINE", "BLENDED"]';
    const facetedDirectBody = JSON.stringify({
      queries: [
        { indexUid: uid, q: query, matchingStrategy: 'last', filter: `${notFinished} AND ${levels} AND ${modes}`, page: 1, hitsPerPage: 20, facets: ['languages', 'country', 'iscedBroad'] },
        { indexUid: uid, q: query, matchingStrategy: 'last', filter: `${notFinished} AND ${modes}`, limit: 0, facets: ['eqfLevel'] },
        { indexUid: uid, q: query, matchingStrategy: 'last', filter: `${notFinished} AND ${levels}`, limit: 0, facets: ['mode'] },
      ],
    });
    progress(`two facet groups selected, through the api and directly (${options.seconds} s each)…`);
    const facetedApi = await load(`${base}/graphql`, { seconds: options.seconds, connections: 10, method: 'POST', body: facetedApiBody });
    const facetedDirect = await load(`${meili.url}/multi-search`, { seconds: options.seconds, connections: 10, method: 'POST', body: facetedDirectBody, headers: { authorization: `Bearer ${meili.masterKey}` } });
    const suggestBody = JSON.stringify({ query: 'query($input: SuggestOpportunitiesInput!) { suggestOpportunities(input: $input) { text kind opportunityId } }', variables: { input: { prefix: 'pyth', locale: 'de' } } });
    progress(`suggestOpportunities (${options.seconds} s)…`);
    const suggest = await load(`${base}/graphql`, { seconds: options.seconds, connections: 10, method: 'POST', body: suggestBody });
    const apiRssMb = residentMegabytes(api.pid!);

    let millionRssMb: number | null = null;
    if (options.million) {
      await stopProcess(api);
      progress('loading up to 1,000,000 opportunities and 100,000 organisations (no index)…');
      await runCli(['seed', 'generate', '--opportunities', String(1_000_000 - options.opportunities), '--providers', '98000', '--seed', '2', '--no-index'], env);
      api = startNode('dist/apps/api/src/main.js', [], { ...env, PORT: String(port) });
      await waitFor(async () => (await fetch(`${base}/health`)).ok);
      millionRssMb = residentMegabytes(api.pid!);
    }
    return { opportunities: options.opportunities, reindexPerSecond, rawIngestPerSecond, api: apiResult, direct, facetedApi, facetedDirect, suggest, apiRssMb, millionRssMb };
  } finally {
    if (api) await stopProcess(api);
    await meili.stop();
    await postgres.stop();
  }
}

/** Exports the index's documents and ingests them into a new index with the same settings, as fast as Meilisearch takes them. */
async function rawIngest(meiliUrl: string, key: string, index: string): Promise<number> {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' };
  const settings = await (await fetch(`${meiliUrl}/indexes/${index}/settings`, { headers })).json();
  const lines: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = (await (await fetch(`${meiliUrl}/indexes/${index}/documents?limit=10000&offset=${offset}`, { headers })).json()) as { results: unknown[] };
    if (page.results.length === 0) break;
    for (const document of page.results) lines.push(JSON.stringify(document));
  }
  const raw = `${index}_raw`;
  await waitTask(meiliUrl, headers, await fetch(`${meiliUrl}/indexes`, { method: 'POST', headers, body: JSON.stringify({ uid: raw, primaryKey: 'id' }) }));
  await waitTask(meiliUrl, headers, await fetch(`${meiliUrl}/indexes/${raw}/settings`, { method: 'PATCH', headers, body: JSON.stringify(settings) }));
  // In parts below Meilisearch's 100 MB payload limit, all queued at once: it batches them itself.
  const started = Date.now();
  let last: Response | undefined;
  for (let i = 0; i < lines.length; i += 20_000) {
    last = await fetch(`${meiliUrl}/indexes/${raw}/documents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' }, body: lines.slice(i, i + 20_000).join('\n') });
    if (i + 20_000 < lines.length) await last.json();
  }
  await waitTask(meiliUrl, headers, last!);
  const perSecond = Math.round(lines.length / ((Date.now() - started) / 1000));
  await waitTask(meiliUrl, headers, await fetch(`${meiliUrl}/indexes/${raw}`, { method: 'DELETE', headers }));
  return perSecond;
}

async function waitTask(meiliUrl: string, headers: Record<string, string>, response: Response): Promise<void> {
  const { taskUid } = (await response.json()) as { taskUid: number };
  for (;;) {
    const task = (await (await fetch(`${meiliUrl}/tasks/${taskUid}`, { headers })).json()) as { status: string; error?: unknown };
    if (task.status === 'succeeded') return;
    if (task.status === 'failed' || task.status === 'canceled') throw new Error(`Meilisearch task ${taskUid} ${task.status}: ${JSON.stringify(task.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
