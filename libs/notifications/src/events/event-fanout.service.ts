import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEventEntity } from '#audit';
import { Clock } from '#platform';
import { type DataSource, IsNull } from 'typeorm';
import { WebhookDeliveryEntity } from '../deliveries/webhook-delivery.entity.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from '../notification-options.js';
import { WebhookSubscriptionEntity } from '../subscriptions/webhook-subscription.entity.js';
import { type NotificationEvent, notificationEventsFor } from './notification-events.js';

/**
 * Reads the audit log after its durable cursor and turns each event into deliveries for the
 * subscriptions it matches — deliveries and the cursor's new position in one transaction, so an
 * event is fanned out exactly once, also across restarts and several api instances (the one that
 * holds the cursor row's lock does it; the others skip). The cursor cannot overtake a change that
 * has not committed yet: audit events are appended under one lock held until commit, so their ids
 * become visible in order.
 */
@Injectable()
export class EventFanoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  /** One batch; resolves to the number of audit events read. */
  async fanOut(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [cursor] = await manager.query('SELECT audit_event_id FROM notification_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED');
      if (!cursor) return 0;
      const events = await manager
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.id > :after', { after: cursor.audit_event_id })
        .orderBy('e.id', 'ASC')
        .limit(this.options.fanOutBatch)
        .getMany();
      if (events.length === 0) return 0;
      const subscriptions = await manager.getRepository(WebhookSubscriptionEntity).findBy({ disabledAt: IsNull() });
      if (subscriptions.length > 0) {
        const now = this.clock.now();
        const rows = (await notificationEventsFor(manager, events)).flatMap((event) =>
          subscriptions
            .filter((subscription) => matches(subscription, event))
            .map((subscription) => ({
              subscriptionId: subscription.id,
              eventId: event.id,
              eventType: event.type,
              body: JSON.stringify(bodyOf(event)),
              nextAttemptAt: now,
            })),
        );
        // In event order, so that ids (the order of sending) follow the order of the changes.
        if (rows.length > 0) await manager.createQueryBuilder().insert().into(WebhookDeliveryEntity).values(rows).orIgnore().execute();
      }
      await manager.query('UPDATE notification_cursor SET audit_event_id = $1 WHERE id = 1', [events[events.length - 1].id]);
      return events.length;
    });
  }
}

function matches(subscription: WebhookSubscriptionEntity, event: NotificationEvent): boolean {
  return (
    BigInt(event.auditEventId) > BigInt(subscription.startsAfterAuditEventId) &&
    subscription.events.includes(event.type) &&
    (subscription.organisationIds.length === 0 || event.concerns.some((id) => subscription.organisationIds.includes(id)))
  );
}

/** The delivery's JSON (DESIGN §8.5). */
function bodyOf(event: NotificationEvent) {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    registrySequence: event.registrySequence,
    organisation: event.organisation,
    change: event.change,
  };
}
