import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestOf, type RequestWithCaller } from '../caller/current-caller.js';
import type { TesseraConfig } from '../config/config.js';
import { DomainError } from '../errors/domain-error.js';
import { TESSERA_CONFIG } from '../config/config.token.js';

type Verdict = Awaited<ReturnType<ReturnType<FastifyInstance['createRateLimit']>>>;
const CHARGED = Symbol('anonymous budget verdict');
const UNMETERED = 'tessera:unmetered';

/** Exempts a controller or resolver from the anonymous budget: only what probes and load balancers poll (/health). */
export const Unmetered = () => SetMetadata(UNMETERED, true);

/**
 * The anonymous budget (see registerAnonymousBudget), a global guard: every anonymous REST route
 * and top-level GraphQL field draws on it unless marked `@Unmetered()`. Runs after the
 * authentication guard (both are registered, in that order, by the AuthModule): callers with a
 * token are not limited. An HTTP request is charged once, however many fields one GraphQL document
 * asks for.
 */
/**
 * Charges an anonymous request to the budget: once per HTTP request, nothing for callers with a
 * token. Throws TOO_MANY_REQUESTS (with `Retry-After`) when the budget is spent. Used by the guard
 * below and by plain Fastify routes that Nest does not run.
 */
@Injectable()
export class AnonymousBudget {
  private check: ((request: FastifyRequest) => Promise<Verdict>) | undefined;

  constructor(
    @Inject(TESSERA_CONFIG) private readonly config: TesseraConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async charge(request: RequestWithCaller, reply: FastifyReply): Promise<void> {
    const limit = this.config.rateLimitPerMinute;
    if (limit === null) return;
    if (request.caller && request.caller.kind !== 'anonymous') return;
    const charged = request as RequestWithCaller & { [CHARGED]?: Promise<Verdict> };
    charged[CHARGED] ??= this.limiter()(request);
    const verdict = await charged[CHARGED];
    if (verdict.isAllowed) return;
    void reply.header('ratelimit-limit', verdict.max).header('ratelimit-remaining', verdict.remaining).header('ratelimit-reset', verdict.ttlInSeconds);
    if (!verdict.isExceeded) return;
    void reply.header('retry-after', verdict.ttlInSeconds);
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `more than ${limit} anonymous requests a minute from this address; retry in ${verdict.ttlInSeconds} s or use an API token`,
    );
  }

  private limiter(): (request: FastifyRequest) => Promise<Verdict> {
    this.check ??= this.adapterHost.httpAdapter.getInstance<FastifyInstance>().createRateLimit();
    return this.check;
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly budget: AnonymousBudget,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(UNMETERED, [context.getHandler(), context.getClass()])) return true;
    await this.budget.charge(requestOf(context), replyOf(context));
    return true;
  }
}

function replyOf(context: ExecutionContext): FastifyReply {
  if (context.getType<GqlContextType>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ reply: FastifyReply }>().reply;
  return context.switchToHttp().getResponse<FastifyReply>();
}
