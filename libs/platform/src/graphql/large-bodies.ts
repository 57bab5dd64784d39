import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';

const MiB = 1024 * 1024;

/** Largest request body accepted anywhere unless a route says otherwise (DESIGN §6). */
export const DEFAULT_BODY_LIMIT_BYTES = 1 * MiB;

/**
 * The GraphQL mutations that take a whole file as input (a trusted list, an ELM document, a CSV)
 * and their own body limits (DESIGN §8.2, §8.3). Every other operation keeps the default: GraphQL
 * is one route, so the route accepts the largest of these and a larger-than-default body is
 * refused unless every top-level field of its operation is allowed that size.
 */
export const LARGE_BODY_MUTATIONS: Readonly<Record<string, number>> = {
  importTrustedList: 10 * MiB,
  importElm: 20 * MiB,
  importAccreditationsCsv: 20 * MiB,
};

const GRAPHQL_ROUTE_LIMIT = Math.max(DEFAULT_BODY_LIMIT_BYTES, ...Object.values(LARGE_BODY_MUTATIONS));

/** The body limit for a GraphQL request: the smallest limit among the top-level fields of the operation it runs. */
export function graphqlBodyLimit(query: unknown, operationName: unknown): number {
  if (typeof query !== 'string') return DEFAULT_BODY_LIMIT_BYTES;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { noLocation: true }).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return DEFAULT_BODY_LIMIT_BYTES;
  }
  const operation = typeof operationName === 'string' ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (operation?.operation !== 'mutation' || operation.selectionSet.selections.length === 0) return DEFAULT_BODY_LIMIT_BYTES;
  const limits = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? (LARGE_BODY_MUTATIONS[s.name.value] ?? DEFAULT_BODY_LIMIT_BYTES) : DEFAULT_BODY_LIMIT_BYTES));
  return Math.min(...limits);
}

function tooLarge(reply: FastifyReply, limit: number): FastifyReply {
  const allowed = Object.keys(LARGE_BODY_MUTATIONS).join(', ');
  return reply.code(413).send({
    statusCode: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    error: 'Payload Too Large',
    message: `The request body is larger than ${limit} bytes. Only authenticated ${allowed} requests may be larger.`,
  });
}

/**
 * Gives `/graphql` the per-operation limits above. Before the body is read: a declared length over
 * the default needs an `authorization` header (every large mutation needs a key, so an anonymous
 * client never makes us parse more than 1 MiB). After it is parsed: the operation decides.
 */
export function registerGraphqlBodyLimits(fastify: FastifyInstance, path = '/graphql'): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== path || route.method !== 'POST' && !(Array.isArray(route.method) && route.method.includes('POST'))) return;
    route.bodyLimit = GRAPHQL_ROUTE_LIMIT;
    const declaredLength = async (request: FastifyRequest, reply: FastifyReply) => {
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > DEFAULT_BODY_LIMIT_BYTES && request.headers.authorization === undefined) return tooLarge(reply, DEFAULT_BODY_LIMIT_BYTES);
    };
    // A body sent without a length (chunked) is counted as it arrives instead.
    const countedWhenAnonymous = async (request: FastifyRequest, _reply: FastifyReply, payload: NodeJS.ReadableStream) =>
      request.headers.authorization === undefined && request.headers['content-length'] === undefined ? payload.pipe(limitedTo(DEFAULT_BODY_LIMIT_BYTES)) : payload;
    const operationLimit = async (request: FastifyRequest, reply: FastifyReply) => {
      const length = Number(request.headers['content-length'] ?? 0) || Buffer.byteLength(JSON.stringify(request.body ?? ''));
      if (length <= DEFAULT_BODY_LIMIT_BYTES) return;
      const body = (request.body ?? {}) as { query?: unknown; operationName?: unknown };
      const limit = graphqlBodyLimit(body.query, body.operationName);
      if (length > limit) return tooLarge(reply, limit);
    };
    route.onRequest = [declaredLength, ...hooks(route.onRequest)] as RouteOptions['onRequest'];
    route.preParsing = [countedWhenAnonymous, ...hooks(route.preParsing)] as RouteOptions['preParsing'];
    route.preValidation = [operationLimit, ...hooks(route.preValidation)] as RouteOptions['preValidation'];
  });
}

function limitedTo(limit: number): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received <= limit) return callback(null, chunk);
      callback(Object.assign(new Error(`The request body is larger than ${limit} bytes.`), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }));
    },
  });
}

function hooks<T>(existing: T | T[] | undefined): T[] {
  return existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
}
