import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { get } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort, startEmbeddedMeilisearch, startEmbeddedPostgres } from '#platform';
import { type AgainstBare, againstBare, ROUNDS, roundSeconds } from './against-bare.js';
import { load, type LoadResult } from './load.js';
import { residentMegabytes, runCli, startNode, stopProcess, waitFor } from './processes.js';

/**
 * Trust at the size of a real registry (DESIGN §7): 100k organisations and 200k certificates
 * (`cli seed generate`), two api instances on one database. Measures REST and GraphQL lookups
 * against a bare Fastify route in the same run, the api's memory with that registry loaded, how
 * long a suspension takes to reach the other instance while this one answers ~1,000 lookups a
 * second, and what the first download of the whole signed trust list costs the api after a change.
 */
export interface TrustScaleBench {
  organisations: number;
  certificates: number;
  generateSeconds: number;
  startSeconds: number;
  rest: AgainstBare;
  graphql: AgainstBare;
  /** api A's resident memory right after it was ready, after the load runs, and after 45 s without requests. */
  rssMb: { afterStart: number; afterRuns: number; afterIdle: number };
  /** Milliseconds from a suspension's commit (the mutation returned on A) until B answered it, each of `changes`. */
  propagationMs: number[];
  /** Whether A answered each change at once (read-your-writes): the count that did not. */
  staleOnA: number;
  lookupsPerSecondDuringChanges: number;
  /**
   * The first download of the whole signed trust list after the changes (it is built and signed
   * then, in pieces between the api's other requests): how long it took, its gzipped size, what
   * lookups sent during a 30 s window around it (100 a second) saw, and A's resident memory at its
   * highest and 45 s later.
   */
  trustList: { seconds: number; gzippedBytes: number; lookupsDuring: LoadResult; peakRssMb: number; rssAfterMb: number };
}

const ADMIN_TOKEN = randomBytes(24).toString('hex');
/** How long the api is left without requests before its memory is read a last time (it gives memory back after 30 s idle, looked at every 5 s: platform's memory/idle-collection.ts). */
const IDLE_MS = 45_000;

