import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startEmbeddedPostgres } from '#platform';
import { ApiProcess, processClient } from './support/api-process.js';
import { testEngines } from './support/engines.js';
import { registerOrganisation, uniqueLegalIdentifier } from './support/registry-fixtures.js';
import type { TestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An external PostgreSQL (one the api does not supervise) stopped by its operator and started again
 * on the same address, under two running api processes: while it is away every request that needs
 * it answers SERVICE_UNAVAILABLE / 503 within seconds, trust answers keep coming from memory, and
 * afterwards both instances recover without a restart — the second one's trust index included
 * (its LISTEN connection comes back), so a change made through the first reaches its answers.
 */
describe('an external PostgreSQL stopped and started again under two api instances', () => {
  let dataDir: string;
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let port: number;
  const apis: { process: ApiProcess; url: string; app: TestApp }[] = [];
  const adminToken = randomBytes(24).toString('hex');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-outage-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
    port = await findFreePort();
    postgres = await startEmbeddedPostgres(dataDir, () => undefined, port, 'throwaway');
    const engines = testEngines();
    for (const name of ['a', 'b']) {
      const apiPort = await findFreePort();
      const own = join(dataDir, name);
      mkdirSync(own);
      const process = ApiProcess.start({
        PORT: String(apiPort),
        DATA_DIR: own,
        DATABASE_URL: postgres.url,
        MEILI_URL: engines.meiliUrl,
        ...(engines.meiliMasterKey ? { MEILI_MASTER_KEY: engines.meiliMasterKey } : {}),
        MEILI_INDEX_PREFIX: `outage_${randomBytes(4).toString('hex')}_`,
        TESSERA_ADMIN_TOKEN: adminToken,
        TESSERA_RATE_LIMIT: 'off',
      });
      const url = `http://127.0.0.1:${apiPort}`;
      // The first instance migrates; the second waits for it.
      await process.waitUntilHealthy(url, 120_000);
      apis.push({ process, url, app: processClient(url, adminToken) });
    }
  }, 300_000);

  afterAll(async () => {
    for (const { process } of apis) {
      process.child.kill('SIGTERM');
      await process.exited;
    }
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const trustStatus = async (url: string, identifier: string) => {
    const response = await fetch(`${url}/trust/v1/issuers/${encodeURIComponent(identifier)}`);
    return { http: response.status, status: ((await response.json()) as { status?: string }).status };
  };

  /** B's answer for an organisation registered through A, once B's index holds it (or after 10 s). */
  const untilOnB = async (identifier: string) => {
    const deadline = Date.now() + 10_000;
    let answer = await trustStatus(apis[1].url, identifier);
    while (answer.status !== 'NOT_TRUSTED' && Date.now() < deadline) {
      await sleep(100);
      answer = await trustStatus(apis[1].url, identifier);
    }
    return answer;
  };

  it('answers SERVICE_UNAVAILABLE while it is stopped and recovers on both instances, trust index included', async () => {
    const [a, b] = apis;
    const known = await registerOrganisation(a.app, 'PROVIDER');
    await untilOnB(known.legalIdentifier);
    await postgres.stop();

    const codes = new Set<string>();
    let slowest = 0;
    for (let round = 0; round < 5; round += 1) {
      const started = Date.now();
      const [read, write, health, trust] = await Promise.all([
        a.app.graphql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: known.id }),
        b.app.graphql(`mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`, {
          input: { kind: 'PROVIDER', legalName: 'written during the outage', country: 'FI', legalIdentifier: uniqueLegalIdentifier('FI') },
        }, adminToken),
        fetch(`${a.url}/health`),
        trustStatus(b.url, known.legalIdentifier),
      ]);
      slowest = Math.max(slowest, Date.now() - started);
      for (const result of [read, write]) {
        expect(result.data?.organisation ?? result.data?.registerOrganisation ?? null).toBeNull();
        for (const error of result.errors ?? []) codes.add(error.extensions?.code ?? 'none');
      }
      expect(health.status).toBe(503);
      expect(((await health.json()) as { postgres: string }).postgres).toBe('down');
      // Trust answers come from memory, at the state the index last held.
      expect(trust).toEqual({ http: 200, status: 'NOT_TRUSTED' });
      await sleep(200);
    }
    expect([...codes]).toEqual(['SERVICE_UNAVAILABLE']);
    // "Within a second or two" (pool timeout 2 s); bounded generously for a loaded machine.
    expect(slowest).toBeLessThan(10_000);

    postgres = await startEmbeddedPostgres(dataDir, () => undefined, port, 'throwaway');
    for (const { process, url } of apis) await process.waitUntilHealthy(url, 60_000);

    // A change through A reaches B's trust answers: B's index listens (or polls) again.
    const added = await registerOrganisation(a.app, 'PROVIDER');
    expect(await trustStatus(a.url, added.legalIdentifier)).toEqual({ http: 200, status: 'NOT_TRUSTED' });
    expect(await untilOnB(added.legalIdentifier)).toEqual({ http: 200, status: 'NOT_TRUSTED' });
    const read = await b.app.graphql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: added.id });
    expect(read.data?.organisation?.id).toBe(added.id);
  }, 180_000);
});
