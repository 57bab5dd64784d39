import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch } from 'meilisearch';
import { meilisearchAnswer, meilisearchHttpClient } from './meilisearch.client.js';
import { isIndexNotFound, isMeilisearchUnavailable } from './opportunities/opportunity-index.js';

/** A server that answers every request with `handle`; the client talks to it through our httpClient. */
async function serving(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<{ client: Meilisearch; server: Server }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handle(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: 'key', timeout: 300, httpClient: meilisearchHttpClient(new Agent({ keepAlive: true })) });
  return { client, server };
}

describe('the Meilisearch client over node:http', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve).closeAllConnections());
  });
  const start = async (handle: Parameters<typeof serving>[0]) => {
    const { client, server } = await serving(handle);
    servers.push(server);
    return client;
  };

  it('sends the request as the client builds it and answers the parsed JSON', async () => {
    let seen: { method?: string; url?: string; authorization?: string; body?: string } = {};
    const client = await start((request, body, response) => {
      seen = { method: request.method, url: request.url, authorization: request.headers.authorization, body };
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"hits":[{"id":"a"}],"processingTimeMs":1}');
    });
    const result = await client.index('opportunities').search('welding', { limit: 1 });
    expect(result.hits).toEqual([{ id: 'a' }]);
    expect(seen).toEqual({ method: 'POST', url: '/indexes/opportunities/search', authorization: 'Bearer key', body: '{"q":"welding","limit":1}' });
  });

  it("keeps Meilisearch's refusals apart from its absence", async () => {
    const missing = await start((_request, _body, response) =>
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Index `x` not found.","code":"index_not_found","type":"invalid_request"}'),
    );
    const refused = await missing.index('x').search('a').catch((error: unknown) => error);
    expect(isIndexNotFound(refused)).toBe(true);
    expect(isMeilisearchUnavailable(refused)).toBe(false);
    expect(meilisearchAnswer(refused)?.response.status).toBe(404);

    const broken = await start((_request, _body, response) => response.writeHead(503).end(''));
    expect(isMeilisearchUnavailable(await broken.index('x').search('a').catch((error: unknown) => error))).toBe(true);

    const unreachable = new Meilisearch({ host: 'http://127.0.0.1:9', httpClient: meilisearchHttpClient(new Agent()) });
    const away = await unreachable.index('x').search('a').catch((error: unknown) => error);
    expect(isMeilisearchUnavailable(away)).toBe(true);
    expect(isIndexNotFound(away)).toBe(false);
  });

  it("gives up at the client's timeout when Meilisearch does not answer", async () => {
    const hanging = await start(() => undefined);
    const error = await hanging.index('x').search('a').catch((failure: unknown) => failure);
    expect(isMeilisearchUnavailable(error)).toBe(true);
    expect(String((error as Error).cause)).toMatch(/timed out after 300ms/);
  });
});
