import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '#platform';
import { ApiProcess, processClient } from './support/api-process.js';
import { createPublished, searchIds } from './support/catalogue-fixtures.js';
import { createApiKey, registerOrganisation } from './support/registry-fixtures.js';
import type { TestApp } from './support/test-app.js';



const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The api as an operator runs it (its own process, embedded engines in its own DATA_DIR), with each
 * engine SIGKILLed underneath it: the api restarts it on the same port, /health says `restarting`
 * meanwhile, requests that need PostgreSQL answer SERVICE_UNAVAILABLE (never an internal error),
 * and the data written meanwhile reaches search by itself.
 */
describe('embedded engines killed under a running api', () => {
  let dataDir: string;
  let api: ApiProcess;
  let url: string;
  let app: TestApp;
  const adminToken = randomBytes(24).toString('hex');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-supervision-'));
    chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as another user when we are root
    const port = await findFreePort();
    url = `http://127.0.0.1:${port}`;
    api = ApiProcess.start({ PORT: String(port), DATA_DIR: dataDir, TESSERA_ADMIN_TOKEN: adminToken, TESSERA_RATE_LIMIT: 'off', LOG_LEVEL: 'info' });
    await api.waitUntilHealthy(url, 120_000);
    app = processClient(url, adminToken);
  }, 150_000);

  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const health = async () => {
    const response = await fetch(`${url}/health`);
    return { http: response.status, ...((await response.json()) as { status: string; postgres: string; meilisearch: string }) };
  };
  const healthyAgain = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await health().catch(() => undefined))?.status === 'ok') return;
      await sleep(100);
    }
    throw new Error(`not healthy again within ${timeoutMs} ms:\n${api.stdout.slice(-4000)}`);
  };

  const logged = async (text: string) => {
    const deadline = Date.now() + 10_000;
    while (!api.stdout.includes(text) && Date.now() < deadline) await sleep(50);
    expect(api.stdout).toContain(text);
  };

  it('restarts a SIGKILLed Meilisearch, and writes made meanwhile become searchable', async () => {
    const provider = await registerOrganisation(app, 'PROVIDER');
    const token = await createApiKey(app, 'PROVIDER', provider.id);
    const before = await createPublished(app, token, { providerId: provider.id });

    const pid = Number(readFileSync(join(dataDir, 'meilisearch', 'meilisearch.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    const during = [];
    for (let i = 0; i < 3; i++) during.push(await createPublished(app, token, { providerId: provider.id }));
    const seen = new Set<string>();
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const report = await health();
      seen.add(report.status);
      expect(report.http).toBe(200); // PostgreSQL is up: writes are served
      if (report.status === 'ok' && seen.has('restarting')) break;
      await sleep(50);
    }
    expect(seen).toContain('restarting');
    expect(api.stdout).toContain('meilisearch exited unexpectedly; restarting it on port');
    await logged('meilisearch is back on port');

    const wanted = [before, ...during].map((o) => o.id).sort();
    let found: string[] = [];
    const catchUp = Date.now() + 30_000;
    while (Date.now() < catchUp) {
      found = (await searchIds(app, { filters: { providerIds: [provider.id] } })).sort();
      if (found.length === wanted.length) break;
      await sleep(200);
    }
    expect(found).toEqual(wanted);
  }, 120_000);

  it('restarts a SIGKILLed PostgreSQL; meanwhile requests answer SERVICE_UNAVAILABLE / 503, never an internal error', async () => {
    const provider = await registerOrganisation(app, 'PROVIDER');
    const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');

    const codes = new Set<string>();
    const statuses = new Set<string>();
    let slowest = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const started = Date.now();
      const [read, write, rest, report] = await Promise.all([
        app.graphql(`query($id: ID!) { organisation(id: $id) { id legalName } }`, { id: provider.id }),
        app.graphql(`mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`, {
          input: { kind: 'PROVIDER', legalName: `during outage ${randomBytes(4).toString('hex')}`, country: 'FI', legalIdentifier: `FI${Date.now() % 1e7}`.padEnd(10, '1').slice(0, 10) },
        }, adminToken),
        fetch(`${url}/trust/v1/issuers/${encodeURIComponent(provider.legalIdentifier)}`),
        health(),
      ]);
      slowest = Math.max(slowest, Date.now() - started);
      for (const result of [read, write]) for (const error of result.errors ?? []) codes.add(error.extensions?.code ?? 'none');
      statuses.add(report.status);
      // Trust answers come from memory while the database is away.
      expect(rest.status).toBe(200);
      if (report.status === 'ok' && read.data?.organisation?.id === provider.id && statuses.size > 1) break;
      if (report.status !== 'ok') expect(report.http).toBe(503);
      await sleep(50);
    }
    expect([...statuses]).toContain('restarting');
    codes.delete('BAD_USER_INPUT'); // a generated identifier the validation refuses is not what this test is about
    expect([...codes].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    // No request waits for PostgreSQL to come back (the pool gives up after 2 s); bounded generously
    // for a loaded machine, where a round of four requests is slow, not wrong.
    expect(slowest).toBeLessThan(10_000);
    process.stdout.write(`PostgreSQL outage: health ${[...statuses].join(', ')}; error codes ${[...codes].join(', ') || 'none'}; slowest round ${slowest} ms\n`);
    expect(api.stdout).toContain('postgres exited unexpectedly; restarting it on port');
    await logged('postgres is back on port');

    await healthyAgain(30_000);
    const after = await registerOrganisation(app, 'PROVIDER');
    const read = await app.graphql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: after.id });
    expect(read.data?.organisation?.id).toBe(after.id);
  }, 120_000);
});
