import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { load, type LoadResult } from './load.js';

/**
 * `npm run bench`: measures the api against baselines measured in the same run on this machine,
 * and writes docs/benchmarks.md. Benchmarks report; they never fail CI.
 * BENCH_SECONDS (default 10) sets the length of each load run.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

interface Row {
  name: string;
  baseline: string;
  result: LoadResult;
  baselineResult: LoadResult;
  target: string;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  chmodSync(dataDir, 0o755);
  const children: ChildProcess[] = [];
  try {
    const apiPort = await freePort();
    progress('starting the api on embedded engines with the demo dataset…');
    const api = start('dist/apps/api/src/main.js', [], { DATA_DIR: dataDir, PORT: String(apiPort), TESSERA_RATE_LIMIT: 'off', TESSERA_SEED: 'demo', LOG_LEVEL: 'warn' });
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
    for (const [name, sample, run, target] of [
      ['Trust lookup, REST (GET /trust/v1/issuers/{id})', restSample, () => load(restUrl, { seconds: SECONDS, connections: CONNECTIONS }), '≥ 60% of baseline, p99 < 5 ms'],
      [
        'Trust lookup, GraphQL issuerTrust (with variables)',
        graphqlSample,
        () => load(`${base}/graphql`, { seconds: SECONDS, connections: CONNECTIONS, method: 'POST', body: graphqlBody }),
        '≥ 30% of baseline',
      ],
    ] as const) {
      const bodyFile = join(dataDir, 'baseline-body.json');
      writeFileSync(bodyFile, sample);
      const barePort = await freePort();
      const bare = start('dist/bench/bare-server.js', [String(barePort), bodyFile], {});
      children.push(bare);
      await waitFor(async () => (await fetch(`http://127.0.0.1:${barePort}/baseline`)).ok, 10_000);
      progress(`${name}: warming up…`);
      await load(`http://127.0.0.1:${barePort}/baseline`, { seconds: 2, connections: CONNECTIONS });
      await run();
      progress(`${name}: measuring the baseline (${SECONDS} s)…`);
      const baselineResult = await load(`http://127.0.0.1:${barePort}/baseline`, { seconds: SECONDS, connections: CONNECTIONS });
      progress(`${name}: measuring the api (${SECONDS} s)…`);
      const result = await run();
      bare.kill('SIGTERM');
      rows.push({ name, baseline: 'bare Fastify route, same body size', result, baselineResult, target });
      progress(`${name}: ${Math.round(result.requestsPerSecond)} req/s vs ${Math.round(baselineResult.requestsPerSecond)} (${ratio(result, baselineResult)})`);
    }
    const rssMb = residentMegabytes(api.pid!);
    writeReport(rows, rssMb);
    progress('wrote docs/benchmarks.md');
  } finally {
    for (const child of children) child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    rmSync(dataDir, { recursive: true, force: true });
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
  return `${Math.round((100 * result.requestsPerSecond) / baseline.requestsPerSecond)}%`;
}

function writeReport(rows: Row[], rssMb: number): void {
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    `Each figure is a ratio against a baseline measured in the same run on the same machine; load from autocannon in its own process, ${CONNECTIONS} connections, ${SECONDS} s per run, after a warm-up, on 127.0.0.1 only.`,
    'The api runs on embedded PostgreSQL and Meilisearch with the demo dataset and `TESSERA_RATE_LIMIT=off`. Load generator, api and engines share the machine\'s cores, so absolute numbers are low; the ratios are what the targets (DESIGN §7) are about.',
    '',
    '| benchmark | api req/s | p50 / p99 ms | baseline | baseline req/s | baseline p50 / p99 ms | ratio | target |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${Math.round(r.result.requestsPerSecond)} | ${r.result.p50Ms} / ${r.result.p99Ms} | ${r.baseline} | ${Math.round(r.baselineResult.requestsPerSecond)} | ${r.baselineResult.p50Ms} / ${r.baselineResult.p99Ms} | **${ratio(r.result, r.baselineResult)}** | ${r.target} |`,
    ),
    '',
    `Api resident memory after the runs (demo data, trust index loaded): ${rssMb} MB (the embedded engines run in their own processes and are not included).`,
    '',
    'Errors or non-2xx answers during the runs: ' + rows.map((r) => `${r.name}: ${r.result.errors + r.result.non2xx}`).join('; ') + '.',
    '',
  ];
  writeFileSync('docs/benchmarks.md', lines.join('\n'));
}

function residentMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

function start(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('timed out waiting for a server to start');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
