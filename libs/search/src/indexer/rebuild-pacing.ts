/**
 * How a rebuild paces its requests so that it does not hold up the live index. Meilisearch has
 * one task queue for all indexes: the next batch starts with the oldest enqueued task and takes
 * the enqueued tasks of that task's index with it. A task for the live index therefore waits for
 * the batch being indexed and for every rebuild request enqueued before it — with four requests
 * of 20,000 documents queued ahead, 20 s and more at 100,000 documents. So while live changes
 * come in, the rebuild sends one request at a time, each sized so that Meilisearch indexes it in
 * about `yieldingBatchMs` (from the measured duration of its last batch): a live task waits for
 * at most that. When none has been seen for `yieldForMs`, requests grow back (doubling) and queue
 * ahead again, which is what makes a rebuild fast (docs/search.md, "Rebuilding").
 */
export interface RebuildPacing {
  /** Documents in the first request: small, so that Meilisearch starts while the rest is built. */
  firstDocuments: number;
  /** Requests grow (doubling) up to this while no live change is in sight. */
  maxDocuments: number;
  /** Requests of the rebuild's left unfinished in Meilisearch when it sends the next, while no live change is in sight. */
  maxQueued: number;
  /** How long one batch of the rebuild's should take while live changes come in. */
  yieldingBatchMs: number;
  /**
   * The smallest request while yielding. A batch has a cost of its own that grows with the index:
   * Meilisearch 1.21 rewrites the index's whole geo R-tree in every batch ("writing geo points":
   * 2.1 s of a 3.2 s batch of 500 documents into 60,000, on the loaded machine), so smaller requests
   * only slow the rebuild down without shortening a live change's wait much.
   */
  minDocuments: number;
  /** How long after the last live change seen the rebuild goes on yielding. */
  yieldForMs: number;
}

export const DEFAULT_REBUILD_PACING: RebuildPacing = {
  firstDocuments: 2_000,
  maxDocuments: 20_000,
  maxQueued: 4,
  yieldingBatchMs: 1_000,
  minDocuments: 2_000,
  yieldForMs: 5_000,
};

export class RebuildPacer {
  private lastLiveChange = Number.NEGATIVE_INFINITY;
  private growing: number;
  /** Documents per millisecond of the last batch measured. */
  private rate?: { documents: number; ms: number };

  constructor(
    readonly pacing: RebuildPacing,
    private readonly now: () => number = Date.now,
  ) {
    this.growing = pacing.firstDocuments;
  }

  /** A change for the live index was seen: an outbox row new since the last look. */
  liveChangeSeen(): void {
    this.lastLiveChange = this.now();
  }

  get yielding(): boolean {
    return this.now() - this.lastLiveChange < this.pacing.yieldForMs;
  }

  /** How many of the rebuild's requests may still be unfinished in Meilisearch when it enqueues the next: none while yielding. */
  mayStayQueued(): number {
    return this.yielding ? 0 : this.pacing.maxQueued;
  }

  /** Meilisearch indexed a batch of the rebuild's: `documents` in `ms`. */
  batchDone(documents: number, ms: number): void {
    if (documents > 0 && ms > 0) this.rate = { documents, ms };
  }

  /** Documents for the next request. */
  nextSize(): number {
    if (!this.yielding) return this.growing;
    const { minDocuments, maxDocuments, yieldingBatchMs, firstDocuments } = this.pacing;
    if (!this.rate) return Math.max(minDocuments, Math.min(this.growing, firstDocuments));
    // A batch's cost is not proportional to its size: at most twice the measured one, so that the guess stays near what was measured.
    const aimed = Math.min(2 * this.rate.documents, Math.round((this.rate.documents * yieldingBatchMs) / this.rate.ms));
    return Math.max(minDocuments, Math.min(maxDocuments, aimed));
  }

  /** A request of `documents` was sent: the next grows, unless yielding (it then grows back from this size). */
  requestSent(documents: number): void {
    this.growing = this.yielding ? Math.max(documents, this.pacing.minDocuments) : Math.min(2 * Math.max(this.growing, documents), this.pacing.maxDocuments);
  }
}

/** Milliseconds of an ISO 8601 duration as Meilisearch reports a task's or batch's (`PT1.5S`, `PT2M3.25S`). */
export function durationMs(iso: string | null | undefined): number | undefined {
  const match = iso ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso) : null;
  if (!match) return undefined;
  const [, days, hours, minutes, seconds] = match;
  return Math.round(((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60_000 + Number(seconds ?? 0) * 1000);
}
