import type { EnqueuedTask } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { DOCUMENTS_PER_REQUEST, type OpportunityIndex } from '../opportunities/opportunity-index.js';
import { INDEX_WRITER_LOCK } from './search-indexer.js';
import type { SearchDocumentSource } from './search-document-source.js';

export interface RebuildProgress {
  indexed: number;
  total: number;
  perSecond: number;
}

/** Requests Meilisearch may have queued at once: it merges queued additions into large batches, which it indexes much faster (2.4k → 3.3k docs/s at 3 → 20 here). */
const MAX_QUEUED = 20;

/**
 * Rebuilds the index from PostgreSQL (`cli reindex`): a fresh index gets the settings, then every
 * published document, then takes the live index's place in one swap, and the old one is deleted —
 * so searches see the old index until the new one is complete, and nothing stale survives.
 * The indexers pause meanwhile (they cannot take the writer lock); writes go on and wait in the
 * outbox, and are sent to the new index once the rebuild releases the lock.
 */
export async function rebuildIndex(
  dataSource: DataSource,
  index: OpportunityIndex,
  source: SearchDocumentSource,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildProgress> {
  const meilisearch = index.meilisearch;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const fresh = `${index.name}_rebuild_${Date.now()}`;
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [INDEX_WRITER_LOCK]);
    const started = Date.now();
    const total = await source.countAll();
    const progress = (indexed: number): RebuildProgress => ({
      indexed,
      total,
      perSecond: Math.round(indexed / Math.max((Date.now() - started) / 1000, 0.001)),
    });
    await index.applySettings(fresh);

    const queued: { task: EnqueuedTask; count: number }[] = [];
    let indexed = 0;
    const settleOldest = async () => {
      const { task, count } = queued.shift()!;
      await index.wait(task);
      indexed += count;
      onProgress(progress(indexed));
    };
    for await (const batch of source.allDocuments(DOCUMENTS_PER_REQUEST)) {
      if (batch.length === 0) continue;
      queued.push({ task: await meilisearch.index(fresh).addDocuments(batch, { primaryKey: 'id' }), count: batch.length });
      if (queued.length > MAX_QUEUED) await settleOldest();
    }
    while (queued.length > 0) await settleOldest();

    // Swapping needs both indexes to exist; on a first run the live one may not yet.
    await index.applySettings(index.name);
    await index.wait(await meilisearch.swapIndexes([{ indexes: [index.name, fresh], rename: false }]));
    return progress(indexed);
  } finally {
    await meilisearch
      .deleteIndex(fresh)
      .then((task) => index.wait(task))
      .catch(() => undefined);
    await runner.query('SELECT pg_advisory_unlock($1)', [INDEX_WRITER_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