export async function benchTrustScale(
  dataDir: string,
  options: { organisations: number; certificates: number; seconds: number; changes: number },
  progress: (message: string) => void,
): Promise<TrustScaleBench> {
  const postgres = await startEmbeddedPostgres(dataDir, () => undefined);
  const meili = await startEmbeddedMeilisearch({ dataDir, log: () => undefined });
  const env = {
    DATABASE_URL: postgres.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: 'trust_bench_',
    TESSERA_SEED: 'none',
    TESSERA_RATE_LIMIT: 'off',
    TESSERA_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
  };
  const children: ChildProcess[] = [];
  try {
    progress(`generating ${options.organisations.toLocaleString('en')} organisations and ${options.certificates.toLocaleString('en')} certificates…`);
    const generating = Date.now();
    await runCli(
      ['seed', 'generate', '--providers', String(options.organisations), '--certificates', String(options.certificates), '--dids', String(Math.round(options.certificates / 10)), '--opportunities', '10000', '--no-index'],
      { ...env, DATA_DIR: dataDir },
    );
    const generateSeconds = Math.round((Date.now() - generating) / 1000);

    const [portA, portB] = [await findFreePort(), await findFreePort()];
    const starting = Date.now();
    const instance = (name: string, port: number) => {
      const folder = join(dataDir, name);
      mkdirSync(folder, { recursive: true });
      const child = startNode('dist/apps/api/src/main.js', [], { ...env, DATA_DIR: folder, PORT: String(port) });
      children.push(child);
      return { child, base: `http://127.0.0.1:${port}` };
    };
    const a = instance('a', portA);
    const b = instance('b', portB);
    await waitFor(async () => (await fetch(`${a.base}/health`)).ok, 600_000);
    const startSeconds = Math.round((Date.now() - starting) / 1000);
    await waitFor(async () => (await fetch(`${b.base}/health`)).ok, 600_000);
    const rssAfterStart = residentMegabytes(a.child.pid!);

    const subjects = await trustedProviders(a.base, options.changes + 1);
    const [probe, ...toSuspend] = subjects;
    const restPath = `/trust/v1/issuers/${probe.sha256}`;
    const graphqlBody = JSON.stringify({
      query: 'query($input: IssuerTrustInput!) { issuerTrust(input: $input) { trusted status reasons { code } warnings { code } validUntil registrySequence receipt } }',
      variables: { input: { certificateSha256: probe.sha256 } },
    });
    const restSample = await (await fetch(`${a.base}${restPath}`)).text();
    const graphqlSample = await (await fetch(`${a.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: graphqlBody })).text();

    progress(`REST lookups by certificate at scale (${ROUNDS} rounds of ${roundSeconds(options.seconds)} s against the bare route)…`);
    const rest = await againstBare({ sample: restSample, dataDir, runSeconds: options.seconds, connections: 10, api: (seconds) => load(`${a.base}${restPath}`, { seconds, connections: 10 }), children });
    progress(`GraphQL issuerTrust at scale (${ROUNDS} rounds of ${roundSeconds(options.seconds)} s against the bare route)…`);
    const graphqlRequest = { method: 'POST' as const, body: graphqlBody };
    const graphql = await againstBare({ sample: graphqlSample, dataDir, runSeconds: options.seconds, connections: 10, request: graphqlRequest, api: (seconds) => load(`${a.base}/graphql`, { seconds, connections: 10, ...graphqlRequest }), children });
    const rssAfterRuns = residentMegabytes(a.child.pid!);

    progress(`${toSuspend.length} suspensions on A while A answers ~1,000 lookups a second; timing their arrival on B…`);
    const background = load(`${a.base}${restPath}`, { seconds: Math.max(10, toSuspend.length * 2), connections: 4, rate: 1000 });
    const propagationMs: number[] = [];
    let staleOnA = 0;
    for (const subject of toSuspend) {
      const changed = await suspend(a.base, subject);
      const committedAt = performance.now();
      if ((await statusOf(a.base, subject.sha256)) === 'TRUSTED') staleOnA += 1;
      for (;;) {
        if ((await statusOf(b.base, subject.sha256)) !== 'TRUSTED') break;
        if (performance.now() - committedAt > 30_000) throw new Error(`B did not see the suspension of ${changed} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      propagationMs.push(Math.round(performance.now() - committedAt));
    }
    const during = await background;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const rssMb = { afterStart: rssAfterStart, afterRuns: rssAfterRuns, afterIdle: residentMegabytes(a.child.pid!) };

    progress('the whole signed trust list, first download after the changes, while lookups go on…');
    let peakRssMb = residentMegabytes(a.child.pid!);
    const sampling = setInterval(() => (peakRssMb = Math.max(peakRssMb, residentMegabytes(a.child.pid!))), 250);
    let gzippedBytes: number;
    let listSeconds: number;
    let lookups: LoadResult;
    try {
      const lookupsDuring = load(`${a.base}${restPath}`, { seconds: 30, connections: 2, rate: 100 });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const listStarted = performance.now();
      gzippedBytes = await downloadedBytes(`${a.base}/trust/v1/list`);
      listSeconds = (performance.now() - listStarted) / 1000;
      lookups = await lookupsDuring;
    } finally {
      clearInterval(sampling);
    }
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const trustList = { seconds: listSeconds, gzippedBytes, lookupsDuring: lookups, peakRssMb, rssAfterMb: residentMegabytes(a.child.pid!) };

    return {
      organisations: options.organisations,
      certificates: options.certificates,
      generateSeconds,
      startSeconds,
      rest,
      graphql,
      rssMb,
      propagationMs,
      staleOnA,
      lookupsPerSecondDuringChanges: during.requestsPerSecond,
      trustList,
    };
  } finally {
    for (const child of children) await stopProcess(child);
    await meili.stop();
    await postgres.stop();
  }
}

/** Bytes of a GET answered gzipped, as sent (fetch would inflate them). */
function downloadedBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url} answered ${response.statusCode}`))));
      response.on('error', reject);
    }).on('error', reject);
  });
}

interface Subject {
  organisationId: string;
  version: number;
  sha256: string;
}

async function graphql<T>(base: string, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Providers that are trusted now through an active registered certificate. */
async function trustedProviders(base: string, count: number): Promise<Subject[]> {
  const found: Subject[] = [];
  let after: string | null = null;
  while (found.length < count) {
    const data: { organisations: { edges: { cursor: string; node: { id: string; version: number; certificates: { sha256: string; status: string }[] } }[] } } = await graphql(
      base,
      'query($after: String) { organisations(filter: { kind: PROVIDER, accreditationState: ACCREDITED }, first: 50, after: $after) { edges { cursor node { id version certificates { sha256 status } } } } }',
      { after },
    );
    const edges = data.organisations.edges;
    if (edges.length === 0) break;
    for (const { node } of edges) {
      const certificate = node.certificates.find((c) => c.status === 'ACTIVE');
      if (certificate && (await statusOf(base, certificate.sha256)) === 'TRUSTED') found.push({ organisationId: node.id, version: node.version, sha256: certificate.sha256 });
      if (found.length === count) break;
    }
    after = edges[edges.length - 1].cursor;
  }
  if (found.length < count) throw new Error(`found only ${found.length} trusted providers with a certificate`);
  return found;
}

async function suspend(base: string, subject: Subject): Promise<string> {
  await graphql(base, 'mutation($input: ChangeOrganisationStatusInput!) { changeOrganisationStatus(input: $input) { id } }', {
    input: { organisationId: subject.organisationId, status: 'SUSPENDED', reason: 'benchmark: propagation of a suspension', version: subject.version },
  });
  return subject.organisationId;
}

async function statusOf(base: string, sha256: string): Promise<string> {
  const response = await fetch(`${base}/trust/v1/issuers/${sha256}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await response.json()) as { status: string }).status;
}
