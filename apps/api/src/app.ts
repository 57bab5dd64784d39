import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCompress from '@fastify/compress';
import { NestFactory } from '@nestjs/core';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, DEFAULT_BODY_LIMIT_BYTES, IdleCollection, NestJsonLogger, problemDocument, toPublicError, registerAnonymousBudget, registerGraphqlBodyLimits, type TesseraConfig } from '#platform';
import type { Logger as Pino } from 'pino';
import { AppModule, type AppOptions, type EngineConnections } from './app.module.js';
import { serveWebApp } from './web-assets.js';

/** Largest request body accepted (DESIGN §6) where a route sets no other; a bigger one is refused with 413 before it is parsed. */
export const BODY_LIMIT_BYTES = DEFAULT_BODY_LIMIT_BYTES;

/** Request ids a caller may choose; anything else is replaced so that log lines stay clean. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** One log line per request, when it is answered, instead of Fastify's two: logging is a real share of a trust lookup's cost. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // A GraphQL GET carries its query and variables in the address, and they may hold a credential.
    const url = request.url.startsWith('/graphql?') ? '/graphql?…' : request.url;
    const line = { method: request.method, url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}

/** Builds the api — the same way for `npm start` and for the end-to-end tests. */
export async function createApp(config: TesseraConfig, engines: EngineConnections, logger: Pino, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // A path may carry a DID (up to 2048 characters; a did:jwk is often longer than Fastify's default of 100).
    routerOptions: { maxParamLength: 2100 },
    requestIdHeader: false,
    logController: new OneLinePerRequest(),
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  // Before Nest creates the GraphQL route: the file-import mutations may send more than the default.
  registerGraphqlBodyLimits(adapter.getInstance());
  // What Fastify refuses before a route's handler runs (a body that is not JSON, too large, of a type
  // no route reads) is answered like every other REST error: problem+json. Set on each route as it
  // is added — Fastify binds a route's error handler when the route is registered, which is before
  // Nest sets its own — and not on /graphql, whose errors Mercurius answers in GraphQL's shape.
  adapter.getInstance().addHook('onRoute', (route) => {
    if (route.url === '/graphql' || route.errorHandler) return;
    route.errorHandler = (error, request, reply) => {
      const problem = toPublicError(error);
      return reply.status(problem.status).header('content-type', 'application/problem+json').send(problemDocument(problem, request.id));
    };
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, engines, options), adapter, {
    logger: new NestJsonLogger(logger),
  });
  // What a busy spell left in the heap goes back to the system once requests stop (memory/idle-collection.ts).
  const idle = options.idleCollection === false ? null : new IdleCollection();
  const stopIdleCollection = idle?.start((report) => logger.info({ msg: 'idle: heap collected, memory given back', ...report }));
  app
    .getHttpAdapter()
    .getInstance()
    // A callback hook, not an async one: every request runs it, and a promise per request costs more than the header.
    .addHook('onRequest', (request, reply, done) => {
      idle?.noteActivity();
      reply.header('x-request-id', request.id);
      done();
    })
    .addHook('onClose', (_instance, done) => {
      stopIdleCollection?.();
      done();
    });
  await registerAnonymousBudget(app.getHttpAdapter().getInstance(), config, app.get(Clock));
  // Responses compressed when the client asks (a page of 20 search hits with facets: 11.6 KB of
  // JSON, 1.7 KB gzipped) — GraphQL, REST and the plain Fastify routes alike: every route added
  // after this gets the hook. Bodies under 1 KB, and clients that ask for nothing, are sent as they
  // are (the hook then costs a header check); request bodies are not decompressed.
  await app.getHttpAdapter().getInstance().register(fastifyCompress, { globalDecompression: false, threshold: 1024 });
  // The web app (apps/web) at /: the same process serves it, the api and the trust endpoints.
  await serveWebApp(app);
  await app.init();
  return app;
}
