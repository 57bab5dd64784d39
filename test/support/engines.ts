/**
 * Where the end-to-end tests find their engines. The global setup starts them once per run
 * (or uses DATABASE_URL / MEILI_URL) and passes their addresses to the test workers through
 * these environment variables.
 */
export const TEST_ENV = {
  /** A connection to a maintenance database, allowed to create and drop databases. */
  adminDatabaseUrl: 'TESSERA_TEST_ADMIN_DATABASE_URL',
  meiliUrl: 'TESSERA_TEST_MEILI_URL',
  meiliMasterKey: 'TESSERA_TEST_MEILI_MASTER_KEY',
  /** Where the demo template's loader writes how it ended (see DEMO_TEMPLATE_DATABASE). */
  demoTemplateStatus: 'TESSERA_TEST_DEMO_TEMPLATE_STATUS',
} as const;

/** The migrated database every test file's own database is cloned from. */
export const TEMPLATE_DATABASE = 'tessera_test_template';

/**
 * The migrated database with the demo loaded (as `npm start` loads it, relative to the day of the
 * run), for the files that read the demo: loaded once per run, in the background, while other files
 * run; `startTestApp({}, { demo: true })` waits for it and clones it.
 */
export const DEMO_TEMPLATE_DATABASE = 'tessera_test_demo_template';

export function testEngines(): { adminDatabaseUrl: string; meiliUrl: string; meiliMasterKey?: string } {
  const adminDatabaseUrl = process.env[TEST_ENV.adminDatabaseUrl];
  const meiliUrl = process.env[TEST_ENV.meiliUrl];
  if (!adminDatabaseUrl || !meiliUrl) throw new Error('the end-to-end engines are not running: run the tests with `npm test`');
  return { adminDatabaseUrl, meiliUrl, meiliMasterKey: process.env[TEST_ENV.meiliMasterKey] || undefined };
}

/** The URL of another database on the same server. */
export function databaseUrl(adminDatabaseUrl: string, database: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
