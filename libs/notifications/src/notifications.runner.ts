import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookDeliveryWorker } from './deliveries/webhook-delivery.worker.js';
import { EventFanoutService } from './events/event-fanout.service.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { ReviewDueJob } from './review-due/review-due.job.js';

/**
 * The periodic work, inside every api process: fan new audit events out into deliveries, start the
 * deliveries that are due, and now and then look for reviews falling due. Everything it does is in
 * PostgreSQL, so any instance can pick up where another (or a stopped one) left off.
 */
@Injectable()
export class NotificationsRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationsRunner.name);
  private running = false;
  private timer?: NodeJS.Timeout;
  private reviewTimer?: NodeJS.Timeout;
  private pass: Promise<void> = Promise.resolve();
  /** Passes failed in a row (PostgreSQL away): the next waits longer, and only the first is logged. */
  private failures = 0;
  private review: Promise<void> = Promise.resolve();

  constructor(
    private readonly fanout: EventFanoutService,
    private readonly worker: WebhookDeliveryWorker,
    private readonly reviewDue: ReviewDueJob,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.running = true;
    this.schedule(0);
    this.scheduleReview(0);
  }

  /** Before the database connection closes: stop, and let the sends in flight record their outcome. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.reviewTimer);
    await Promise.all([this.pass, this.review]);
    await this.worker.settle();
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.pass = this.tick().finally(() =>
        this.schedule(this.failures === 0 ? this.options.pollIntervalMs : Math.min(MAX_FAILURE_DELAY_MS, this.options.pollIntervalMs * 2 ** this.failures)),
      );
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      while (this.running && (await this.fanout.fanOut()) === this.options.fanOutBatch) {
        // a full batch: there may be more
      }
      if (this.running) await this.worker.startDue();
      if (this.failures > 0) this.logger.log({ msg: 'notification passes work again', failedPasses: this.failures });
      this.failures = 0;
    } catch (error) {
      if (this.failures === 0) this.logger.warn({ msg: 'notification pass failed; retrying with back-off', err: messageOf(error) });
      this.failures++;
    }
  }

  private scheduleReview(delayMs: number): void {
    if (!this.running) return;
    this.reviewTimer = setTimeout(() => {
      this.review = this.reviewDue
        .run()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ msg: 'review-due pass failed; will retry', err: messageOf(error) }))
        .finally(() => this.scheduleReview(this.options.reviewDueIntervalMs));
    }, delayMs);
  }
}

/** The longest wait between passes while they fail. */
const MAX_FAILURE_DELAY_MS = 5_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
