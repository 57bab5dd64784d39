import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { requestOf } from '../caller/current-caller.js';
import { TESSERA_CONFIG } from '../platform.module.js';
import type { TesseraConfig } from '../config/config.js';
import { DomainError } from '../errors/domain-error.js';

const WINDOW_MS = 60_000;

/**
 * Limits anonymous trust and search requests per client address (TESSERA_RATE_LIMIT per minute),
 * in fixed one-minute windows kept in this process. Callers with a token are not limited. Each api
 * instance counts on its own: behind a load balancer the effective limit is per instance.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(@Inject(TESSERA_CONFIG) private readonly config: TesseraConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const limit = this.config.rateLimitPerMinute;
    if (limit === null) return true;
    const request = requestOf(context);
    if (request.caller && request.caller.kind !== 'anonymous') return true;
    const now = Date.now();
    if (now - this.windowStart >= WINDOW_MS) {
      // A new window forgets the old one whole, so memory stays bounded by one minute's clients.
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(request.ip) ?? 0) + 1;
    this.counts.set(request.ip, count);
    if (count <= limit) return true;
    const retryAfter = Math.ceil((this.windowStart + WINDOW_MS - now) / 1000);
    if (context.getType() === 'http') void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new DomainError('TOO_MANY_REQUESTS', `more than ${limit} anonymous requests a minute from this address; retry in ${retryAfter} s or use an API token`);
  }
}
