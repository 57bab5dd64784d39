import { type DynamicModule, Module } from '@nestjs/common';
import { RegistryModule } from '#registry';
import { TrustModule } from '#trust';
import { WebhookDeliveryWorker } from './deliveries/webhook-delivery.worker.js';
import { EventFanoutService } from './events/event-fanout.service.js';
import { DEFAULT_NOTIFICATION_OPTIONS, NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { NotificationsRunner } from './notifications.runner.js';
import { ReviewDueJob } from './review-due/review-due.job.js';
import { WebhookSubscriptionResolver } from './subscriptions/webhook-subscription.resolver.js';
import { WebhookSubscriptionService } from './subscriptions/webhook-subscription.service.js';

/** Change notifications (DESIGN §8.5): webhook subscriptions, the fan-out from the audit log, signed deliveries, REVIEW_DUE. */
@Module({})
export class NotificationsModule {
  static forRoot(options: Partial<NotificationOptions> = {}): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [RegistryModule, TrustModule],
      providers: [
        { provide: NOTIFICATION_OPTIONS, useValue: { ...DEFAULT_NOTIFICATION_OPTIONS, ...options } },
        WebhookSubscriptionService,
        WebhookSubscriptionResolver,
        EventFanoutService,
        WebhookDeliveryWorker,
        ReviewDueJob,
        NotificationsRunner,
      ],
    };
  }
}
