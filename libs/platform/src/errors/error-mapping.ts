import { HttpException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorCode, type FieldProblem, HTTP_STATUS } from './domain-error.js';

/** What a caller is told about a failure, whichever API it came through. */
export interface PublicError {
  code: ErrorCode;
  status: number;
  message: string;
  fields: FieldProblem[];
}

const logger = new Logger('Errors');

/**
 * Turns anything thrown while serving a request into what the caller may see. Domain errors pass
 * through; framework errors keep their 4xx meaning; a unique-constraint violation is a CONFLICT;
 * anything else is logged and answered as an internal error without its details.
 */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof DomainError) {
    return { code: error.code, status: HTTP_STATUS[error.code], message: error.message, fields: error.fields };
  }
  if (error instanceof HttpException) {
    return fromHttpStatus(error.getStatus(), error.message);
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ msg: 'database unavailable', err: serialise(error) });
    return { code: 'SERVICE_UNAVAILABLE', status: 503, message: 'the database is unavailable right now; retry shortly', fields: [] };
  }
  if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
    return { code: 'CONFLICT', status: 409, message: 'a record with the same unique value already exists', fields: [] };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return fromHttpStatus(status, (error as Error).message);
  }
  logger.error({ msg: 'unexpected error', err: serialise(error) });
  return { code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'internal error', fields: [] };
}

/** Socket-level failures to reach PostgreSQL (Node's errno codes). */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is tested by prefix. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/** What `pg` and its pool say when the server went away or no connection could be had in time. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

/**
 * True when the error says PostgreSQL cannot be reached right now (refused, reset, terminated,
 * shutting down, pool timeout), as opposed to a query that failed on its own. TypeORM wraps driver
 * errors (`QueryFailedError.driverError`) and some arrive as `AggregateError`s, so causes are followed.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return true;
  const nested = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

function fromHttpStatus(status: number, message: string): PublicError {
  const code: ErrorCode =
    status === 401 ? 'UNAUTHENTICATED'
    : status === 403 ? 'FORBIDDEN'
    : status === 404 ? 'NOT_FOUND'
    : status === 409 ? 'CONFLICT'
    : status === 429 ? 'TOO_MANY_REQUESTS'
    : status === 503 ? 'SERVICE_UNAVAILABLE'
    : status < 500 ? 'BAD_USER_INPUT'
    : 'INTERNAL_SERVER_ERROR';
  return { code, status, message: status < 500 ? message : 'internal error', fields: [] };
}

function serialise(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
}
