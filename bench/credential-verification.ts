import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFreePort } from '#platform';
import type { LoadResult } from './load.js';
import { startNode, stopProcess, waitFor } from './processes.js';
import { type MachineLoad, measuredOn, watchLoad, writeSection } from './report.js';

/**
 * Verifying a sealed credential as received (DESIGN §8.1; target ≤ 50 ms p50, §7): the Commission's
 * JAdES-sealed certificate of participation (134 KB, RS256, an x5c chain to the ANF eSeal CA) sent
 * again and again to `POST /trust/v1/credentials/verify`, on a registry where its issuer was
 * accredited when it sealed it — so each answer is the whole path: envelope, x5t#S256, RSA
 * signature over the exact bytes, chain to the anchor, trust at `sigT`, the signed receipt.
 * `measureCredentialVerification` runs against any api; `benchCredentialVerification` starts its
 * own (embedded engines, no demo) and writes the "## Credential verification" section of
 * docs/benchmarks.md. Alone: `npm run build && node dist/bench/credential-verification.js`.
 */
const SAMPLE = process.env.BENCH_CREDENTIAL ?? '../shared/vectors/credentials/eu-certofpart-signed.jsonld';
const ANCHOR = 'test/fixtures/certs/anf-qualified-eseal-ca-2022.pem';
const TARGET_P50_MS = 50;

export interface CredentialBench {
  bytes: number;
  status: string;
  result: LoadResult;
}

/** Makes the sample's issuer accredited when it sealed it (2023-09-27), then measures. */
export async function measureCredentialVerification(base: string, adminToken: string, options: { seconds: number; connections: number }, progress: (message: string) => void): Promise<CredentialBench> {
  const gql = async (query: string, input: Record<string, unknown>) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query, variables: { input } }) });
    return (await response.json()) as { data?: Record<string, { id: string }> | null; errors?: { extensions?: { code?: string } }[] };
  };
  const created = async (query: string, input: Record<string, unknown>) => {
    const answer = await gql(query, input);
    if (answer.errors?.length || !answer.data) throw new Error(`setting up the credential benchmark failed: ${JSON.stringify(answer.errors)}`);
    return Object.values(answer.data)[0].id;
  };
  const ORGANISATION = 'mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }';
  const agencyId = await created(ORGANISATION, { kind: 'QUALITY_AGENCY', legalName: 'Benchmark agency', country: 'ES', legalIdentifier: `VATES-B${randomBytes(4).readUInt32BE() % 90_000_000 + 10_000_000}` });
  await created('mutation($input: RecogniseQualityAgencyInput!) { recogniseQualityAgency(input: $input) { id } }', { agencyId, validFrom: '2015-01-01T00:00:00Z', basis: 'EQAR-registered' });
  const providerId = await created(ORGANISATION, { kind: 'PROVIDER', legalName: 'ORGANIZACION TEST', country: 'ES', legalIdentifier: 'VATES-A00000000' });
  await created('mutation($input: RecordAccreditationInput!) { recordAccreditation(input: $input) { id } }', {
    accreditedOrganisationId: providerId,
    accreditingAgentId: agencyId,
    type: 'INSTITUTIONAL_QA',
    title: 'Institutional audit',
    decision: 'POSITIVE',
    issuedAt: '2022-06-01T00:00:00Z',
    validFrom: '2022-06-01T00:00:00Z',
    expiresAt: '2028-06-01T00:00:00Z',
  });
  const anchor = await gql('mutation($input: AddTrustAnchorInput!) { addTrustAnchor(input: $input) { id } }', { certificatePem: readFileSync(ANCHOR, 'utf8') });
  if (anchor.errors?.length && anchor.errors[0].extensions?.code !== 'CONFLICT') throw new Error(`adding the trust anchor failed: ${JSON.stringify(anchor.errors)}`);

  const credential = readFileSync(SAMPLE, 'utf8');
  const url = `${base}/trust/v1/credentials/verify`;
  // The trust index takes the changes within a second; the benchmark measures a VERIFIED answer.
  let status = '';
  await waitFor(async () => {
    status = ((await (await fetch(url, { method: 'POST', body: credential })).json()) as { status: string }).status;
    return status === 'VERIFIED';
  }, 10_000).catch(() => undefined);
  progress(`credential verification: the sample answers ${status}; warming up…`);
  await postFile(url, SAMPLE, { seconds: 2, connections: options.connections });
  progress(`credential verification: measuring (${options.seconds} s)…`);
  const result = await postFile(url, SAMPLE, { seconds: options.seconds, connections: options.connections });
  progress(`credential verification: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${Math.round(result.requestsPerSecond)} req/s (target p50 ≤ ${TARGET_P50_MS} ms)`);
  return { bytes: Buffer.byteLength(credential), status, result };
}

/**
 * As load.ts's `load`, for a body read from a file: the sample is larger than one command-line
 * argument may be (128 KiB), so autocannon reads it with `-i`.
 */
function postFile(url: string, file: string, options: { seconds: number; connections: number }): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:/.test(url)) throw new Error(`benchmarks only target 127.0.0.1, not ${url}`);
  const args = ['-c', String(options.connections), '-d', String(options.seconds), '-j', '-m', 'POST', '-H', 'content-type=application/ld+json', '-i', file, url];
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/autocannon', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number; average: number }; errors: number; non2xx: number };
      resolve({ requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, meanMs: r.latency.average, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

/** Starts an api of its own on embedded engines, measures, writes its section of docs/benchmarks.md. */
export async function benchCredentialVerification(progress: (message: string) => void, options = { seconds: Number(process.env.BENCH_SECONDS ?? 10), connections: 10 }): Promise<CredentialBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-credential-'));
  chmodSync(dataDir, 0o755);
  const adminToken = randomBytes(24).toString('hex');
  const port = await findFreePort();
  progress('credential verification: starting an api on embedded engines (no demo)…');
  const api = startNode('dist/apps/api/src/main.js', [], { DATA_DIR: dataDir, PORT: String(port), TESSERA_RATE_LIMIT: 'off', TESSERA_SEED: 'none', TESSERA_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'warn' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/health`)).ok, 120_000);
    const load = watchLoad();
    const bench = await measureCredentialVerification(base, adminToken, options, progress);
    writeCredentialReport(bench, options, load.stop());
    return bench;
  } finally {
    await stopProcess(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Replaces (or adds) the "## Credential verification" section of docs/benchmarks.md. */
function writeCredentialReport(bench: CredentialBench, options: { seconds: number; connections: number }, load: MachineLoad): void {
  const { result } = bench;
  writeSection('Credential verification', [
    measuredOn(load),
    '',
    `\`POST /trust/v1/credentials/verify\` with the Commission's sealed certificate of participation (${Math.round(bench.bytes / 1024)} KB, JAdES, RS256, answered **${bench.status}**), ${options.connections} connections, ${options.seconds} s, on embedded engines.`,
    '',
    '| p50 | p99 | mean | req/s | errors + non-2xx | target |',
    '|---|---|---|---|---|---|',
    `| **${result.p50Ms} ms** | ${result.p99Ms} ms | ${result.meanMs.toFixed(1)} ms | ${Math.round(result.requestsPerSecond)} | ${result.errors + result.non2xx} | p50 ≤ ${TARGET_P50_MS} ms |`,
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchCredentialVerification((message) => process.stderr.write(`[bench] ${message}\n`)).catch((error: unknown) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
