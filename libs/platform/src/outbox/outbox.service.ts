import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The transactional outbox: a writer records, in its own transaction, that aggregates changed, so a
 * consumer can never miss a committed change nor see one that rolled back. It knows no domain:
 * a topic is a name its writer declares (the registry's `provider`, the catalogue's
 * `opportunity`) and its consumer interprets. Today the one consumer is the search indexer
 * (`libs/search`), which is why the table is still called `search_outbox`.
 */
@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records, inside the caller's transaction (`manager`), that these aggregates changed: the rows
   * commit or roll back with the change itself.
   */
  async enqueue(manager: EntityManager, topic: string, aggregateIds: readonly string[]): Promise<void> {
    const ids = [...new Set(aggregateIds)];
    if (ids.length === 0) return;
    await manager.query(`INSERT INTO search_outbox (topic, aggregate_id) SELECT $1, unnest($2::uuid[])`, [topic, ids]);
  }

  /** Seconds since the oldest change that its consumer has not processed yet; 0 when none waits. */
  async lagSeconds(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
         FROM search_outbox WHERE processed_at IS NULL`,
    );
    return Math.max(0, Math.round(Number(row.lag) * 10) / 10);
  }
}

/** Global, because writers in every context enqueue inside their own transactions. */
@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
