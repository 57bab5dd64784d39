import type { FastifyReply } from 'fastify';
import type { AnonymousBudget } from '../http/rate-limit.guard.js';
import type { Caller } from './caller.js';
import type { RequestWithCaller } from './current-caller.js';

/**
 * Who is calling, from an `Authorization` header: the port through which a route that Nest does
 * not run (a plain Fastify route on a hot path) authenticates exactly as the AuthenticationGuard
 * does. The auth library provides it.
 */
export abstract class CallerResolver {
  abstract authenticate(authorization: string | undefined): Promise<Caller>;
}

/**
 * What the two global guards do (AuthenticationGuard, then RateLimitGuard), for a route or field
 * Nest does not run: works out who is calling, once per request, then charges an anonymous caller
 * to the budget (TOO_MANY_REQUESTS when it is spent).
 */
export async function admitDirectCall(callers: CallerResolver, budget: AnonymousBudget, request: RequestWithCaller, reply: FastifyReply): Promise<void> {
  request.caller ??= await callers.authenticate(request.headers.authorization);
  await budget.charge(request, reply);
}
