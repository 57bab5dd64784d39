import { type EnqueuedTask, Meilisearch } from 'meilisearch';
import type { DataSource, QueryRunner } from 'typeorm';
import type { OpportunityDocument } from '../opportunities/opportunity-document.js';
import { DOCUMENTS_PER_REQUEST, type OpportunityIndex, type SlowTask, type TaskWaitOptions } from '../opportunities/opportunity-index.js';
import { DEFAULT_REBUILD_PACING, durationMs, RebuildPacer, type RebuildPacing } from './rebuild-pacing.js';
import { INDEX_REBUILD_LOCK, INDEX_WRITER_LOCK, type OutboxRow, pendingChanges } from './search-indexer.js';
import type { SearchDocumentSource } from './search-document-source.js';

export interface RebuildProgress {
  indexed: number;
  total: number;
  perSecond: number;
  /** Set while Meilisearch has been slow to finish a task (the rebuild goes on waiting). */
  waiting?: SlowTask;
}

/** A request is also cut at this size, well below Meilisearch's 100 MB payload limit. */
const MAX_REQUEST_BYTES = 40_000_000;
/** A request of 20,000 documents may take longer than the client's 5 s on a busy machine. */
const REQUEST_TIMEOUT_MS = 120_000;
/** A rebuild rides out Meilisearch not answering for this long (a restart, a stall) before it fails. */
const UNREACHABLE_FOR_MS = 120_000;
/** Outbox rows read at a time when the new index catches up with the changes made while it was built. */
const CATCH_UP_ROWS = 1_000;

export interface RebuildOptions {
  /** Overrides of DEFAULT_REBUILD_PACING. */
  pacing?: Partial<RebuildPacing>;
}

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
  options: RebuildOptions = {},
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

    const pacer = new RebuildPacer({ ...DEFAULT_REBUILD_PACING, ...options.pacing });
    const watch = liveChangeWatch(runner, pacer);
    await watch();
    const queued: { task: EnqueuedTask; count: number }[] = [];
    const settleOldest = async () => {
      const { task, count } = queued.shift()!;
      const done = await index.wait(task, patiently);
      indexed += count;
      onProgress(progress());
      // The batch's duration and size (it may hold several of our requests) size the next request while yielding.
      if (done.batchUid !== null) {
        const batch = await meilisearch.batches.getBatch(done.batchUid).catch(() => undefined);
        const ms = durationMs(batch?.duration);
        if (batch && ms !== undefined) pacer.batchDone(Number(batch.details.receivedDocuments ?? count), ms);
      }
    };
    let lines: string[] = [];
    let bytes = 0;
    const send = async () => {
      await watch();
      while (queued.length > pacer.mayStayQueued()) await settleOldest();
      // While yielding, what was read for a larger request goes out in several.
      const count = Math.min(lines.length, pacer.nextSize());
      const sending = lines.slice(0, count);
      lines = lines.slice(count);
      const body = sending.join('\n');
      bytes -= body.length - (count - 1);
      pacer.requestSent(count);
      queued.push({ task: await bulk.index(fresh).addDocumentsFromString(body, 'application/x-ndjson', { primaryKey: 'id' }), count });
    };
    for await (const batch of prefetched(source.allDocuments(DOCUMENTS_PER_REQUEST))) {
      for (const document of batch) {
        const line = JSON.stringify(document);
        lines.push(line);
        bytes += line.length;
        while (lines.length >= pacer.nextSize() || bytes >= MAX_REQUEST_BYTES) await send();
      }
    }
    while (lines.length > 0) await send();
    while (queued.length > 0) await settleOldest();

    await runner.query('SELECT pg_advisory_lock($1)', [INDEX_WRITER_LOCK]);
    writing = true;
    const changes = bulk.index<OpportunityDocument>(fresh);
    // Up to the newest row now: a row committed later is still pending after the swap, and the indexers send it then.
    // Reading on until none is left never ended while changes came in faster than the new index took them in.
    const upTo = (await newestOutboxId(runner)).toString();
    for (let after = '0'; ; ) {
      const rows: OutboxRow[] = await pendingChanges((sql, parameters) => runner.query(sql, parameters), after, upTo, CATCH_UP_ROWS);
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

/**
 * Looks (in PostgreSQL, as the indexers may run in other processes) for changes on their way to
 * the live index: an outbox row newer than at the last look. A change still being sent when the
 * next look comes is covered by the pacer's `yieldForMs` after the row was seen.
 */
function liveChangeWatch(runner: QueryRunner, pacer: RebuildPacer): () => Promise<void> {
  let latest: bigint | undefined;
  return async () => {
    const now = await newestOutboxId(runner);
    if (latest !== undefined && now > latest) pacer.liveChangeSeen();
    latest = now;
  };
}

/** The id of the newest outbox row (0 when there is none); ids only grow. */
async function newestOutboxId(runner: QueryRunner): Promise<bigint> {
  const [row] = await runner.query(`SELECT COALESCE(max(id), 0)::text AS newest FROM search_outbox`);
  return BigInt(row.newest);
}
