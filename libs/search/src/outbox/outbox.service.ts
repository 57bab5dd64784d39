import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * What an outbox row says changed. `opportunity`: one learning opportunity (its document is
 * re-read, or removed when it is no longer published). `provider`: something every opportunity of
 * that provider carries changed — its accreditation windows, its status.
 */
export const OUTBOX_TOPICS = ['opportunity', 'provider'] as const;
export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records, inside the caller's transaction (`manager`), that these aggregates changed: the rows
   * commit or roll back with the change itself, so the index can never miss a committed write.
   */
  async enqueue(manager: EntityManager, topic: OutboxTopic, aggregateIds: readonly string[]): Promise<void> {
    const ids = [...new Set(aggregateIds)];
    if (ids.length === 0) return;
    await manager.query(`INSERT INTO search_outbox (topic, aggregate_id) SELECT $1, unnest($2::uuid[])`, [topic, ids]);
  }

  /** Seconds since the oldest change that Meilisearch has not received yet; 0 when none waits. */
  async lagSeconds(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
         FROM search_outbox WHERE processed_at IS NULL`,
    );
    return Math.max(0, Math.round(Number(row.lag) * 10) / 10);
  }
}
