import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { type Clock, createLogger, ensureDatabase, loadConfig, type TesseraConfig } from '#platform';
import { createMeilisearchClient, type OpportunityDocument, OpportunityIndex, opportunityIndexName } from '#search';
import { createApp } from '../../apps/api/src/app.js';
import type { AppOptions } from '../../apps/api/src/app.module.js';
import type { DemoSummary } from '../../seed/demo/seed-demo.js';
import { DEMO_TEMPLATE_DATABASE, databaseUrl, TEMPLATE_DATABASE, TEST_ENV, testEngines } from './engines.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
}

export interface TestApp {
  /** Base URL of the running api, e.g. http://127.0.0.1:41234 */
  url: string;
  adminToken: string;
  config: TesseraConfig;
  /** The database of this test file, for assertions that must look under the api. */
  databaseUrl: string;
  nest: NestFastifyApplication;
  /** The app's fixed "now", when it was started with one (see `startTestApp`'s `now`). */
  now?: Date;
  /** The one helper for GraphQL calls in tests: query + variables + token → status, data, errors. */
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the real api over HTTP on a free port, against its own database (cloned from the migrated
 * template) and its own Meilisearch index prefix, so that test files run in parallel untouched
 * by each other.
 */
export async function startTestApp(
  overrides: Partial<TesseraConfig> = {},
  options: {
    sameDatabaseAs?: TestApp;
    /** Another Meilisearch than the shared one (one a test may stop). */ meilisearch?: { url: string; masterKey?: string };
    /** Where the api's log lines go (default stdout), for tests that read what it logs. */ logTo?: { write(line: string): void };
    /** How parts of the api run (e.g. a short webhook back-off). */ app?: AppOptions;
    /**
     * A fixed "now" for the app's Clock: a test whose answers depend on the date (anything "in
     * force", "expired", "today") passes on any day. A second instance (`sameDatabaseAs`) keeps
     * the first one's.
     */
    now?: string | Date;
    /**
     * Start on a copy of the demo (as `npm start` loads it on a first start, relative to the day of
     * the run; DEMO_TEMPLATE_DATABASE) with its courses searchable, instead of an empty registry.
     */
    demo?: boolean;
  } = {},
): Promise<TestApp> {
  const engines = testEngines();
  // A second instance on the same database (to test that instances agree) owns nothing of its own.
  const shared = options.sameDatabaseAs;
  const name = shared ? new URL(shared.databaseUrl).pathname.slice(1) : `test_${randomBytes(6).toString('hex')}`;
  if (options.demo && !shared) await demoTemplate();
  if (!shared) await ensureDatabase(engines.adminDatabaseUrl, name, options.demo ? DEMO_TEMPLATE_DATABASE : TEMPLATE_DATABASE);
  const adminToken = randomBytes(24).toString('hex');
  const config: TesseraConfig = {
    ...loadConfig({ LOG_LEVEL: 'error', TESSERA_RATE_LIMIT: 'off', TESSERA_SEED: 'none' }),
    meiliIndexPrefix: `${name}_`,
    adminToken: shared?.adminToken ?? adminToken,
    // Receipts need a key; one per app keeps tests off the disk.
    signingKeyPem: shared?.config.signingKeyPem ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ...overrides,
  };
  const ownDatabaseUrl = databaseUrl(engines.adminDatabaseUrl, name);
  const fixed = options.now !== undefined ? new Date(options.now) : shared?.now;
  const clock: Clock | undefined = fixed && { now: () => new Date(fixed) };
  const nest = await createApp(
    config,
    {
      databaseUrl: ownDatabaseUrl,
      meiliUrl: options.meilisearch?.url ?? engines.meiliUrl,
      meiliMasterKey: options.meilisearch ? options.meilisearch.masterKey : engines.meiliMasterKey,
    },
    createLogger(config.logLevel, options.logTo),
    { idleCollection: false, ...options.app, ...(clock && { clock }) },
  );
  await nest.listen(0, '127.0.0.1');
  const url = await nest.getUrl();
  if (options.demo && !shared) await copyDemoIndex(nest.get(OpportunityIndex), engines);

  return {
    url,
    adminToken: config.adminToken!,
    config,
    databaseUrl: ownDatabaseUrl,
    nest,
    now: fixed,
    async graphql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as GraphQLResponse<any>;
    },
    async close() {
      await nest.close();
      if (shared) return;
      const admin = new pg.Client({ connectionString: engines.adminDatabaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      const meili = createMeilisearchClient({ url: engines.meiliUrl, masterKey: engines.meiliMasterKey, indexPrefix: '' });
      const { results } = await meili.getIndexes({ limit: 1000 });
      await Promise.all(results.filter((i) => i.uid.startsWith(name)).map((i) => meili.deleteIndex(i.uid)));
    },
  };
}

/** What the run's demo template holds: the demo as loaded for `reference`, the day it was loaded (midnight UTC). */
export interface DemoTemplate {
  summary: DemoSummary;
  reference: Date;
}

/** Waits until the global setup has loaded the demo template (in the background); fails with its error if it could not. */
export async function demoTemplate(): Promise<DemoTemplate> {
  const statusFile = process.env[TEST_ENV.demoTemplateStatus];
  if (!statusFile) throw new Error('the demo template is not being loaded: run the tests with `npm test`');
  // Loading the demo takes about half a minute on a quiet machine, several on a busy one.
  const status = await eventually(
    async () => (existsSync(statusFile) ? (JSON.parse(readFileSync(statusFile, 'utf8')) as { ok: boolean; error?: string; summary: DemoSummary; reference: string }) : undefined),
    600_000,
    200,
  );
  if (!status.ok) throw new Error(`the demo template could not be loaded: ${status.error}`);
  return { summary: status.summary, reference: new Date(status.reference) };
}

/**
 * The copied database has the demo's rows, and its outbox says they were sent — to the demo
 * template's index. This file's index gets that index's documents, through the indexer's own write
 * path and in the order the first start indexed them: a search without a sort lists equally good
 * hits in that order, so the pages look as they would after `npm start`. (`cli reindex` would
 * give the same documents in another order.)
 */
async function copyDemoIndex(index: OpportunityIndex, engines: ReturnType<typeof testEngines>): Promise<void> {
  const meili = createMeilisearchClient({ url: engines.meiliUrl, masterKey: engines.meiliMasterKey, indexPrefix: '' });
  const { results } = await meili.index<OpportunityDocument>(opportunityIndexName(`${DEMO_TEMPLATE_DATABASE}_`)).getDocuments({ limit: 10_000 });
  await index.apply(results, []);
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes; then fails with the last error. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
