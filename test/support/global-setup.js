// Runs once before all test files, in plain Node (not inside jest's module system), so it uses
// the compiled sources in dist/ — `npm test` builds them first.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations, startEmbeddedMeilisearch, startEmbeddedPostgres } from '../../dist/libs/platform/src/index.js';
// Only the migrations, not the entities: jest may run a single test file in this same process,
// and entity modules register GraphQL metadata globally, which would then mix two copies of graphql.
import { MIGRATIONS } from '../../dist/migrations/index.js';

/** Keep in step with TEST_ENV and TEMPLATE_DATABASE in ./engines.ts, which the test files read. */
const TEST_ENV = {
  adminDatabaseUrl: 'TESSERA_TEST_ADMIN_DATABASE_URL',
  meiliUrl: 'TESSERA_TEST_MEILI_URL',
  meiliMasterKey: 'TESSERA_TEST_MEILI_MASTER_KEY',
};
const TEMPLATE_DATABASE = 'tessera_test_template';

/**
 * Starts real PostgreSQL and Meilisearch once for the whole run — embedded in a fresh temporary
 * folder, or the external ones that DATABASE_URL / MEILI_URL name — and migrates the template
 * database that each test file clones its own database from.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
  const stops = [];
  const quiet = () => undefined;

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
  } finally {
    globalThis.tesseraTestEngines = { dataDir, stops };
  }
}
