import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, startEmbeddedMeilisearch, startEmbeddedPostgres } from '#platform';
import { startNode, stopProcess, waitFor } from './processes.js';
import { type MachineLoad, measuredOn, watchLoad, writeSection } from './report.js';

/**
 * "A published change is searchable in under 2 s (p95) while the generator loads data" (DESIGN
 * §7), as a benchmark rather than a timed test: an api (with its indexer) on its own embedded
 * engines; `cli seed generate` loads opportunities beside it (bulk SQL, then its index rebuild);
 * meanwhile a course is published through GraphQL every PUBLISH_EVERY_MS and the time from the
 * publish mutation's answer until `searchOpportunities` finds it is taken. Samples are split by what the
 * generator was doing: loading (PostgreSQL busy, the machine too) and rebuilding the index (the
 * indexer then sends changes to the live index too, behind the rebuild's own requests in
 * Meilisearch's queue — see docs/search.md).
 */
export interface FreshnessBench {
  opportunities: number;
  loading: number[];
  rebuilding: number[];
  /** Changes not found within the limit (counted in neither list). */
  notFound: number;
  /** The 1-minute load average, lowest and highest seen during the run (the machine may be shared). */
  load: MachineLoad;
  /** Where each change's time went, for the changes whose Meilisearch task could be told apart (see `partsOf`). */
  parts: { loading: Parts[]; rebuilding: Parts[] };
}

/** One change's path, in ms: to its Meilisearch task's enqueueing, queued there, applied, then found by a search. */
export interface Parts {
  beforeTask: number;
  queued: number;
  applying: number;
  found: number;
}

interface Probe {
  id: string;
  providerId: string;
  phase: 'loading' | 'rebuilding';
  published: number;
  found?: number;
}

const GIVE_UP_MS = 120_000;
/** About 40 changes in a phase of 20 s, the shortest seen (the rebuild at 100,000). */
const PUBLISH_EVERY_MS = 500;
const PROBES_PER_PROVIDER = 50;

