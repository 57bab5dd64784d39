import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import type { TesseraConfig } from '../config/config.js';

export const BUDGET_WINDOW_MS = 60_000;

/** The store contract of @fastify/rate-limit: count a hit for `key`, report count and ms left. */
type Counted = { current: number; ttl: number };
type StoreCallback = (error: Error | null, result?: Counted) => void;

/**
 * Fixed one-minute windows per key, read from the project's Clock (the library's own LocalStore
 * reads `Date.now()`). Memory stays bounded: a window that has passed is dropped on the next sweep.
 *
 * One budget across instances: this store is the only per-process state of the limiter. A store
 * with the same two methods over a shared counter (the library's RedisStore, or an
 * `INSERT … ON CONFLICT DO UPDATE` on a PostgreSQL table keyed by address and window start) makes
 * every api instance charge the same budget; nothing else changes.
 */
export function clockStore(clock: Clock) {
  return class ClockStore {
    private readonly windows = new Map<string, { count: number; startMs: number }>();
    private lastSweepMs = 0;

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      const now = clock.now().getTime();
      this.sweep(now, timeWindow);
      let window = this.windows.get(key);
      if (!window || window.startMs + timeWindow <= now) {
        window = { count: 0, startMs: now };
        this.windows.set(key, window);
      }
      window.count += 1;
      callback(null, { current: window.count, ttl: window.startMs + timeWindow - now });
    }

    read(key: string, callback: StoreCallback, timeWindow: number): void {
      const now = clock.now().getTime();
      const window = this.windows.get(key);
      if (!window || window.startMs + timeWindow <= now) callback(null, { current: 0, ttl: 0 });
      else callback(null, { current: window.count, ttl: window.startMs + timeWindow - now });
    }

    child(): ClockStore {
      return this;
    }

    private sweep(now: number, timeWindow: number): void {
      if (now - this.lastSweepMs < timeWindow) return;
      this.lastSweepMs = now;
      for (const [key, window] of this.windows) if (window.startMs + timeWindow <= now) this.windows.delete(key);
    }
  };
}

/**
 * Registers @fastify/rate-limit on the api's Fastify instance — not on every route (`global:
 * false`): the RateLimitGuard asks it, once per HTTP request and only for anonymous callers, after
 * authentication has said who the caller is. Keyed by client address, so every public surface
 * (the guard is global: every REST route and GraphQL operation but `/health`) draws on one budget. Headers follow the IETF draft (`RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset`) plus `Retry-After` when refused.
 */
export async function registerAnonymousBudget(fastify: FastifyInstance, config: TesseraConfig, clock: Clock): Promise<void> {
  if (config.rateLimitPerMinute === null) return;
  await fastify.register(fastifyRateLimit, {
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: BUDGET_WINDOW_MS,
    enableDraftSpec: true,
    store: clockStore(clock),
  });
}
