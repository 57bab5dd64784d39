import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { againstBare, ROUNDS, roundSeconds } from './against-bare.js';
import { load, type LoadResult } from './load.js';
import { findFreePort } from '#platform';
import { residentMegabytes, startNode, waitFor } from './processes.js';
import { type MachineLoad, measuredOn, watchLoad, writePreamble, writeSection } from './report.js';
import { benchSearch, type SearchBench } from './search.js';
import { benchTrustScale, type TrustScaleBench } from './trust-scale.js';
import { writeWebSizeReport } from './web-size.js';

/**
 * `npm run bench`: measures the api against baselines measured in the same run on this machine,
 * and writes docs/benchmarks.md. Benchmarks report; they never fail CI.
 * BENCH_SECONDS (default 10) sets the length of each load run; BENCH_OPPORTUNITIES (default
 * 100000) the size of the search benchmark; BENCH_MILLION=1 also loads 1,000,000 opportunities,
 * 100,000 organisations and 200,000 certificates to measure the api's memory there (adds about eight minutes).
 * BENCH_ONLY (default `demo,scale,search,credential,freshness`) picks the parts to run: trust on
 * the demo dataset, trust at scale (BENCH_ORGANISATIONS, default 100000, and BENCH_CERTIFICATES,
 * default 200000), search, credential verification, search freshness while data loads; a part not
 * run keeps the figures an earlier run wrote, with when and on which commit they were measured.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 100_000);
const CONNECTIONS = 10;
const PARTS = new Set((process.env.BENCH_ONLY ?? 'demo,scale,search,credential,freshness').split(',').map((part) => part.trim()));

interface DemoBench {
  rows: Row[];
  rssMb: number;
}

/** A part's figures with the lowest and highest load average seen while it ran. */
type Measured<T> = T & { load: MachineLoad };

async function measured<T extends object>(run: () => Promise<T>): Promise<Measured<T>> {
  const watch = watchLoad();
  try {
    return { ...(await run()), load: watch.stop() };
  } finally {
    watch.stop();
  }
}

interface Row {
  name: string;
  baseline: string;
  result: LoadResult;
  baselineResult: LoadResult;
  target: string;
  /** Every round's ratio (against-bare.ts); the row shows the median round's runs. */
  ratios: number[];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  chmodSync(dataDir, 0o755);
  const children: ChildProcess[] = [];
  try {
    const demo = PARTS.has('demo') ? await measured(() => benchDemo(dataDir, children)) : null;
    let scale: Measured<TrustScaleBench> | null = null;
    if (PARTS.has('scale')) {
      const scaleDir = mkdtempSync(join(tmpdir(), 'tessera-bench-scale-'));
      chmodSync(scaleDir, 0o755);
      try {
        scale = await measured(() =>
          benchTrustScale(
            scaleDir,
            { organisations: Number(process.env.BENCH_ORGANISATIONS ?? 100_000), certificates: Number(process.env.BENCH_CERTIFICATES ?? 200_000), seconds: SECONDS, changes: 20 },
            progress,
          ),
        );
      } finally {
        rmSync(scaleDir, { recursive: true, force: true });
      }
    }
    let search: Measured<SearchBench> | null = null;
    if (PARTS.has('search')) {
      const searchDir = mkdtempSync(join(tmpdir(), 'tessera-bench-search-'));
      chmodSync(searchDir, 0o755);
      try {
        search = await measured(() => benchSearch(searchDir, { opportunities: OPPORTUNITIES, seconds: SECONDS, million: process.env.BENCH_MILLION === '1' }, progress));
      } finally {
        rmSync(searchDir, { recursive: true, force: true });
      }
    }
    writeReport(demo, scale, search);
    writeWebSizeReport();
    if (PARTS.has('credential')) await (await import('./credential-verification.js')).benchCredentialVerification(progress);
    if (PARTS.has('freshness')) await (await import('./freshness.js')).benchFreshness({ opportunities: OPPORTUNITIES }, progress);
    progress('wrote docs/benchmarks.md');
  } finally {
    for (const child of children) child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Trust lookups on the demo dataset against a bare Fastify route, and the api's memory after them. */
async function benchDemo(dataDir: string, children: ChildProcess[]): Promise<DemoBench> {
  {
    const apiPort = await findFreePort();
    progress('starting the api on embedded engines with the demo dataset…');
    const api = startNode('dist/apps/api/src/main.js', [], { DATA_DIR: dataDir, PORT: String(apiPort), TESSERA_RATE_LIMIT: 'off', TESSERA_SEED: 'demo', LOG_LEVEL: 'warn' });
    children.push(api);
    const base = `http://127.0.0.1:${apiPort}`;
    await waitFor(async () => (await fetch(`${base}/health`)).ok, 120_000);

    const identifier = await anAccreditedProvider(base);
    const restUrl = `${base}/trust/v1/issuers/${identifier}`;
    const graphqlBody = JSON.stringify({
      query: 'query($input: IssuerTrustInput!) { issuerTrust(input: $input) { trusted status reasons { code } warnings { code } validUntil registrySequence receipt } }',
      variables: { input: { organisationIdentifier: identifier } },
    });
    const restSample = await (await fetch(restUrl)).text();
    const graphqlSample = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: graphqlBody })).text();

