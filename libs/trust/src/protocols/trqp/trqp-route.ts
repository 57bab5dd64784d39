import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { problemDocument, toPublicError } from '#platform';

export const TRQP_PATH = '/trqp/v2/';

/**
 * A body that is not JSON, or is too large, is refused by Fastify before Nest's error filter can
 * see it; on the TRQP routes it must still be problem+json (DESIGN §8.4). The routes' Fastify
 * options are set in an onRoute hook, added when providers are created, because Nest registers
 * its routes later, in `init()`.
 */
@Injectable()
export class TrqpRouteOptions {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    fastify?.addHook('onRoute', (route: RouteOptions) => {
      if (!route.url.startsWith(TRQP_PATH)) return;
      route.errorHandler = (error, request, reply) => {
        const problem = toPublicError(error);
        void reply.status(problem.status).header('content-type', 'application/problem+json').send(problemDocument(problem, request.id));
      };
    });
  }
}
