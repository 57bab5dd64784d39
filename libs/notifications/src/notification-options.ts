/** How the notification machinery runs. Production uses the defaults; tests shorten the times through the module's options. */
export interface NotificationOptions {
  /** Off: this process neither fans out nor delivers (another one does). */
  enabled: boolean;
  /** How often the audit log and the due deliveries are looked at. */
  pollIntervalMs: number;
  /** Deliveries in flight at once, over all subscriptions (each subscription has at most one). */
  workers: number;
  /** No 2xx within this is a failure (DESIGN §8.5: 10 s). */
  timeoutMs: number;
  /** First retry delay; it doubles with every failure, up to `retryMaxMs` (1 s, capped at 1 h). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A delivery still failing this long after its first attempt disables its subscription (24 h). */
  giveUpAfterMs: number;
  /** How often the review-due job looks for reviews falling due. */
  reviewDueIntervalMs: number;
  /** Audit events read per fan-out transaction. */
  fanOutBatch: number;
}

export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');

export const DEFAULT_NOTIFICATION_OPTIONS: NotificationOptions = {
  enabled: true,
  pollIntervalMs: 250,
  workers: 8,
  timeoutMs: 10_000,
  retryBaseMs: 1_000,
  retryMaxMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  reviewDueIntervalMs: 10 * 60_000,
  fanOutBatch: 500,
};

/** The delay before retry number `failures` (1 = after the first failure): base · 2^(failures−1), capped. */
export function retryDelayMs(failures: number, options: Pick<NotificationOptions, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, failures - 1));
}
