import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller.js';

/** A request as it travels through the api: the authentication guard adds the caller. */
export type RequestWithCaller = FastifyRequest & { caller?: Caller };

/** The HTTP request behind a REST or GraphQL call. */
export function requestOf(context: ExecutionContext): RequestWithCaller {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ reply: { request: RequestWithCaller } }>().reply.request;
  }
  return context.switchToHttp().getRequest<RequestWithCaller>();
}

/** The authenticated caller of this request (see AuthenticationGuard). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = requestOf(context).caller;
  if (!caller) throw new Error('AuthenticationGuard did not run before CurrentCaller');
  return caller;
});
