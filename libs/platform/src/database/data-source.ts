import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';

/** Everything TypeORM needs to know about our schema: the entity classes and the migration classes. */
export interface DatabaseSchema {
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}

/**
 * TypeORM options for Tessera's PostgreSQL. Migrations are the only way the schema changes:
 * `synchronize` stays off everywhere, tests included.
 */
export function dataSourceOptions(url: string, schema: DatabaseSchema): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; uuid-ossp would need an extension.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: ['error'],
    // A request that cannot get a connection within 2 s (PostgreSQL gone or hanging) fails with a
    // pool timeout, which the error mapping answers as SERVICE_UNAVAILABLE, instead of waiting on.
    extra: { max: 20, application_name: 'tessera', connectionTimeoutMillis: 2_000 },
  };
}

/** An arbitrary but fixed key for the advisory lock that serialises migration runs. */
const MIGRATION_LOCK_KEY = 727_371_901;

/**
 * Runs pending migrations, each in its own transaction. Several api instances may start at once
 * against one database; the advisory lock lets one migrate while the others wait.
 */
export async function runMigrations(url: string, schema: DatabaseSchema): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, schema));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
