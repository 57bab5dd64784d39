// Loads the demo into its own template database and search index, once per run, for the test
// files that read the demo (`startTestApp({}, { demo: true })` clones both). Started by the global setup as a child
// process on the compiled sources in dist/, like the api itself: the entity modules register
// GraphQL metadata globally, which must not happen in the process that runs jest.
//
// Usage: node test/support/seed-demo-template.js ADMIN_DATABASE_URL MEILI_URL [MEILI_MASTER_KEY]
import { generateKeyPairSync } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import { createApp } from '../../dist/apps/api/src/app.js';
import { createLogger, ensureDatabase, loadConfig } from '../../dist/libs/platform/src/index.js';
import { createMeilisearchClient } from '../../dist/libs/search/src/index.js';
import { seedDemo, startOfToday } from '../../dist/seed/demo/seed-demo.js';
import { DEMO_TEMPLATE_DATABASE, databaseUrl, TEMPLATE_DATABASE } from './engines.ts';

const [adminDatabaseUrl, meiliUrl, meiliMasterKey] = process.argv.slice(2);
const indexPrefix = `${DEMO_TEMPLATE_DATABASE}_`;

// A fresh start: no database and no index of an earlier run (external engines keep them).
const admin = new pg.Client({ connectionString: adminDatabaseUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DEMO_TEMPLATE_DATABASE} WITH (FORCE)`);
await admin.end();
const meili = createMeilisearchClient({ url: meiliUrl, masterKey: meiliMasterKey || undefined, indexPrefix: '' });
const { results } = await meili.getIndexes({ limit: 1000 });
await Promise.all(results.filter((i) => i.uid.startsWith(indexPrefix)).map((i) => meili.deleteIndex(i.uid)));
await ensureDatabase(adminDatabaseUrl, DEMO_TEMPLATE_DATABASE, TEMPLATE_DATABASE);

const config = {
  ...loadConfig({ LOG_LEVEL: 'error', TESSERA_RATE_LIMIT: 'off', TESSERA_SEED: 'none' }),
  meiliIndexPrefix: indexPrefix,
  signingKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const app = await createApp(
  config,
  { databaseUrl: databaseUrl(adminDatabaseUrl, DEMO_TEMPLATE_DATABASE), meiliUrl, meiliMasterKey: meiliMasterKey || undefined },
  createLogger(config.logLevel),
  { notifications: { enabled: false } },
);
// As `npm start` loads it on a first start: through the services, relative to today, and the
// indexer sends each course as it is written. Its index stays for the run: the clones copy it.
const reference = startOfToday();
const summary = await seedDemo(app, () => undefined, reference);
const dataSource = app.get(getDataSourceToken());
for (;;) {
  const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM search_outbox WHERE processed_at IS NULL');
  if (pending === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await app.close();
// What was loaded and for which day, for the files that ask about it (support/test-app.ts, demoTemplate).
console.log(JSON.stringify({ summary, reference }));
