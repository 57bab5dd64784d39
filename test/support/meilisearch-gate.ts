import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy in front of a real Meilisearch that can hold its tasks "processing": while the gate is
 * closed, every task it reports as succeeded is reported as processing instead, so a test can
 * tell what an api sends while it waits for a task — deterministically, whatever the engine's
 * speed. It also records the ids of the documents sent to each index.
 */
export interface MeilisearchGate {
  url: string;
  close(): void;
  open(): void;
  /** Ids of the documents added so far (any index behind the proxy). */
  readonly sentIds: string[];
  stop(): Promise<void>;
}

export async function startMeilisearchGate(upstream: string): Promise<MeilisearchGate> {
  let closed = false;
  const sentIds: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      if (incoming.method === 'POST' && /^\/indexes\/[^/]+\/documents/.test(incoming.url ?? '') && !incoming.url!.includes('/delete')) {
        for (const document of JSON.parse(body.toString('utf8')) as { id: string }[]) sentIds.push(document.id);
      }
      const forwarded = request(new URL(incoming.url!, upstream), { method: incoming.method, headers: incoming.headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          let text = Buffer.concat(answerChunks).toString('utf8');
          if (closed && incoming.method === 'GET' && /^\/tasks\/\d+/.test(incoming.url ?? '')) text = text.replace('"status":"succeeded"', '"status":"processing"');
          outgoing.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/json', 'content-length': Buffer.byteLength(text) });
          outgoing.end(text);
        });
      });
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => (closed = true),
    open: () => (closed = false),
    sentIds,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the api's kept-alive ones
      }),
  };
}
