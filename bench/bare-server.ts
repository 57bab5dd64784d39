import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * The baseline: bare Fastify answering one route with a fixed body of the same size as the api's
 * answer. Whatever the api does beyond this is what its ratio measures.
 * Usage: node dist/bench/bare-server.js <port> <body-file>
 */
const [port, bodyFile] = process.argv.slice(2);
const body = readFileSync(bodyFile, 'utf8');
const app = Fastify({ logger: false });
app.get('/baseline', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
app.post('/baseline', async (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
app.listen({ port: Number(port), host: '127.0.0.1' }).then(
  () => process.stdout.write('ready\n'),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
