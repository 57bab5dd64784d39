import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '#platform';
import type { NotificationEventType } from '../notification-event-types.js';

/**
 * Where a subscriber wants to hear about changes. It hears of every matching change committed after
 * its own creation (`startsAfterAuditEventId`, the id of the audit event that recorded it), in order.
 */
@Entity({ name: 'webhook_subscriptions' })
@Index('webhook_subscriptions_owner', ['ownerKeyId'])
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: NotificationEventType[];

  /** The organisations whose changes are announced; empty = every organisation (ADMIN and VERIFIER keys only). */
  @Column({ name: 'organisation_ids', type: 'uuid', array: true })
  organisationIds: string[];

  /** The API key that created it ('operator' for TESSERA_ADMIN_TOKEN). */
  @Column({ name: 'owner_key_id', type: 'text' })
  ownerKeyId: string;

  @Column({ name: 'owner_role', type: 'text' })
  ownerRole: Role;

  /** The organisation of a QUALITY_AGENCY or PROVIDER owner: every key of that organisation manages it. */
  @Column({ name: 'owner_organisation_id', type: 'uuid', nullable: true })
  ownerOrganisationId: string | null;

  @Column({ name: 'starts_after_audit_event_id', type: 'bigint' })
  startsAfterAuditEventId: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  /** While set in the future, one delivery worker is sending to this subscription (concurrency one, across instances). */
  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
