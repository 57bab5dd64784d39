/**
 * The one way the app talks to the api: same-origin POST /graphql (and POST /trust/v1/decisions
 * in ./trust.ts). Errors become an ApiError with the api's code, so pages can say what went wrong.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The api's code (BAD_USER_INPUT, SERVICE_UNAVAILABLE, TOO_MANY_REQUESTS, …) or NETWORK. */
    readonly code: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
}

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The service cannot be reached.', 'NETWORK');
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`The service answered ${response.status}.`, response.status === 429 ? 'TOO_MANY_REQUESTS' : 'NETWORK');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.extensions?.fields ?? []);
  if (!body.data) throw new ApiError('The service gave no answer.', 'INTERNAL_SERVER_ERROR');
  return body.data;
}

/** True for the rejection of a request that was cancelled because a newer one replaced it. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
