import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { toPublicError } from './error-mapping.js';

/**
 * The one place errors leave the api. GraphQL callers get `extensions.code` (and `fields` for bad
 * input); REST callers get RFC 9457 `application/problem+json` with the same code.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(exception);
    const error = toPublicError(exception);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    void http
      .getResponse<FastifyReply>()
      .status(error.status)
      .header('content-type', 'application/problem+json')
      .send(problemDocument(error, request.id));
  }
}

export function problemDocument(error: ReturnType<typeof toPublicError>, requestId: string) {
  return {
    type: `urn:tessera:problem:${error.code.toLowerCase().replaceAll("_", "-")}`,
    title: error.code,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
    requestId,
  };
}

/** What a GraphQL caller sees of anything thrown in a resolver: the public error as `extensions.code` (and `fields`). */
export function toGraphQLError(exception: unknown): GraphQLError {
  const error = toPublicError(exception);
  return new GraphQLError(error.message, { extensions: { code: error.code, ...(error.fields.length > 0 ? { fields: error.fields } : {}) } });
}