    const rows: Row[] = [];
    const graphqlRequest = { method: 'POST' as const, body: graphqlBody };
    for (const [name, sample, api, request, target] of [
      ['Trust lookup, REST (GET /trust/v1/issuers/{id})', restSample, (seconds: number) => load(restUrl, { seconds, connections: CONNECTIONS }), undefined, '≥ 60% of baseline, p99 < 5 ms'],
      [
        'Trust lookup, GraphQL issuerTrust (with variables)',
        graphqlSample,
        (seconds: number) => load(`${base}/graphql`, { seconds, connections: CONNECTIONS, ...graphqlRequest }),
        graphqlRequest,
        '≥ 30% of baseline',
      ],
    ] as const) {
      progress(`${name}: against the bare route, ${ROUNDS} rounds of ${roundSeconds(SECONDS)} s each…`);
      const measured = await againstBare({ sample, dataDir, runSeconds: SECONDS, connections: CONNECTIONS, request, api, children });
      rows.push({ name, baseline: 'bare Fastify route, same body size', result: measured.result, baselineResult: measured.baseline, target, ratios: measured.ratios });
      progress(`${name}: ${Math.round(measured.result.requestsPerSecond)} req/s vs ${Math.round(measured.baseline.requestsPerSecond)} (${ratio(measured.result, measured.baseline)}; rounds ${measured.ratios.map(percent).join(', ')})`);
    }
    const rssMb = residentMegabytes(api.pid!);
    api.kill('SIGINT');
    return { rows, rssMb };
  }
}

async function anAccreditedProvider(base: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ organisations(filter: { kind: PROVIDER, accreditationState: ACCREDITED }, first: 1) { edges { node { legalIdentifier } } } }' }),
  });
  const body = (await response.json()) as { data: { organisations: { edges: { node: { legalIdentifier: string } }[] } } };
  return body.data.organisations.edges[0].node.legalIdentifier;
}

function ratio(result: LoadResult, baseline: LoadResult): string {
  return percent(result.requestsPerSecond / baseline.requestsPerSecond);
}

function percent(fraction: number): string {
  return `${Math.round(100 * fraction)}%`;
}

