import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMeilisearchClient, opportunityIndexName, windowFields } from '#search';
import { createPublished, eventuallyFinds, search } from './support/catalogue-fixtures.js';
import { runCli } from './support/cli-process.js';
import { testEngines } from './support/engines.js';
import { agencyAndProvider } from './support/registry-fixtures.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

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
    await eventuallyFinds(app, mine, courses.map((c) => c.id), 10_000);

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
    await eventually(async () => ((await search(app, mine)).totalHits === 4 ? true : undefined));
    expect((await search(app, mine)).hits.map((h) => h.opportunity.id)).toContain(later.id);
  });
});
