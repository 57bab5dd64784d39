import type { Caller } from './caller.js';

/**
 * Who is calling, from an `Authorization` header: the port through which a route that Nest does
 * not run (a plain Fastify route on a hot path) authenticates exactly as the AuthenticationGuard
 * does. The auth library provides it.
 */
export abstract class CallerResolver {
  abstract authenticate(authorization: string | undefined): Promise<Caller>;
}
