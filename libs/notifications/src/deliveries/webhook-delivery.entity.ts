import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import type { NotificationEventType } from '../notification-event-types.js';
import { WebhookSubscriptionEntity } from '../subscriptions/webhook-subscription.entity.js';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'ABANDONED';

/**
 * One event for one subscription. The body is fixed when the event is fanned out, so every retry
 * sends (and signs) the same bytes. Deliveries of a subscription go out one at a time in `id` order.
 */
@Entity({ name: 'webhook_deliveries' })
@Unique('webhook_deliveries_once', ['subscriptionId', 'eventId'])
@Index('webhook_deliveries_pending', ['subscriptionId', 'id'], { where: `"status" = 'PENDING'` })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: Relation<WebhookSubscriptionEntity>;

  /** The event's `id` in the body: the same on every retry and for every subscriber. */
  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: NotificationEventType;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'PENDING' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  /** Retries stop 24 h after this (DESIGN §8.5). */
  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true })
  firstAttemptAt: Date | null;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
