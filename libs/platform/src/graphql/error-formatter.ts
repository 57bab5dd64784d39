import type { MercuriusContext } from 'mercurius';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { withoutInputValues } from './without-input-values.js';

/**
 * Gives every GraphQL error an `extensions.code`. Errors from resolvers already carry one (see
 * ErrorsFilter). Errors without one are either the request's fault — it did not parse, failed
 * validation, had variables of the wrong type, went too deep or cost too much — which is
 * BAD_USER_INPUT, or, when they happened while executing a field, an internal error whose
 * details stay in the log.
 *
 * This replaces Mercurius's default formatter rather than wrapping it: that one logs each error
 * with its message and stack, and graphql's request errors quote the input value — which may be a
 * credential. Request errors are rewritten without values (`withoutInputValues`) before they are
 * logged or answered.
 */
export function formatGraphQLErrors(execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>> & { statusCode?: number }, context: MercuriusContext) {
  const log = context.reply ? context.reply.log : context.app.log;
  const errors = execution.errors.flatMap((error): GraphQLFormattedError[] => {
    // Mercurius wraps the validation errors of one request in a single MER_ERR_GQL_VALIDATION error.
    const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
    const originals: unknown[] = Array.isArray(inner) ? inner : [error];
    return originals.map((original) => {
      const formatted = toFormatted(original);
      if (formatted.extensions?.code) return formatted;
      if (formatted.path) {
        // An execution error's details (not the request's input) are what an operator needs to fix it.
        log.error({ err: original }, 'unexpected GraphQL execution error');
        return { ...formatted, message: 'internal error', extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
      }
      return { ...formatted, message: withoutInputValues(formatted.message), extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    });
  });
  for (const error of errors) {
    if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR') log.info({ graphqlError: { code: error.extensions?.code, path: error.path } }, error.message);
  }
  return { statusCode: statusCodeOf(execution, errors.length), response: { data: execution.data ?? null, errors } };
}

function toFormatted(error: unknown): GraphQLFormattedError {
  if (error instanceof GraphQLError) return error.toJSON();
  const e = error as { message?: string; locations?: GraphQLFormattedError['locations']; path?: GraphQLFormattedError['path']; extensions?: GraphQLFormattedError['extensions'] };
  return { message: String(e.message ?? 'error'), ...(e.locations ? { locations: e.locations } : {}), ...(e.path ? { path: e.path } : {}), ...(e.extensions ? { extensions: e.extensions } : {}) };
}

/** As Mercurius's default formatter: 200 with data; else the execution's status; else a single error's own (400 for validation); else 200. */
function statusCodeOf(execution: ExecutionResult & { statusCode?: number }, answered: number): number {
  if (execution.data) return 200;
  if (execution.statusCode !== undefined) return execution.statusCode || 200;
  const status = answered === 1 ? (execution.errors?.[0]?.originalError as { statusCode?: unknown } | undefined)?.statusCode : undefined;
  return typeof status === 'number' ? status : 200;
}
