import { type EnqueuedTask, Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import type { OpportunityDocument } from '../opportunities/opportunity-document.js';
import { DOCUMENTS_PER_REQUEST, type OpportunityIndex, type SlowTask, type TaskWaitOptions } from '../opportunities/opportunity-index.js';
import { INDEX_REBUILD_LOCK, INDEX_WRITER_LOCK, type OutboxRow, pendingChanges } from './search-indexer.js';
import type { SearchDocumentSource } from './search-document-source.js';

export interface RebuildProgress {
  indexed: number;
  total: number;
  perSecond: number;
  /** Set while Meilisearch has been slow to finish a task (the rebuild goes on waiting). */
  waiting?: SlowTask;
}

/**
 * Documents per request of a rebuild, sent as NDJSON: the first request has DOCUMENTS_PER_REQUEST
 * (Meilisearch starts early), each next one twice as many, up to this. Meilisearch indexes few
 * large batches with much less work than many small ones (20,000 documents: 6.4 s of its CPU in
 * one batch, 11.3 s in batches of 2,000), and a batch holds what was queued when it started: with
 * 2,000 a request it indexed 2,000 at a time whenever building documents was the slower side.
 * A request is also cut at `MAX_REQUEST_BYTES`, well below Meilisearch's 100 MB payload limit.
 */
export const REBUILD_DOCUMENTS_PER_REQUEST = 20_000;
const MAX_REQUEST_BYTES = 40_000_000;
/** Requests queued in Meilisearch ahead of the one it is indexing (each holds its payload on disk, not here). */
const MAX_QUEUED = 4;
/** A request of 20,000 documents may take longer than the client's 5 s on a busy machine. */
const REQUEST_TIMEOUT_MS = 120_000;
/** A rebuild rides out Meilisearch not answering for this long (a restart, a stall) before it fails. */
const UNREACHABLE_FOR_MS = 120_000;
/** Outbox rows read at a time when the new index catches up with the changes made while it was built. */
const CATCH_UP_ROWS = 1_000;

/**
 * Rebuilds the index from PostgreSQL (`cli reindex`): a fresh index gets the settings, then every
 * published document, then takes the live index's place in one swap, and the old one is deleted —
 * so searches see the old index until the new one is complete, and nothing stale survives.
 * Writes go on meanwhile: the indexers send them to the live index (searchable at once) and leave
 * their outbox rows pending. Before the swap the rebuild takes the writer lock (no indexer sends
 * then), applies every pending row to the new index — the changes its reads may have missed — and
 * swaps; after it, the indexers send the pending rows again, to the new index, and mark them done.
 */
export async function rebuildIndex(
  dataSource: DataSource,
  index: OpportunityIndex,
  source: SearchDocumentSource,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildProgress> {
  const meilisearch = index.meilisearch;
  const bulk = new Meilisearch({ ...meilisearch.config, timeout: REQUEST_TIMEOUT_MS });
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const fresh = `${index.name}_rebuild_${Date.now()}`;
  let writing = false;
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [INDEX_REBUILD_LOCK]);
    const started = Date.now();
    const total = await source.countAll();
    let indexed = 0;
    const progress = (waiting?: SlowTask): RebuildProgress => ({
      indexed,
      total,
      perSecond: Math.round(indexed / Math.max((Date.now() - started) / 1000, 0.001)),
      ...(waiting ? { waiting } : {}),
    });
    const patiently: TaskWaitOptions = { unreachableForMs: UNREACHABLE_FOR_MS, onSlow: (waiting) => onProgress(progress(waiting)) };
    await index.applySettings(fresh, patiently);

    const queued: { task: EnqueuedTask; count: number }[] = [];
    const settleOldest = async () => {
      const { task, count } = queued.shift()!;
      await index.wait(task, patiently);
      indexed += count;
      onProgress(progress());
    };
    let lines: string[] = [];
    let bytes = 0;
    let requestSize = DOCUMENTS_PER_REQUEST;
    const send = async () => {
      if (lines.length === 0) return;
      const body = lines.join('\n');
      const count = lines.length;
      lines = [];
      bytes = 0;
      requestSize = Math.min(2 * requestSize, REBUILD_DOCUMENTS_PER_REQUEST);
      queued.push({ task: await bulk.index(fresh).addDocumentsFromString(body, 'application/x-ndjson', { primaryKey: 'id' }), count });
      if (queued.length > MAX_QUEUED) await settleOldest();
    };
    for await (const batch of prefetched(source.allDocuments(DOCUMENTS_PER_REQUEST))) {
      for (const document of batch) {
        const line = JSON.stringify(document);
        lines.push(line);
        bytes += line.length;
        if (lines.length >= requestSize || bytes >= MAX_REQUEST_BYTES) await send();
      }
    }
    await send();
    while (queued.length > 0) await settleOldest();

    await runner.query('SELECT pg_advisory_lock($1)', [INDEX_WRITER_LOCK]);
    writing = true;
    const changes = bulk.index<OpportunityDocument>(fresh);
    for (let after = '0'; ; ) {
      const rows: OutboxRow[] = await pendingChanges((sql, parameters) => runner.query(sql, parameters), after, CATCH_UP_ROWS);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const { upserts, deletes } = await source.documentsFor(rows.map((row) => ({ topic: row.topic, aggregateId: row.aggregate_id })));
      if (upserts.length > 0) await index.wait(await changes.addDocuments(upserts, { primaryKey: 'id' }), patiently);
      if (deletes.length > 0) await index.wait(await changes.deleteDocuments(deletes), patiently);
    }

    // Swapping needs both indexes to exist; on a first run the live one may not yet.
    await index.applySettings(index.name, patiently);
    await index.wait(await meilisearch.swapIndexes([{ indexes: [index.name, fresh], rename: false }]), patiently);
    return progress();
  } finally {
    // The indexers may go on as soon as the swap is done; the old index is deleted meanwhile.
    if (writing) await runner.query('SELECT pg_advisory_unlock($1)', [INDEX_WRITER_LOCK]).catch(() => undefined);
    await meilisearch
      .deleteIndex(fresh)
      .then((task) => index.wait(task))
      .catch(() => undefined);
    await runner.query('SELECT pg_advisory_unlock($1)', [INDEX_REBUILD_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** The batches of `source`, the next one read (from PostgreSQL) while this one is encoded and sent. */
async function* prefetched(source: AsyncIterable<OpportunityDocument[]>): AsyncIterable<OpportunityDocument[]> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      yield current.value;
    }
  } finally {
    next.catch(() => undefined); // a read started when the rebuild failed
  }
}
