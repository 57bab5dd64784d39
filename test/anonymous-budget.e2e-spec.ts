import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The anonymous budget is one per client address, whichever public surface a request uses. Its
 * one-minute windows are read from the app's Clock, fixed here: a slow run cannot cross into the
 * next window between two requests.
 */
const NOW = new Date('2026-06-01T00:00:00Z');

describe('one anonymous budget across REST, GraphQL and search', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ rateLimitPerMinute: 4 }, { now: NOW });
  });
  afterAll(async () => {
    await app.close();
  });

  const rest = () => fetch(`${app.url}/trust/v1/issuers/VATES-A00000000`);
  const graphqlTrust = () =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ issuerTrust(input: {organisationIdentifier: "VATES-A00000000"}) { status } }' }),
    });
  const search = () =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchOpportunities(input: {query: "data"}) { totalHits } }' }),
    });

  it('charges every surface to the same budget, with RateLimit-* and Retry-After headers', async () => {
    const first = await rest();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('4');
    expect(first.headers.get('ratelimit-remaining')).toBe('3');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);

    expect((await graphqlTrust()).status).toBe(200);
    const searched = await search();
    expect(searched.status).toBe(200);
    expect(searched.headers.get('ratelimit-remaining')).toBe('1');
    expect((await rest()).status).toBe(200); // the fourth: the budget is spent

    const refusedRest = await rest();
    expect(refusedRest.status).toBe(429);
    expect(refusedRest.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refusedRest.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refusedRest.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refusedRest.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });

    for (const refused of [await graphqlTrust(), await search()]) {
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('meters every anonymous GraphQL operation and REST route, except /health', async () => {
    const budgeted = await startTestApp({ rateLimitPerMinute: 2 }, { now: NOW });
    try {
      const read = () =>
        fetch(`${budgeted.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ organisations(first: 1) { totalCount } }' }),
        });
      for (let i = 0; i < 3; i += 1) expect((await fetch(`${budgeted.url}/health`)).headers.get('ratelimit-limit')).toBeNull();
      expect((await read()).headers.get('ratelimit-remaining')).toBe('1');
      expect((await fetch(`${budgeted.url}/trust/v1/keys`)).headers.get('ratelimit-remaining')).toBe('0');
      const refused = (await (await read()).json()) as { errors: { extensions: { code: string } }[] };
      expect(refused.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      expect((await fetch(`${budgeted.url}/health`)).ok).toBe(true);
    } finally {
      await budgeted.close();
    }
  });

  it('does not charge or limit callers with a token', async () => {
    const withToken = await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000`, { headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('ratelimit-limit')).toBeNull();
    const searched = await app.graphql('{ searchOpportunities(input: {query: "data"}) { totalHits } }', {}, app.adminToken);
    expect(searched.errors).toBeUndefined();
  });

  it('authenticates the plain issuer-lookup route like every other: a bad token is 401 problem+json, not anonymous', async () => {
    const response = await fetch(`${app.url}/trust/v1/issuers/VATES-A00000000`, { headers: { authorization: 'Bearer not-a-key' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});
