import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createMeilisearchClient, type OpportunityDocument, OpportunityIndex, opportunityIndexName, rebuildIndex, SearchDocumentSource, windowFields } from '#search';
import { createOpportunity, createPublished, eventuallyFinds, publishOpportunity, search, UPDATE_OPPORTUNITY } from './support/catalogue-fixtures.js';
import { runCli } from './support/cli-process.js';
import { testEngines } from './support/engines.js';
import { agencyAndProvider, dataOf } from './support/registry-fixtures.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Waits for the indexer are generous: the run's one Meilisearch also takes the demo template and
 * the browser files' copies of it at the start of the run, where jest puts a file that failed last
 * time, and 10 s ran out there (load 5-9). Eventual consistency, not a speed target.
 */
const INDEXED_WITHIN_MS = 40_000;
/** Room for those waits and a CLI process on a busy machine (jest's default is a minute). */
const TEST_TIMEOUT_MS = 150_000;

describe('cli reindex: the index rebuilt from PostgreSQL', () => {
  let app: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    app = await startTestApp();
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-reindex-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings back missing documents, drops stale ones, and reports its progress', async () => {
    const { provider, providerToken } = await agencyAndProvider(app);
    const mine = { filters: { providerIds: [provider.id] } };
    const courses = await Promise.all([1, 2, 3].map(() => createPublished(app, providerToken)));
    await eventuallyFinds(app, mine, courses.map((c) => c.id), INDEXED_WITHIN_MS);

    // The index drifts from PostgreSQL: one document lost, one that belongs to nothing.
    const engines = testEngines();
    const meili = createMeilisearchClient({ url: engines.meiliUrl, masterKey: engines.meiliMasterKey, indexPrefix: '' });
    const index = meili.index(opportunityIndexName(app.config.meiliIndexPrefix));
    await index.deleteDocument(courses[0].id).waitTask();
    await index.addDocuments([{ id: randomUUID(), providerId: provider.id, title_en: 'Stale', ...windowFields([]) }]).waitTask();
    expect((await search(app, mine)).totalHits).toBe(3);

    const result = await runCli(app, ['reindex'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/indexed 3\/3 \(\d+\/s\)/);
    expect(result.stdout).toMatch(/Rebuilt .*opportunities: 3 opportunities/);

    const after = await search(app, mine);
    expect(after.totalHits).toBe(3);
    expect(after.hits.map((h) => h.opportunity.id).sort()).toEqual(courses.map((c) => c.id).sort());
    const { results } = await meili.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(app.config.meiliIndexPrefix))).toEqual([index.uid]);

    // The indexer goes on into the rebuilt index.
    const later = await createPublished(app, providerToken);
    await eventually(async () => ((await search(app, mine)).totalHits === 4 ? true : undefined), INDEXED_WITHIN_MS);
    expect((await search(app, mine)).hits.map((h) => h.opportunity.id)).toContain(later.id);
  }, TEST_TIMEOUT_MS);

  it('makes a change published during a rebuild searchable at once, and keeps it across the swap', async () => {
    const { provider, providerToken } = await agencyAndProvider(app);
    const mine = { filters: { providerIds: [provider.id] } };
    const before = await createPublished(app, providerToken, { title: [{ lang: 'en', text: 'Welding before the rebuild' }] });
    const draft = await createOpportunity(app, providerToken, { title: [{ lang: 'en', text: 'Welding during the rebuild' }] });
    await eventuallyFinds(app, mine, [before.id], INDEXED_WITHIN_MS);

    // A rebuild that has read every document and is held before it reads on (and so before its swap).
    const source = app.nest.get(SearchDocumentSource);
    let read!: () => void;
    const documentsRead = new Promise<void>((resolve) => (read = resolve));
    let resume!: () => void;
    const held = new Promise<void>((resolve) => (resume = resolve));
    const heldSource: SearchDocumentSource = {
      documentsFor: (changes) => source.documentsFor(changes),
      countAll: () => source.countAll(),
      async *allDocuments(batchSize: number): AsyncIterable<OpportunityDocument[]> {
        for await (const batch of source.allDocuments(batchSize)) {
          yield batch;
          read();
          await held;
        }
      },
    };
    const rebuilt = rebuildIndex(app.nest.get<DataSource>(getDataSourceToken()), app.nest.get(OpportunityIndex), heldSource);
    await documentsRead;

    // Changes the rebuild's reads missed: a publication and an edit, each in the live index at once.
    const published = await publishOpportunity(app, providerToken, draft);
    dataOf(await app.graphql(UPDATE_OPPORTUNITY, { input: { id: before.id, version: before.version, title: [{ lang: 'en', text: 'Welding renamed during the rebuild' }] } }, providerToken));
    await eventuallyFinds(app, { ...mine, query: 'during' }, [published.id, before.id], INDEXED_WITHIN_MS);

    resume();
    await rebuilt;
    // Right after the swap, before any indexer pass: the new index has them too.
    expect((await search(app, { ...mine, query: 'during' })).hits.map((hit) => hit.opportunity.id).sort()).toEqual([published.id, before.id].sort());
    expect((await search(app, { ...mine, query: 'before' })).hits).toEqual([]);

    // And the indexer then sends their rows again, to the new index, and marks them done.
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await eventually(async () => (await client.query('SELECT 1 FROM search_outbox WHERE processed_at IS NULL')).rowCount === 0 || undefined, 10_000);
    } finally {
      await client.end();
    }
    await eventuallyFinds(app, { ...mine, query: 'during' }, [published.id, before.id]);
  }, TEST_TIMEOUT_MS);

  it('while a change is on its way to the live index, sends its next request only once Meilisearch has finished the previous one', async () => {
    const { provider, providerToken } = await agencyAndProvider(app);
    const engines = testEngines();
    const meili = createMeilisearchClient({ url: engines.meiliUrl, masterKey: engines.meiliMasterKey, indexPrefix: '' });
    const before = (await meili.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? -1;

    // Enough documents for several requests, and a course published (an outbox row) before the first of them is read.
    const source = app.nest.get(SearchDocumentSource);
    const SYNTHETIC = 4_000;
    let published: { id: string } | undefined;
    const busySource: SearchDocumentSource = {
      documentsFor: (changes) => source.documentsFor(changes),
      countAll: async () => SYNTHETIC + (await source.countAll()),
      async *allDocuments(batchSize: number): AsyncIterable<OpportunityDocument[]> {
        published = await createPublished(app, providerToken, { title: [{ lang: 'en', text: 'Pottery published while the index is rebuilt' }] });
        for (let i = 0; i < SYNTHETIC; i += batchSize) {
          yield Array.from({ length: Math.min(batchSize, SYNTHETIC - i) }, (_, k) => ({ id: randomUUID(), providerId: provider.id, title_en: `Synthetic ${i + k}`, ...windowFields([]) }) as unknown as OpportunityDocument);
        }
        yield* source.allDocuments(batchSize);
      },
    };
    // Requests of 1,000 whatever Meilisearch's pace, and a live change seen once keeps the rebuild yielding to the end.
    const pacing = { firstDocuments: 1_000, minDocuments: 1_000, maxDocuments: 1_000, yieldForMs: 600_000 };
    await rebuildIndex(app.nest.get<DataSource>(getDataSourceToken()), app.nest.get(OpportunityIndex), busySource, undefined, { pacing });

    const requests = (await meili.tasks.getTasks({ types: ['documentAdditionOrUpdate'], limit: 1_000 })).results
      .filter((task) => task.uid > before && task.details?.receivedDocuments === 1_000)
      .sort((a, b) => a.uid - b.uid);
    expect(requests).toHaveLength(SYNTHETIC / 1_000);
    const ms = (iso: string | null) => Date.parse(iso!.replace(/(\.\d{3})\d*/, '$1'));
    for (let i = 1; i < requests.length; i++) {
      expect({ request: i, enqueuedAfterThePreviousFinished: ms(requests[i].enqueuedAt) >= ms(requests[i - 1].finishedAt) }).toEqual({ request: i, enqueuedAfterThePreviousFinished: true });
    }
    await eventuallyFinds(app, { filters: { providerIds: [provider.id] }, query: 'pottery' }, [published!.id], INDEXED_WITHIN_MS);
  }, TEST_TIMEOUT_MS);
});
