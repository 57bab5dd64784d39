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
