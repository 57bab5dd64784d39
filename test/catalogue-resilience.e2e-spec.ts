import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMeilisearch } from '#platform';
import { findFreePort } from '#platform';
import pg from 'pg';
import { ARCHIVE_OPPORTUNITY, createPublished, eventuallyFinds, search, SEARCH_CATCH_UP_MS, searchRaw, UPDATE_OPPORTUNITY } from './support/catalogue-fixtures.js';
import { agencyAndProvider, dataOf } from './support/registry-fixtures.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

type RunningMeilisearch = Awaited<ReturnType<typeof startEmbeddedMeilisearch>>;

/**
 * DESIGN §6: with Meilisearch gone, writes still succeed and search says SERVICE_UNAVAILABLE;
 * once it is back, the index catches up by itself and no write is lost. This file stops a
 * Meilisearch of its own (the shared one serves the other files), on a fixed port so that the
 * restarted engine is found at the same address.
 */
describe('catalogue search while Meilisearch is away', () => {
  let dataDir: string;
  let port: number;
  let meilisearch: RunningMeilisearch;
  let app: TestApp;
  const start = () => startEmbeddedMeilisearch({ dataDir, port, log: () => undefined });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-meili-outage-'));
    chmodSync(dataDir, 0o755);
    port = await findFreePort();
    meilisearch = await start();
    app = await startTestApp({}, { meilisearch: { url: meilisearch.url, masterKey: meilisearch.masterKey } });
  });
  afterAll(async () => {
    await app?.close();
    await meilisearch?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const health = async () => (await (await fetch(`${app.url}/health`)).json()) as { status: string; meilisearch: string; indexLagSeconds: number };

  it('accepts writes, answers SERVICE_UNAVAILABLE quickly, and catches up by itself once Meilisearch is back', async () => {
    const { provider, providerToken } = await agencyAndProvider(app);
    const mine = { filters: { providerIds: [provider.id] } };
    const kept = await createPublished(app, providerToken, { title: [{ lang: 'en', text: 'Bookkeeping before the outage' }] });
    const doomed = await createPublished(app, providerToken, { title: [{ lang: 'en', text: 'Marketing before the outage' }] });
    await eventuallyFinds(app, mine, [kept.id, doomed.id], SEARCH_CATCH_UP_MS);

    await meilisearch.stop();

    // A stopped engine refuses the connection at once. The bound only says that the search gives
    // up rather than wait for Meilisearch to come back; it is generous (the client's own timeout
    // is 5 s) because a loaded machine is slow, not wrong.
    const asked = Date.now();
    const refused = await searchRaw(app, mine);
    expect(Date.now() - asked).toBeLessThan(20_000);
    expect(refused.status).toBe(200);
    expect(refused.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.data ?? null).toBeNull();

    // Writes during the outage: a new publication, an edit and an archiving.
    const added = await createPublished(app, providerToken, { title: [{ lang: 'en', text: 'Payroll written during the outage' }] });
    dataOf(
      await app.graphql(
        UPDATE_OPPORTUNITY,
        { input: { id: kept.id, version: kept.version, title: [{ lang: 'en', text: 'Bookkeeping edited during the outage' }] } },
        providerToken,
      ),
    );
    dataOf(await app.graphql(ARCHIVE_OPPORTUNITY, { input: { id: doomed.id, version: doomed.version } }, providerToken));

    const degraded = await eventually(async () => {
      const report = await health();
      return report.indexLagSeconds > 0 ? report : undefined;
    });
    expect(degraded).toMatchObject({ status: 'degraded', meilisearch: 'down' });
    // Let the indexer fail a few times, so that its back-off grows.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    meilisearch = await start();

    await eventuallyFinds(app, mine, [kept.id, added.id], SEARCH_CATCH_UP_MS).catch(async (error: Error) => {
      throw new Error(`${error.message}; the indexer's pending rows: ${JSON.stringify(await pendingOutbox())}; health: ${JSON.stringify(await health())}`);
    });
    expect((await search(app, { query: 'edited', ...mine })).hits.map((h) => h.opportunity.id)).toEqual([kept.id]);
    // The archived one is gone from the index itself, not only hidden by the read from PostgreSQL.
    await eventually(async () => ((await search(app, { query: 'marketing', ...mine })).totalHits === 0 ? true : undefined));
    const recovered = await eventually(async () => {
      const report = await health();
      return report.indexLagSeconds === 0 ? report : undefined;
    });
    expect(recovered).toMatchObject({ status: 'ok', meilisearch: 'up' });
  }, 60_000 + 2 * SEARCH_CATCH_UP_MS);

  /** What a failed catch-up left behind, for the failure message. */
  async function pendingOutbox(): Promise<unknown[]> {
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      return (await client.query(`SELECT id, topic, attempts, last_error, next_attempt_at, now() AS now FROM search_outbox WHERE processed_at IS NULL ORDER BY id`)).rows;
    } finally {
      await client.end();
    }
  }
});
