import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where `npm run build` puts the web app (apps/web, bundled by Vite): dist/web. The compiled api
 * runs from dist/apps/api/src, the end-to-end tests run this file from apps/api/src; each finds
 * the same folder.
 */
const CANDIDATES = [new URL('../../../web/', import.meta.url), new URL('../../../dist/web/', import.meta.url)].map((url) => fileURLToPath(url));

export function webAssetsDir(): string | undefined {
  return CANDIDATES.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Paths the api itself answers; an unknown one below them is the api's 404, not the web app. */
const API_PATHS = /^\/(graphql|trust|health)(\/|$)/;
/** A path whose last segment has a dot asks for a file (favicon.ico, robots.txt), not a page. */
const FILE_LIKE = /\.[^/]*$/;

/**
 * The page may load only what the api itself serves and talk only to it: the app's own scripts
 * and styles, data: images (the favicon), /graphql and /trust/v1.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the web app at /: hashed assets under /assets/ with a year's cache (their names change
 * when they do) and pre-compressed copies where the browser takes them; index.html, never cached,
 * for every other page address so that links into the app (/courses/…, /verify) open it.
 * Without a build the api still starts, and / says what to do.
 */
export async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const root = webAssetsDir();
  if (!root) {
    fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app has not been built. Run `npm run build` (`npm start` does) and start the api again. GraphQL is at /graphql.\n'),
    );
    return;
  }
  const indexFile = join(root, 'index.html');
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    // Mercurius registers this plugin too; a second reply.sendFile decoration would clash.
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
    preCompressed: true,
  });
  // Read at each page load (a small file): after a rebuild it names the new assets at once.
  const sendIndex = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(readFileSync(indexFile));
  fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) => sendIndex(reply));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0];
    if (API_PATHS.test(path) || FILE_LIKE.test(path)) return reply.callNotFound();
    return sendIndex(reply);
  });
}