export async function benchFreshness(options: { opportunities: number }, progress: (message: string) => void): Promise<FreshnessBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-freshness-'));
  chmodSync(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres(dataDir, () => undefined);
  const meili = await startEmbeddedMeilisearch({ dataDir, log: () => undefined });
  const adminToken = randomBytes(24).toString('hex');
  const env = {
    DATABASE_URL: postgres.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    TESSERA_SEED: 'none',
    TESSERA_RATE_LIMIT: 'off',
    TESSERA_ADMIN_TOKEN: adminToken,
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
  };
  const port = await findFreePort();
  const api = startNode('dist/apps/api/src/main.js', [], { ...env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  try {
    await waitFor(async () => (await fetch(`${base}/health`)).ok);
    progress(`freshness: publishing a course every ${PUBLISH_EVERY_MS} ms while cli seed generate loads ${options.opportunities} opportunities…`);
    let phase: 'loading' | 'rebuilding' = 'loading';
    const log = join(dataDir, 'generator.log');
    const generator = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'seed', 'generate', '--opportunities', String(options.opportunities), '--providers', '1000'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Its progress line reaches N/N when the last opportunity is written; the rebuild (and its lock) starts right after.
    const loaded = `${options.opportunities.toLocaleString('en')}/${options.opportunities.toLocaleString('en')}`;
    let output = '';
    generator.stderr.on('data', (chunk: Buffer) => {
      appendFileSync(log, chunk);
      output = (output + chunk.toString()).slice(-200);
      if (output.includes(loaded) || output.includes('indexing')) phase = 'rebuilding';
    });
    const generated = new Promise<number | null>((resolve) => generator.once('exit', resolve));
    const load = watchLoad();
    let finished = false;
    void generated.then(() => (finished = true));

    // Publishing goes on at a steady pace whatever the searches find, so that the samples spread
    // over each phase (one after another, a slow phase gave a handful); one poller looks for every
    // course not found yet, one search per provider (each provider gets PROBES_PER_PROVIDER, so a
    // page of 100 holds all of its courses).
    const probes: Probe[] = [];
    const registerProvider = async (n: number): Promise<string> => {
      const provider = await graphql('mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }', {
        input: { kind: 'PROVIDER', legalName: `Freshness bench provider ${n}`, country: 'FI', legalIdentifier: `VATFI-9999${String(n).padStart(4, '0')}` },
      });
      return provider.registerOrganisation.id as string;
    };
    let providerId = '';
    const publisher = (async () => {
      for (let i = 0; !finished; i++) {
        const next = Date.now() + PUBLISH_EVERY_MS;
        if (i % PROBES_PER_PROVIDER === 0) providerId = await registerProvider(i / PROBES_PER_PROVIDER);
        const word = `fresh${randomBytes(4).toString('hex')}`;
        const created = await graphql('mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id version } }', { input: course(providerId, word) });
        const phaseAtPublish = phase;
        await graphql('mutation($input: OpportunityVersionInput!) { publishOpportunity(input: $input) { id } }', { input: { id: created.createOpportunity.id, version: created.createOpportunity.version } });
        probes.push({ id: created.createOpportunity.id, providerId, phase: phaseAtPublish, published: Date.now() });
        if (i % 20 === 19) progress(`freshness: ${i + 1} changes (${phase})…`);
        await sleep(Math.max(0, next - Date.now()));
      }
    })();
    const waiting = () => probes.filter((probe) => probe.found === undefined && Date.now() - probe.published < GIVE_UP_MS);
    const poller = (async () => {
      let publishing = true;
      void publisher.finally(() => (publishing = false));
      while (publishing || waiting().length > 0) {
        for (const provider of new Set(waiting().map((probe) => probe.providerId))) {
          const data = await graphql('query($input: SearchOpportunitiesInput!) { searchOpportunities(input: $input) { hits { opportunity { id } } } }', {
            input: { filters: { providerIds: [provider] }, pageSize: 100 },
          });
          const now = Date.now();
          const hits = new Set((data.searchOpportunities.hits as { opportunity: { id: string } }[]).map((hit) => hit.opportunity.id));
          for (const probe of probes) if (probe.found === undefined && hits.has(probe.id)) probe.found = now;
        }
        await sleep(50);
      }
    })();
    await Promise.all([publisher, poller]);

    const result: FreshnessBench = {
      opportunities: options.opportunities,
      loading: [],
      rebuilding: [],
      notFound: 0,
      load: load.stop(),
      parts: { loading: [], rebuilding: [] },
    };
    const tasks = await liveTasks(meili.url, meili.masterKey);
    for (const probe of probes) {
      if (probe.found === undefined) {
        result.notFound++;
        continue;
      }
      result[probe.phase].push(probe.found - probe.published);
      const parts = partsOf(probe, tasks);
      if (parts) result.parts[probe.phase].push(parts);
    }
    writeFreshnessReport(result);
    return result;
  } finally {
    await stopProcess(api);
    await meili.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function course(providerId: string, word: string): Record<string, unknown> {
  return {
    providerId,
    title: [{ lang: 'en', text: `Freshness probe ${word}` }],
    description: [{ lang: 'en', text: 'Published by the freshness benchmark.' }],
    learningOutcomes: [{ text: 'Find this course soon after it is published' }],
    eqfLevel: 5,
    iscedFCodes: ['0613'],
    languages: ['en'],
    mode: 'ONLINE',
    learningSetting: 'NON_FORMAL',
    type: 'COURSE',
    startDate: '2099-09-01T00:00:00Z',
    endDate: '2099-12-15T00:00:00Z',
  };
}

/** Replaces (or adds) the "## Freshness while the generator loads data" section of docs/benchmarks.md. */
function writeFreshnessReport(bench: FreshnessBench): void {
  const summary = (samples: number[]) =>
    samples.length === 0 ? 'no sample' : `${samples.length} changes, p50 ${percentile(samples, 0.5)} ms, **p95 ${percentile(samples, 0.95)} ms**, slowest ${Math.max(...samples)} ms`;
  const part = (parts: Parts[], key: keyof Parts) => {
    const values = parts.map((p) => p[key]);
    return `${percentile(values, 0.5)} / ${percentile(values, 0.95)}`;
  };
  const where = (parts: Parts[]) =>
    parts.length === 0
      ? 'no change told apart'
      : `${parts.length} changes: until its task was enqueued ${part(parts, 'beforeTask')}, queued in Meilisearch ${part(parts, 'queued')}, applied ${part(parts, 'applying')}, then found ${part(parts, 'found')}`;
  writeSection('Freshness while the generator loads data', [
    measuredOn(bench.load),
    '',
    `Courses published every ${PUBLISH_EVERY_MS} ms through GraphQL while \`cli seed generate --opportunities ${bench.opportunities.toLocaleString('en')}\` ran beside the api on the same embedded engines; each timed from the publish mutation's answer until \`searchOpportunities\` found it (polled every 50 ms). Target: under 2 s, p95.`,
    '',
    `- while the generator loaded (bulk SQL): ${summary(bench.loading)}`,
    `- while it rebuilt the index (changes go to the live index too, queued in Meilisearch behind the rebuild's requests; docs/search.md): ${summary(bench.rebuilding)}`,
    `- not found within ${GIVE_UP_MS / 1000} s: ${bench.notFound}`,
    `- where the time went, p50 / p95 ms (from Meilisearch's task times: each change matched with the live index's last task that finished before it was found): loading — ${where(bench.parts.loading)}; rebuilding — ${where(bench.parts.rebuilding)}`,
  ]);
}

interface TaskTimes {
  enqueuedAt: number;
  startedAt: number;
  finishedAt: number;
}

/**
 * The succeeded document additions of a few documents (the live index's: the rebuild's requests
 * hold hundreds or thousands), oldest first. Index names are no help here: a swap renames the
 * indexes in Meilisearch's task history too.
 */
async function liveTasks(meiliUrl: string, key: string): Promise<TaskTimes[]> {
  const tasks: TaskTimes[] = [];
  const time = (iso: string) => Date.parse(iso.replace(/(\.\d{3})\d*/, '$1'));
  for (let from: number | null = null; ; ) {
    const url = `${meiliUrl}/tasks?types=documentAdditionOrUpdate&statuses=succeeded&limit=1000${from === null ? '' : `&from=${from}`}`;
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      results: { details?: { receivedDocuments?: number }; enqueuedAt: string; startedAt: string; finishedAt: string }[];
      next: number | null;
    };
    for (const task of page.results) {
      if ((task.details?.receivedDocuments ?? 0) <= 100) tasks.push({ enqueuedAt: time(task.enqueuedAt), startedAt: time(task.startedAt), finishedAt: time(task.finishedAt) });
    }
    if (page.next === null) break;
    from = page.next;
  }
  return tasks.sort((a, b) => a.finishedAt - b.finishedAt);
}

/**
 * The task that made a change searchable is taken to be the last live task that finished before
 * the search found it (a search 50 ms earlier did not): approximate when tasks finish close
 * together, so only a guide to where the time went.
 */
function partsOf(probe: Probe, tasks: TaskTimes[]): Parts | undefined {
  const found = probe.found!;
  const task = tasks.filter((t) => t.finishedAt <= found && t.enqueuedAt >= probe.published - 1_000).at(-1);
  if (!task) return undefined;
  return { beforeTask: Math.max(0, task.enqueuedAt - probe.published), queued: task.startedAt - task.enqueuedAt, applying: task.finishedAt - task.startedAt, found: found - task.finishedAt };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
