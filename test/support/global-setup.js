// Runs once before all test files, in plain Node (not inside jest's module system), so it uses
// the compiled sources in dist/ — `npm test` builds them first.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations, startEmbeddedMeilisearch, startEmbeddedPostgres } from '../../dist/libs/platform/src/index.js';
// Only the migrations, not the entities: jest may run a single test file in this same process,
// and entity modules register GraphQL metadata globally, which would then mix two copies of graphql.
import { MIGRATIONS } from '../../dist/migrations/index.js';
// The names the test files read (Node runs this TypeScript file as it is: it has only erasable types).
import { TEMPLATE_DATABASE, TEST_ENV } from './engines.ts';

/**
 * Starts real PostgreSQL and Meilisearch once for the whole run — embedded in a fresh temporary
 * folder, or the external ones that DATABASE_URL / MEILI_URL name — and migrates the template
 * database that each test file clones its own database from. Then starts loading the demo into
 * its own template (./seed-demo-template.js) and returns without waiting: the files that need it
 * wait in `startTestApp`, the others run meanwhile.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
  const stops = [];
  let stopDemoTemplate;
  const quiet = () => undefined;
  // Node's on-disk compile cache for every Node process of the run that inherits or is handed this
  // variable: jest's workers, the demo loader, tsc, and the api and CLI processes the tests start
  // (support/api-process.ts, support/cli-process.ts). Each loads the app's modules, and compiling
  // them again is most of such a start: importing the api took 12–13 s without, 4.2 s with it
  // (same machine, load 7). It changes how fast code loads, nothing of what it does.
  process.env.NODE_COMPILE_CACHE ??= join(dataDir, 'node-compile-cache');

  try {
    let adminDatabaseUrl = process.env.DATABASE_URL;
    if (!adminDatabaseUrl) {
      // A throwaway cluster: without fsync the suite spends its time on queries, not on the disk.
      const postgres = await startEmbeddedPostgres(dataDir, quiet, undefined, 'throwaway');
      stops.push(postgres.stop);
      adminDatabaseUrl = postgres.adminUrl;
    }
    let meiliUrl = process.env.MEILI_URL;
    let meiliMasterKey = process.env.MEILI_MASTER_KEY;
    if (!meiliUrl) {
      const meili = await startEmbeddedMeilisearch({ dataDir, log: quiet });
      stops.push(meili.stop);
      meiliUrl = meili.url;
      meiliMasterKey = meili.masterKey;
    }

    const admin = new pg.Client({ connectionString: adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const templateUrl = new URL(adminDatabaseUrl);
    templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
    await runMigrations(templateUrl.toString(), { entities: [], migrations: MIGRATIONS });

    process.env[TEST_ENV.adminDatabaseUrl] = adminDatabaseUrl;
    process.env[TEST_ENV.meiliUrl] = meiliUrl;
    process.env[TEST_ENV.meiliMasterKey] = meiliMasterKey ?? '';
    process.env[TEST_ENV.demoTemplateStatus] = join(dataDir, 'demo-template.json');
    stopDemoTemplate = loadDemoTemplate(adminDatabaseUrl, meiliUrl, meiliMasterKey ?? '', process.env[TEST_ENV.demoTemplateStatus]);
  } finally {
    globalThis.tesseraTestEngines = { dataDir, stops, stopDemoTemplate };
  }
}

/**
 * Runs ./seed-demo-template.js in its own process and, when it ends, writes how to `statusFile`
 * (`{ ok, summary, reference }` or `{ ok: false, error }` with what it printed), which `startTestApp` waits
 * for. Returns what stops it, for the teardown, which runs it before it stops the engines.
 */
function loadDemoTemplate(adminDatabaseUrl, meiliUrl, meiliMasterKey, statusFile) {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'seed-demo-template.js'), adminDatabaseUrl, meiliUrl, meiliMasterKey], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ ok: false, error: String(error) }));
    child.once('exit', (code, signal) =>
      resolve(code === 0 ? { ok: true, ...JSON.parse(stdout.trim().split('\n').at(-1)) } : { ok: false, error: `exited with ${code ?? signal}:\n${stdout}${stderr}` }),
    );
  });
  void exited.then((status) => writeFileSync(statusFile, JSON.stringify(status)));
  return async () => {
    child.kill();
    await exited;
  };
}
