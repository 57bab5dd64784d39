import { setTimeout as sleep } from 'node:timers/promises';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnqueuedTask } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { isMeilisearchUnavailable, OpportunityIndex, type TaskWaitOptions } from '../opportunities/opportunity-index.js';
import { SearchDocumentSource } from './search-document-source.js';

export interface IndexerOptions {
  /** Off: this process sends nothing (another one drains the outbox). */
  enabled: boolean;
  /** How often the outbox is looked at when it was empty, and while a batch waits for Meilisearch (for rows to join it). */
  pollIntervalMs: number;
  /** Outbox rows per batch (a `provider` row stands for all of that provider's opportunities). */
  batchSize: number;
  /** First retry delay; it doubles with every failed attempt of a row, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const INDEXER_OPTIONS = Symbol('INDEXER_OPTIONS');

/** A 100 ms poll (an indexed EXISTS query, ten a second) keeps the wait for the next pass short next to the 2 s target (DESIGN §5). */
export const DEFAULT_INDEXER_OPTIONS: IndexerOptions = {
  enabled: true,
  pollIntervalMs: 100,
  batchSize: 100,
  retryBaseMs: 500,
  retryMaxMs: 30_000,
};

/**
 * Held (per transaction) by the indexer that is sending a batch, and (per session) by a rebuild
 * while it catches up and swaps: one writer of the live index at a time. Meilisearch applies an
 * index's tasks one after another anyway, so a second concurrent batch would gain nothing — and it
 * could overtake the first with an older read of the same document.
 */
export const INDEX_WRITER_LOCK = 727_371_910;

/**
 * Held (per session) by a rebuild from start to swap. Meanwhile the indexers send changes to the
 * live index as well — searchable at once — and leave their rows pending for the new index.
 */
export const INDEX_REBUILD_LOCK = 727_371_911;

/** Outbox rows not processed yet, oldest first, with ids above `afterId` and up to `upToId`. */
export function pendingChanges(
  query: (sql: string, parameters: unknown[]) => Promise<OutboxRow[]>,
  afterId: string,
  upToId: string,
  limit: number,
): Promise<OutboxRow[]> {
  return query(`SELECT id, topic, aggregate_id FROM search_outbox WHERE processed_at IS NULL AND id > $1 AND id <= $2 ORDER BY id LIMIT $3`, [afterId, upToId, limit]);
}

export interface OutboxRow {
  id: string;
  topic: string;
  aggregate_id: string;
}

/** Processed rows are kept this long, for looking into what was sent, then removed. */
const KEEP_PROCESSED = "interval '1 day'";
/** A batch takes in at most this many batches' worth of rows that became due while it waited. */
const MAX_JOINED_BATCHES = 10;
const PRUNE_EVERY_MS = 60_000;

/**
 * The outbox consumer, running inside every api process. Each batch: claim due rows with
 * `FOR UPDATE SKIP LOCKED` in a transaction, read the current documents from PostgreSQL, send
 * them, wait until Meilisearch has applied them — rows that become due meanwhile join the batch
 * and are sent at once — mark the rows processed, commit. A failure
 * leaves the rows pending with a growing delay and the error; nothing is marked done before
 * Meilisearch confirmed it, so no acknowledged write is lost. When Meilisearch was unreachable,
 * its health is watched and the waiting rows are retried as soon as it is back. While a rebuild
 * builds its new index, batches go to the live index and their rows stay pending: searchable at
 * once, and sent again to the new index after the swap.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  private running = false;
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();
  private meilisearchDown = false;
  private lastPrune = 0;
  /** Rows already sent to the live index during the current rebuild (they stay pending for the new one). */
  private readonly sentDuringRebuild = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: OpportunityIndex,
    private readonly source: SearchDocumentSource,
    @Inject(INDEXER_OPTIONS) private readonly options: IndexerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.running = true;
    // Settings before the first search, without holding up the start when Meilisearch is away.
    this.inFlight = this.index.ensureSettings().catch((error: unknown) => {
      this.logger.warn({ msg: 'could not apply the search index settings yet; will retry', err: messageOf(error) });
    });
    this.schedule(0);
  }

  /** Before the database connection closes: stop polling and let the batch in flight finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.inFlight.then(() => this.drain()).finally(() => this.schedule(this.options.pollIntervalMs));
    }, delayMs);
  }

  /** Sends batches until the outbox has nothing due (or a batch fails). */
  private async drain(): Promise<void> {
    try {
      if (this.meilisearchDown && !(await this.recovered())) return;
      while (this.running && (await this.sendBatch()) >= this.options.batchSize) {
        // a full batch: there may be more
      }
      await this.prune();
    } catch (error) {
      this.logger.warn({ msg: 'search indexer pass failed; will retry', err: messageOf(error) });
    }
  }

  /** True once Meilisearch answers again; the rows that waited for it are then due at once. */
  private async recovered(): Promise<boolean> {
    if (!(await this.index.meilisearch.isHealthy())) return false;
    this.meilisearchDown = false;
    // TypeORM answers an UPDATE with [rows, count].
    const [, waiting] = await this.dataSource.query(
      `UPDATE search_outbox SET next_attempt_at = now() WHERE processed_at IS NULL AND next_attempt_at > now()`,
    );
    this.logger.log({ msg: 'Meilisearch is reachable again; catching up', waiting });
    return true;
  }

  /** One batch; resolves to the number of rows it marked processed (or, during a rebuild, sent to the live index). */
  private async sendBatch(): Promise<number> {
    const [due] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM search_outbox WHERE processed_at IS NULL AND next_attempt_at <= now()) AS due`,
    );
    if (!due.due) return 0;
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [INDEX_WRITER_LOCK]);
      if (!lock.locked) return 0; // another process is sending, or a rebuild swaps
      // The shared lock, when it is free, only keeps a rebuild from starting until this batch is done.
      const [rebuild] = await manager.query('SELECT NOT pg_try_advisory_xact_lock_shared($1) AS running', [INDEX_REBUILD_LOCK]);
      const rebuilding: boolean = rebuild.running;
      if (!rebuilding) this.sentDuringRebuild.clear();
      const ids: string[] = [];
      const claim = async (limit: number): Promise<OutboxRow[]> => {
        const rows: OutboxRow[] = await manager.query(
          // The clock's time, not the transaction's start (now()): rows committed since are due too.
          `SELECT id, topic, aggregate_id FROM search_outbox
            WHERE processed_at IS NULL AND next_attempt_at <= (SELECT clock_timestamp()) AND NOT (id = ANY($2::bigint[]))
            ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit, [...this.sentDuringRebuild, ...ids]],
        );
        ids.push(...rows.map((row) => row.id));
        return rows;
      };
      const rows = await claim(this.options.batchSize);
      if (rows.length === 0) return 0;
      try {
        await this.sendJoining(rows, claim);
      } catch (error) {
        if (isMeilisearchUnavailable(error)) {
          this.meilisearchDown = true;
          this.index.forgetSettings(); // it may come back empty
        }
        await manager.query(
          `UPDATE search_outbox
              SET attempts = attempts + 1, last_error = $2,
                  next_attempt_at = clock_timestamp() + least($3::float8, $4::float8 * power(2, attempts)) * interval '1 millisecond'
            WHERE id = ANY($1::bigint[])`,
          [ids, messageOf(error).slice(0, 2000), this.options.retryMaxMs, this.options.retryBaseMs],
        );
        this.logger.warn({ msg: 'could not send changes to Meilisearch; they stay pending', rows: ids.length, err: messageOf(error) });
        return 0;
      }
      if (rebuilding) {
        // In the live index now; the rebuild catches up with them before its swap, and they are sent again after it.
        for (const id of ids) this.sentDuringRebuild.add(id);
        return ids.length;
      }
      await manager.query(`UPDATE search_outbox SET processed_at = clock_timestamp(), last_error = NULL WHERE id = ANY($1::bigint[])`, [ids]);
      return ids.length;
    });
  }

  /**
   * Sends the documents behind `rows` and waits until Meilisearch has applied them. While any of
   * its tasks is queued or running, rows that become due join the batch (`claimMore`, in the
   * batch's transaction): their documents are read and sent at once, so that Meilisearch takes them
   * in right behind — with a waiting task when it has not started yet — instead of after this
   * batch has ended. On a busy engine that wait was most of a change's way to searchable
   * (docs/search.md). Later tasks carry later reads, and Meilisearch applies them in order.
   */
  private async sendJoining(rows: OutboxRow[], claimMore: (limit: number) => Promise<OutboxRow[]>): Promise<void> {
    let sent = rows.length;
    const waitOptions: TaskWaitOptions = {
      reportEveryMs: 30_000,
      onSlow: (wait) => this.logger.warn({ msg: 'Meilisearch is slow to apply a batch; still waiting', rows: sent, ...wait }),
    };
    const tasks = await this.send(rows);
    let waited = 0;
    const waitForSent = async (): Promise<void> => {
      for (; waited < tasks.length; waited++) await this.index.wait(tasks[waited], waitOptions);
    };
    let allApplied = false;
    const applied = waitForSent().finally(() => (allApplied = true));
    applied.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    while (!allApplied && this.running && sent < this.options.batchSize * MAX_JOINED_BATCHES) {
      await Promise.race([applied.catch(() => undefined), sleep(this.options.pollIntervalMs)]);
      if (allApplied) break;
      const more = await claimMore(this.options.batchSize);
      sent += more.length;
      if (more.length > 0) tasks.push(...(await this.send(more)));
    }
    await applied;
    await waitForSent(); // tasks sent after the wait above had come to its end
  }

  /** Reads the current documents behind `rows` and enqueues them, without waiting. */
  private async send(rows: OutboxRow[]): Promise<EnqueuedTask[]> {
    const { upserts, deletes } = await this.source.documentsFor(rows.map((row) => ({ topic: row.topic, aggregateId: row.aggregate_id })));
    return this.index.send(upserts, deletes);
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM search_outbox WHERE processed_at < now() - ${KEEP_PROCESSED}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
