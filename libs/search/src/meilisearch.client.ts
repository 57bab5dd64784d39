import { Agent, request } from 'node:http';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';

export interface MeilisearchConnection {
  url: string;
  masterKey?: string;
  /** Prefix of every index name (MEILI_INDEX_PREFIX). */
  indexPrefix: string;
}

/**
 * The Meilisearch client. Its requests go through `node:http` on kept-alive connections
 * (`meilisearchHttpClient`), not Node's fetch. Fetch asks for compressed responses by default,
 * which measured ~10x slower per search against Meilisearch 1.21 than `identity` (DESIGN §1), so
 * the header stays.
 */
export function createMeilisearchClient(connection: MeilisearchConnection): Meilisearch {
  return new Meilisearch({
    host: connection.url,
    apiKey: connection.masterKey,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
    timeout: 5_000,
    httpClient: meilisearchHttpClient(new Agent({ keepAlive: true })),
  });
}

/**
 * Meilisearch's refusal (4xx, 5xx) when `error` is one. The client wraps whatever an `httpClient`
 * throws in a `MeilisearchRequestError`, also the `MeilisearchApiError` that ours throws for an
 * answer other than 2xx: it is unwrapped here, so that "Meilisearch answered" and "Meilisearch
 * could not be reached" stay apart.
 */
export function meilisearchAnswer(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}

/**
 * The client's `httpClient`: one request, its JSON answer parsed; a status other than 2xx is the
 * `MeilisearchApiError` the client raises itself (wrapped by it, see `meilisearchAnswer`). Fetch's web streams cost the api about
 * 0.4 ms of CPU per search on this machine (1.2 against 0.75 ms for a search of 20 whole
 * documents, 10 at a time; docs/search.md). The client's timeout arrives as `init.signal`, whose
 * reason it recognises; a network failure becomes its `MeilisearchRequestError`.
 */
export function meilisearchHttpClient(agent: Agent) {
  // The client always passes a URL and an init; the type is fetch's.
  return (url: string | URL | Request, init: RequestInit = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
      // Every request of ours sends JSON or NDJSON as a string; any other body would be dropped unseen.
      if (init.body != null && typeof init.body !== 'string') {
        reject(new MeilisearchRequestError(String(url), new TypeError('meilisearchHttpClient sends string bodies only')));
        return;
      }
      const body = init.body ?? undefined;
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const signal = init.signal ?? undefined;
      const outgoing = request(url instanceof Request ? url.url : url, { method: init.method, headers, agent, signal }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (error) {
            if (status >= 200 && status < 300) return reject(error);
          }
          if (status >= 200 && status < 300) return resolve(parsed);
          const answer = new Response(text, { status, statusText: response.statusMessage ?? '' });
          reject(new MeilisearchApiError(answer, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
        });
      });
      outgoing.on('error', (error) => reject(signal?.aborted ? signal.reason : error));
      outgoing.end(body);
    });
}
