import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One outbox row: a write commits it in the same transaction as its data; the consumer (the search
 * indexer) processes pending rows and marks them done. The age of the oldest pending row is the
 * index lag that /health reports.
 */
@Entity({ name: 'search_outbox' })
@Index('search_outbox_pending', ['nextAttemptAt'], { where: '"processed_at" IS NULL' })
export class OutboxEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** What changed, as its writer names it, e.g. `opportunity` or `provider`. */
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
