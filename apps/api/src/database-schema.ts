import { MIGRATIONS } from '#migrations';
import type { DatabaseSchema } from '#platform';
import { OutboxEntryEntity } from '#search';

/** Every entity of every context, and the migrations that create their tables. */
export const DATABASE_SCHEMA: DatabaseSchema = {
  entities: [OutboxEntryEntity],
  migrations: MIGRATIONS,
};
