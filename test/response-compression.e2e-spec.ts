import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { agencyAndProvider } from './support/registry-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A response as sent, not decoded (fetch would decompress it and hide what came over the wire). */
interface RawResponse {
  status: number;
  encoding: string | undefined;
  body: Buffer;
}

function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('response compression', () => {
  let app: TestApp;
  let identifier: string;
  beforeAll(async () => {
    app = await startTestApp();
    identifier = (await agencyAndProvider(app)).provider.legalIdentifier;
  });
  afterAll(() => app.close());

  // Large enough to be compressed (over 1 KB), on the GraphQL route Mercurius serves.
  const introspection = JSON.stringify({ query: '{ __schema { types { name kind } } }' });
  const graphql = (headers: Record<string, string>) =>
    raw(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: introspection });

  it('gzips a GraphQL answer for a client that accepts gzip, and sends it plain to one that does not ask', async () => {
    const plain = await graphql({});
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const gzipped = await graphql({ 'accept-encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.encoding).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(gunzipSync(gzipped.body).toString())).toEqual(JSON.parse(plain.body.toString()));
  });

  it('gzips the plain Fastify trust lookup as well', async () => {
    const url = `${app.url}/trust/v1/issuers/${encodeURIComponent(identifier)}`;
    const plain = await raw(url);
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const gzipped = await raw(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.status).toBe(200);
    expect(gzipped.encoding).toBe('gzip');
    const answer = JSON.parse(gunzipSync(gzipped.body).toString());
    expect(answer).toEqual(expect.objectContaining({ status: JSON.parse(plain.body.toString()).status, receipt: expect.any(String) }));
  });

  it('leaves a client that asks for identity uncompressed', async () => {
    const identity = await graphql({ 'accept-encoding': 'identity' });
    expect(identity.encoding).toBeUndefined();
    expect(JSON.parse(identity.body.toString()).data.__schema.types.length).toBeGreaterThan(10);
  });
});
