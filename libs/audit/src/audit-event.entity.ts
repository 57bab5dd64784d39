import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One mutation, appended in the same transaction as the change it records. Rows are never updated
 * or deleted (a trigger refuses it), and each row's hash covers the previous row's hash, so that an
 * edited or removed row breaks the chain (`npm run cli -- audit verify`).
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_entity', ['entityType', 'entityId'])
@Index('audit_events_registry_sequence', ['registrySequence'])
export class AuditEventEntity {
  /** Position in the chain. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_key_id', type: 'text' })
  actorKeyId: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  /** What happened, e.g. `accreditation.status-changed`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  /** The fields the mutation set, as they were written. */
  @Column({ type: 'jsonb' })
  diff: Record<string, unknown>;

  /** The registry sequence after this event: it increments with every change that can alter a trust answer. */
  @Column({ name: 'registry_sequence', type: 'bigint' })
  registrySequence: string;

  @Column({ name: 'previous_hash', type: 'text' })
  previousHash: string;

  @Column({ type: 'text', unique: true })
  hash: string;
}
