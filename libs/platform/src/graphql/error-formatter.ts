import mercurius, { type MercuriusContext } from 'mercurius';
import type { ExecutionResult } from 'graphql';

/**
 * Gives every GraphQL error an `extensions.code`. Errors from resolvers already carry one (see
 * ErrorsFilter). Errors without one are either the request's fault — it did not parse, failed
 * validation, had variables of the wrong type, went too deep or cost too much — which is
 * BAD_USER_INPUT, or, when they happened while executing a field, an internal error whose
 * details stay in the log.
 */
export function formatGraphQLErrors(execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>, context: MercuriusContext) {
  const formatted = mercurius.defaultErrorFormatter(execution, context);
  const errors = (formatted.response.errors ?? []).map((error) => {
    if (error.extensions?.code) return error;
    if (error.path) {
      context.reply.log.error({ err: error }, 'unexpected GraphQL execution error');
      return { ...error, message: 'internal error', extensions: { ...error.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    }
    return { ...error, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } };
  });
  return { statusCode: formatted.statusCode, response: { ...formatted.response, errors } };
}
