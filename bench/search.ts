import type { ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findFreePort, startEmbeddedMeilisearch, startEmbeddedPostgres } from '#platform';
import { load, type LoadResult } from './load.js';
import { residentMegabytes, runCli, startNode, stopProcess, waitFor } from './processes.js';

/**
 * Search at scale: load N synthetic opportunities (`cli seed generate`), time the api's full
 * reindex against Meilisearch ingesting the very same documents in one request, and compare
 * `searchOpportunities` with the same search sent to Meilisearch directly: the baseline is the
 * very request the api sends (recorded through a proxy, printed once), not a cheaper one. Engines
 * are started here (not by the api), so that the benchmark can also talk to Meilisearch itself.
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
  /** suggestOpportunities as one types, and its Meilisearch request sent directly (for reference; the target is absolute). */
  suggest: LoadResult;
  suggestDirect: LoadResult;
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

    const query = 'python';
    const apiBody = JSON.stringify({
      query: 'query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { totalHits hits { opportunity { id } } facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } } } }',
      variables: { input: { query, pageSize: 20 } },
    });
    // Two facet groups ticked: the api sends one multi-search of three queries (disjunctive facets).
    const facetedApiBody = JSON.stringify({
      query: 'query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { totalHits hits { title startsSoon opportunity { id eqfLevel mode startDate provider { legalName country } } } facets { eqfLevel { value count } mode { value count } language { value count } country { value count } iscedBroad { value count } } } }',
      variables: { input: { query, filters: { eqfLevels: [4, 5], modes: ['ONLINE', 'BLENDED'] }, pageSize: 20 } },
    });
    const suggestBody = JSON.stringify({ query: 'query($input: SuggestOpportunitiesInput!) { suggestOpportunities(input: $input) { text kind opportunityId } }', variables: { input: { prefix: 'pyth', locale: 'de' } } });

    progress('recording what the api sends Meilisearch for each benchmarked query…');
    const [searchSent, facetedSent, suggestSent] = await meilisearchRequestsOf(env, meili.url, [apiBody, facetedApiBody, suggestBody]);
    for (const [name, sent] of [['searchOpportunities', searchSent], ['with two facet groups', facetedSent], ['suggestOpportunities', suggestSent]] as const) {
      progress(`baseline for ${name}, as the api sent it: POST ${sent.path} ${sent.body}`);
    }
    const directLoad = (sent: RecordedRequest) =>
      load(`${meili.url}${sent.path}`, { seconds: options.seconds, connections: 10, method: 'POST', body: sent.body, headers: { authorization: `Bearer ${meili.masterKey}` } });

    const port = await findFreePort();
    api = startNode('dist/apps/api/src/main.js', [], { ...env, PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/health`)).ok);

    progress(`searchOpportunities through the api (${options.seconds} s)…`);
    await load(`${base}/graphql`, { seconds: 2, connections: 10, method: 'POST', body: apiBody });
    const apiResult = await load(`${base}/graphql`, { seconds: options.seconds, connections: 10, method: 'POST', body: apiBody });
    progress(`the same search sent to Meilisearch directly (${options.seconds} s)…`);
    const directResult = await directLoad(searchSent);

    progress(`two facet groups selected, through the api and directly (${options.seconds} s each)…`);
    const facetedApi = await load(`${base}/graphql`, { seconds: options.seconds, connections: 10, method: 'POST', body: facetedApiBody });
    const facetedDirectResult = await directLoad(facetedSent);
    progress(`suggestOpportunities, through the api and its request directly (${options.seconds} s each)…`);
    const suggest = await load(`${base}/graphql`, { seconds: options.seconds, connections: 10, method: 'POST', body: suggestBody });
    const suggestDirectResult = await directLoad(suggestSent);
    progress(`suggestOpportunities p50 ${suggest.p50Ms} ms (Meilisearch directly: ${suggestDirectResult.p50Ms} ms)`);
    const apiRssMb = residentMegabytes(api.pid!);

    let millionRssMb: number | null = null;
    if (options.million) {
      await stopProcess(api);
      // The registry of DESIGN §7's memory target: 100k organisations, 200k certificates, 1M opportunities.
      progress('loading up to 1,000,000 opportunities, 100,000 organisations and 200,000 certificates (no index)…');
      await runCli(
        ['seed', 'generate', '--opportunities', String(1_000_000 - options.opportunities), '--providers', '98000', '--certificates', '200000', '--dids', '20000', '--seed', '2', '--no-index'],
        env,
      );
      api = startNode('dist/apps/api/src/main.js', [], { ...env, PORT: String(port) });
      await waitFor(async () => (await fetch(`${base}/health`)).ok);
      millionRssMb = residentMegabytes(api.pid!);
    }
    return {
      opportunities: options.opportunities,
      reindexPerSecond,
      rawIngestPerSecond,
      api: apiResult,
      direct: directResult,
      facetedApi,
      facetedDirect: facetedDirectResult,
      suggest,
      suggestDirect: suggestDirectResult,
      apiRssMb,
      millionRssMb,
    };
  } finally {
    if (api) await stopProcess(api);
    await meili.stop();
    await postgres.stop();
  }
}

interface RecordedRequest {
  path: string;
  body: string;
}

/**
 * What the api sends Meilisearch for each GraphQL body: an api started on a recording proxy in
 * front of Meilisearch answers each once, and the search request it sent is kept (a search costs
 * one). It is stopped before anything is measured, so that the measured api talks to Meilisearch
 * directly.
 */
async function meilisearchRequestsOf(env: Record<string, string>, meiliUrl: string, graphqlBodies: string[]): Promise<RecordedRequest[]> {
  const target = new URL(meiliUrl);
  let recorded: RecordedRequest[] = [];
  const proxy = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = request.url ?? '/';
      if (request.method === 'POST' && (path === '/multi-search' || path.endsWith('/search'))) recorded.push({ path, body: body.toString() });
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: request.method, path, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => response.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = await findFreePort();
  const api = startNode('dist/apps/api/src/main.js', [], { ...env, MEILI_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, PORT: String(port) });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok);
    const requests: RecordedRequest[] = [];
    for (const body of graphqlBodies) {
      recorded = [];
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const result = (await answer.json()) as { errors?: unknown };
      if (!answer.ok || result.errors) throw new Error(`the benchmarked query failed: ${JSON.stringify(result)}`);
      if (recorded.length !== 1) throw new Error(`expected one Meilisearch search for ${body}, the api sent ${recorded.length}`);
      requests.push(recorded[0]);
    }
    return requests;
  } finally {
    await stopProcess(api);
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
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