/** The parts' own sections; a part not run leaves its section as an earlier run wrote it. */
function writeReport(demo: Measured<DemoBench> | null, scale: Measured<TrustScaleBench> | null, search: Measured<SearchBench> | null): void {
  writePreamble([
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\`: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Each section says when, on which commit and at what load average it was measured, and how much CPU time the hypervisor took meanwhile (steal: this is a virtual machine with neighbours; at 35% steal, seen here, a run's rates drop to a third and its ratios say little) (BENCH_ONLY runs some parts only).`,
    `Each figure is a ratio against a baseline measured in the same run on the same machine; load from autocannon in its own process, ${CONNECTIONS} connections, ${SECONDS} s per run, after a warm-up, on 127.0.0.1 only. A trust lookup and its bare baseline take turns ${ROUNDS} times, ${roundSeconds(SECONDS)} s each; the table shows the round with the median ratio, and every round's ratio.`,
    "The api runs on embedded PostgreSQL and Meilisearch with `TESSERA_RATE_LIMIT=off`. Load generator, api and engines share the machine's cores, so absolute numbers are low; the ratios are what the targets (DESIGN §7) are about. Resident memory is the api's alone (the engines run in their own processes); target: under 400 MB.",
  ]);
  const trustTable = (rows: Row[]) => [
    '| benchmark | api req/s | p50 / p99 ms | baseline | baseline req/s | baseline p50 / p99 ms | ratio (median round) | every round | target |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.result.requestsPerSecond)} | ${r.result.p50Ms} / ${r.result.p99Ms} | ${r.baseline} | ${Math.round(r.baselineResult.requestsPerSecond)} | ${r.baselineResult.p50Ms} / ${r.baselineResult.p99Ms} | **${ratio(r.result, r.baselineResult)}** | ${r.ratios.map(percent).join(', ')} | ${r.target} |`,
    ),
    '',
  ];
  const failures = (results: LoadResult[]) => results.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  if (demo) {
    writeSection('Trust lookups, demo dataset', [
      measuredOn(demo.load),
      '',
      ...trustTable(demo.rows),
      `- api resident memory, demo data, after the trust runs: ${demo.rssMb} MB`,
      `- errors or non-2xx answers: ${failures(demo.rows.map((r) => r.result))}`,
    ]);
  }
  if (scale) {
    writeSection('Trust at scale', [
      measuredOn(scale.load),
      '',
      `${scale.organisations.toLocaleString('en')} organisations and ${scale.certificates.toLocaleString('en')} certificates (with ${Math.round(scale.certificates / 10).toLocaleString('en')} DIDs and 10,000 opportunities) made by \`cli seed generate\` in ${scale.generateSeconds} s; two api instances (A, B) on one database; A was ready ${scale.startSeconds} s after it was started (trust index read whole).`,
      '',
      ...trustTable([
        { name: 'Trust lookup by certificate, REST', baseline: 'bare Fastify route, same body size', result: scale.rest.result, baselineResult: scale.rest.baseline, ratios: scale.rest.ratios, target: '≥ 60% of baseline, p99 < 5 ms' },
        { name: 'Trust lookup by certificate, GraphQL issuerTrust', baseline: 'bare Fastify route, same body size', result: scale.graphql.result, baselineResult: scale.graphql.baseline, ratios: scale.graphql.ratios, target: '≥ 30% of baseline' },
      ]),
      `- A suspension reaching instance B, while A answered ${Math.round(scale.lookupsPerSecondDuringChanges)} lookups a second: ${scale.propagationMs.length} changes, median ${percentile(scale.propagationMs, 0.5)} ms, slowest ${Math.max(...scale.propagationMs)} ms (target: within 1 s, p99). Answers on A right after the mutation returned that still said TRUSTED: ${scale.staleOnA} (must be 0).`,
      `- api (A) resident memory with this registry loaded: ${scale.rssMb.afterStart} MB right after start, ${scale.rssMb.afterRuns} MB after the load runs, ${scale.rssMb.afterIdle} MB after the suspensions and 45 s without requests (target: under 400 MB).`,
      `- The whole signed trust list (\`GET /trust/v1/list\`), first download after the suspensions (built and signed then): ${scale.trustList.seconds.toFixed(1)} s, ${(scale.trustList.gzippedBytes / 1e6).toFixed(1)} MB gzipped; lookups sent in a 30 s window around it (100 a second) p50 ${scale.trustList.lookupsDuring.p50Ms} ms, p99 ${scale.trustList.lookupsDuring.p99Ms} ms; api (A) resident memory up to ${scale.trustList.peakRssMb} MB, ${scale.trustList.rssAfterMb} MB 45 s later (targets: p99 < 5 ms, under 400 MB).`,
      `- errors or non-2xx answers: ${failures([scale.rest.result, scale.graphql.result, scale.trustList.lookupsDuring])}`,
    ]);
  }
  if (search) {
    writeSection('Search and indexing', [
      measuredOn(search.load),
      '',
      `${search.opportunities.toLocaleString('en')} synthetic opportunities (\`cli seed generate\`) from 2,000 providers, on embedded engines started by the benchmark.`,
      '',
      '| benchmark | api | baseline | ratio | target |',
      '|---|---|---|---|---|',
      `| \`searchOpportunities\` (text + five facets, 20 hits), p50 | ${search.api.p50Ms} ms (${Math.round(search.api.requestsPerSecond)} req/s, p99 ${search.api.p99Ms} ms) | the same search sent to Meilisearch directly: ${search.direct.p50Ms} ms (${Math.round(search.direct.requestsPerSecond)} req/s, p99 ${search.direct.p99Ms} ms) | **${(search.api.p50Ms / Math.max(search.direct.p50Ms, 1)).toFixed(2)}×** p50 (mean ${search.api.meanMs.toFixed(1)} vs ${search.direct.meanMs.toFixed(1)} ms: ${(search.api.meanMs / search.direct.meanMs).toFixed(2)}×) | p50 ≤ 1.3× |`,
      `| \`searchOpportunities\` with two facet groups selected (disjunctive facets: one multi-search of 3 queries), p50 | ${search.facetedApi.p50Ms} ms (${Math.round(search.facetedApi.requestsPerSecond)} req/s) | the same multi-search sent to Meilisearch directly: ${search.facetedDirect.p50Ms} ms (${Math.round(search.facetedDirect.requestsPerSecond)} req/s) | **${(search.facetedApi.p50Ms / Math.max(search.facetedDirect.p50Ms, 1)).toFixed(2)}×** p50 | p50 ≤ 1.3× |`,
      `| \`suggestOpportunities\` ("pyth"), p50 | ${search.suggest.p50Ms} ms (${Math.round(search.suggest.requestsPerSecond)} req/s, p99 ${search.suggest.p99Ms} ms) | — | — | < 20 ms p50 |`,
      `| full reindex (\`cli reindex\`) | ${search.reindexPerSecond.toLocaleString('en')} docs/s | Meilisearch ingesting the same documents as NDJSON (20,000 a request, queued at once): ${search.rawIngestPerSecond.toLocaleString('en')} docs/s | **${Math.round((100 * search.reindexPerSecond) / search.rawIngestPerSecond)}%** | ≥ 70% |`,
      '',
      `- api resident memory with ${search.opportunities.toLocaleString('en')} opportunities, after the search runs: ${search.apiRssMb} MB`,
      search.millionRssMb == null
        ? '- with 1,000,000 opportunities, 100,000 organisations and 200,000 certificates: not measured in this run (`BENCH_MILLION=1 npm run bench`)'
        : `- with 1,000,000 opportunities, 100,000 organisations and 200,000 certificates (and 20,000 DIDs), after start (trust index loaded): ${search.millionRssMb} MB`,
      `- errors or non-2xx answers: ${failures([search.api])}`,
    ]);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
