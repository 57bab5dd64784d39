import { startTestApp, type TestApp } from './support/test-app.js';

describe('the api platform over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports both engines up on /health, with the index lag', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', postgres: 'up', meilisearch: 'up', indexLagSeconds: 0 });
  });

  it('reports the age of the oldest pending outbox row as the index lag', async () => {
    const pg = (await import('pg')).default;
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    await db.query(
      // Not due for another minute, so the running indexer leaves it pending while we read the lag.
      `INSERT INTO search_outbox (topic, aggregate_id, created_at, next_attempt_at) VALUES ('opportunity', gen_random_uuid(), now() - interval '42 seconds', now() + interval '1 minute')`,
    );
    try {
      const report = (await (await fetch(`${app.url}/health`)).json()) as { indexLagSeconds: number };
      expect(report.indexLagSeconds).toBeGreaterThanOrEqual(42);
      expect(report.indexLagSeconds).toBeLessThan(60);
    } finally {
      await db.query('DELETE FROM search_outbox');
      await db.end();
    }
  });

  it('answers GraphQL on /graphql', async () => {
    const result = await app.graphql('{ __typename health { status postgres meilisearch } }');
    expect(result).toEqual({
      status: 200,
      data: { __typename: 'Query', health: { status: 'ok', postgres: 'up', meilisearch: 'up' } },
    });
  });

  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const echoed = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'client-chosen-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-chosen-42');
    const replaced = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'bad id\twith tabs' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown REST route with problem+json', async () => {
    const response = await fetch(`${app.url}/trust/v1/nothing-here`, { headers: { 'x-request-id': 'req-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', requestId: 'req-1' });
  });

  it('answers what Fastify refuses before any route runs with problem+json', async () => {
    const post = (body: string, type: string) => fetch(`${app.url}/trust/v1/decisions`, { method: 'POST', headers: { 'content-type': type, 'x-request-id': 'req-2' }, body });
    for (const [response, status] of [
      [await post('{not json', 'application/json'), 400],
      [await post('x'.repeat(1024 * 1024 + 1), 'application/json'), 413],
      [await post('<a/>', 'application/xml'), 415],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status, requestId: 'req-2' });
    }
  });

  it('refuses a body over the size limit with 413 before parsing it', async () => {
    const huge = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1024 * 1024 + 1) } });
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(response.status).toBe(413);
  });

  it('lets only the file-import mutations send more than the default, and only with a key', async () => {
    const padded = (query: string) => JSON.stringify({ query, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const post = (body: string, authorization?: string) =>
      fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
    const importing = 'mutation ($pad: String) { importElm(input: { document: $pad }) { __typename } }';
    expect((await post(padded(importing))).status).toBe(413);
    expect((await post(padded('query ($pad: String) { __typename }'), 'Bearer some-key')).status).toBe(413);
    expect((await post(padded(`mutation ($pad: String) { importElm(input: { document: $pad }) { __typename } other: revokeIssuerDid(input: { id: "x" }) { id } }`), 'Bearer some-key')).status).toBe(413);
    expect((await post(padded(importing), 'Bearer some-key')).status).not.toBe(413);
  });

  it('counts an anonymous body sent without a length and refuses it past the default', async () => {
    const chunks = [JSON.stringify({ query: '{ __typename }', variables: { pad: '' } }).slice(0, -3), 'x'.repeat(1024 * 1024 + 1), '"}}'];
    const body = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('gives every GraphQL request error the code BAD_USER_INPUT', async () => {
    const unknownField = await app.graphql('{ noSuchField }');
    expect(unknownField.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unparsable = await app.graphql('{ health { ');
    expect(unparsable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested deeper than the limit', async () => {
    // No lists, so the cost stays tiny: only the depth (12 levels) is over its limit.
    const deep = `{ __type(name: "Query") { ${'ofType { '.repeat(11)}name${' }'.repeat(11)} } }`;
    const result = await app.graphql(deep);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses queries that cost more than the limit', async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `f${i}: __typename`).join(' ');
    const costly = `{ __schema { types { fields(includeDeprecated: true) { ${fields} } } } }`;
    // types and fields are lists of assumed size 10 each: 60 fields * 10 * 10 > 5000
    const result = await app.graphql(costly);
    expect(result.errors?.[0].message).toMatch(/too complex/);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
