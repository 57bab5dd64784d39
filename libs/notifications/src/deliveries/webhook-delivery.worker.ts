import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { SigningKeyService } from '#trust';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_OPTIONS, type NotificationOptions, retryDelayMs } from '../notification-options.js';
import { WebhookSubscriptionEntity } from '../subscriptions/webhook-subscription.entity.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity.js';
import { isSuccess, sendWebhook } from './webhook-sender.js';

/** The JWS `typ` of a delivery's signature. */
export const DELIVERY_SIGNATURE_TYP = 'tessera-webhook+jws';

/**
 * Sends due deliveries: for each subscription only its oldest pending delivery (order), only by one
 * worker at a time (a lease on the subscription row, so also across api instances), at most
 * `workers` at once. A send runs beside the loop, so a slow receiver holds up only its own
 * subscription. Every attempt is recorded; a failure is retried after 1 s, 2 s, 4 s, … (capped at
 * 1 h) until 24 h after the first attempt, then the subscription is disabled with the reason.
 */
@Injectable()
export class WebhookDeliveryWorker {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  /** Subscription id → its send in flight. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly signing: SigningKeyService,
    @Inject(TESSERA_CONFIG) private readonly config: TesseraConfig,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  /** Starts the sends that are due and that a free worker can take; does not wait for them. */
  async startDue(): Promise<void> {
    const free = this.options.workers - this.inFlight.size;
    if (free <= 0) return;
    const now = this.clock.now();
    const heads: { id: string; subscription_id: string }[] = await this.dataSource.query(
      `SELECT d.id, s.id AS subscription_id
         FROM webhook_subscriptions s
         JOIN LATERAL (SELECT id, next_attempt_at FROM webhook_deliveries
                        WHERE subscription_id = s.id AND status = 'PENDING' ORDER BY id LIMIT 1) d ON true
        WHERE s.disabled_at IS NULL AND (s.leased_until IS NULL OR s.leased_until < $1)
          AND d.next_attempt_at <= $1 AND NOT (s.id = ANY($2::uuid[]))
        ORDER BY d.next_attempt_at LIMIT $3`,
      [now, [...this.inFlight.keys()], free],
    );
    for (const head of heads) {
      // The lease outlives the longest send, so a crashed process's subscriptions are picked up again.
      const [claimed] = await this.dataSource.query(
        `UPDATE webhook_subscriptions SET leased_until = $2
          WHERE id = $1 AND disabled_at IS NULL AND (leased_until IS NULL OR leased_until < $3) RETURNING id`,
        [head.subscription_id, new Date(now.getTime() + 2 * this.options.timeoutMs + 5_000), now],
      );
      if (claimed.length === 0) continue;
      const send = this.deliver(head.id, head.subscription_id)
        .catch((error: unknown) => this.logger.warn({ msg: 'webhook delivery pass failed; will retry', err: messageOf(error) }))
        .finally(() => this.inFlight.delete(head.subscription_id));
      this.inFlight.set(head.subscription_id, send);
    }
  }

  /** Waits for the sends in flight (before shutdown): their outcome is recorded, their leases released. */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight.values());
  }

  private async deliver(deliveryId: string, subscriptionId: string): Promise<void> {
    try {
      const delivery = await this.dataSource.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId });
      const subscription = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id: subscriptionId });
      if (!delivery || !subscription || delivery.status !== 'PENDING') return;
      const body = Buffer.from(delivery.body, 'utf8');
      const signature = await this.signing.signDetached(body, DELIVERY_SIGNATURE_TYP);
      const attemptedAt = this.clock.now();
      const outcome = await sendWebhook(
        subscription.url,
        body,
        {
          'content-type': 'application/json',
          'user-agent': 'Tessera-Webhooks/1',
          'tessera-signature': signature,
          'tessera-event-id': delivery.eventId,
          'tessera-event-type': delivery.eventType,
        },
        { timeoutMs: this.options.timeoutMs, allowPrivate: this.config.webhooksAllowPrivate },
      );
      await this.record(delivery, subscription, attemptedAt, outcome);
    } finally {
      await this.dataSource.query('UPDATE webhook_subscriptions SET leased_until = NULL WHERE id = $1', [subscriptionId]);
    }
  }

  private async record(
    delivery: WebhookDeliveryEntity,
    subscription: WebhookSubscriptionEntity,
    attemptedAt: Date,
    outcome: Awaited<ReturnType<typeof sendWebhook>>,
  ): Promise<void> {
    const done = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(WebhookDeliveryAttemptEntity).insert({
        deliveryId: delivery.id,
        attemptedAt,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 2000) ?? null,
        durationMs: outcome.durationMs,
      });
      const attempts = delivery.attempts + 1;
      const firstAttemptAt = delivery.firstAttemptAt ?? attemptedAt;
      const common = { attempts, firstAttemptAt, lastStatusCode: outcome.statusCode };
      const deliveries = manager.getRepository(WebhookDeliveryEntity);
      if (isSuccess(outcome)) {
        await deliveries.update({ id: delivery.id }, { ...common, status: 'DELIVERED', deliveredAt: done });
        return;
      }
      if (done.getTime() - firstAttemptAt.getTime() >= this.options.giveUpAfterMs) {
        const why = outcome.statusCode === null ? outcome.error : `HTTP ${outcome.statusCode}`;
        const hours = Math.round(this.options.giveUpAfterMs / 3_600_000);
        const reason = `no 2xx answer to event ${delivery.eventId} in ${attempts} attempts over ${hours >= 1 ? `${hours} h` : `${this.options.giveUpAfterMs} ms`} (last: ${why})`;
        await deliveries.update({ id: delivery.id }, { ...common, status: 'ABANDONED' });
        await manager.getRepository(WebhookSubscriptionEntity).update({ id: subscription.id }, { disabledAt: done, disabledReason: reason });
        this.logger.warn({ msg: 'webhook subscription disabled', subscriptionId: subscription.id, reason });
        return;
      }
      await deliveries.update({ id: delivery.id }, { ...common, nextAttemptAt: new Date(done.getTime() + retryDelayMs(attempts, this.options)) });
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
