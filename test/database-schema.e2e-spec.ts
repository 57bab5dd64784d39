import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase, runMigrations } from '#platform';
import { DATABASE_SCHEMA } from '../apps/api/src/database-schema.js';
import { databaseUrl, testEngines } from './support/engines.js';

/** The entities and the migrations must describe the same schema, and every migration must undo. */
describe('database schema', () => {
  const engines = testEngines();
  const name = `schema_${randomBytes(6).toString('hex')}`;
  const url = databaseUrl(engines.adminDatabaseUrl, name);
  let dataSource: DataSource;

  beforeAll(async () => {
    await ensureDatabase(engines.adminDatabaseUrl, name);
    await runMigrations(url, DATABASE_SCHEMA);
    dataSource = await new DataSource(dataSourceOptions(url, DATABASE_SCHEMA)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    const admin = new pg.Client({ connectionString: engines.adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('has no difference between the entities and the migrated database', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('undoes every migration and applies them again', async () => {
    for (let i = 0; i < (DATABASE_SCHEMA.migrations as unknown[]).length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.map((t: { tablename: string }) => t.tablename)).toEqual(['migrations']);
    const applied = await dataSource.runMigrations();
    expect(applied).toHaveLength((DATABASE_SCHEMA.migrations as unknown[]).length);
  });
});
