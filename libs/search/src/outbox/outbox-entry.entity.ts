import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox between PostgreSQL and Meilisearch: a write commits one row here in the
 * same transaction as its data; the indexer sends pending rows to Meilisearch and marks them done.
 * The age of the oldest pending row is the index lag that /health reports.
 */
@Entity({ name: 'search_outbox' })
@Index('search_outbox_pending', ['nextAttemptAt'], { where: '"processed_at" IS NULL' })
export class OutboxEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** What changed, e.g. `opportunity` or `provider`. */
  @Column({ type: 'text' })
  topic: string;

  /** The id of the changed record. */
  @Column({ name: 'aggregate_id', type: 'uuid' })
  aggregateId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
