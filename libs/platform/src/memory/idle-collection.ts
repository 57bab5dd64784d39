import { getHeapStatistics } from 'node:v8';
import { collectGarbage, liveAfterLastCollection } from './collect-garbage.js';

export interface IdleCollectionOptions {
  /** How long without a request counts as idle. */
  idleMs: number;
  /** How much the heap must have grown beyond what was live after the last collection. */
  growthBytes: number;
  /** At most one collection this often (a long import allocates without requests). */
  minGapMs: number;
  /** How often the timer looks. */
  checkEveryMs: number;
}

/**
 * A busy spell — a load of lookups, a demo seed, a large import, a trust list built at scale —
 * leaves V8's heap at its high-water mark, and V8 does not shrink it when the process goes quiet:
 * the api held 368 MB resident after the demo seed, 245 MB after one collection. The collection
 * stops the process (575–705 ms at the scale registry, measured by hand; each one logs its pause):
 * it waits for 30 s without a request, so that it falls in a lull rather than in a burst that
 * paused for breath — with 10 s, the bench's lookups that began right after a 10 s pause met it.
 */
export const DEFAULT_IDLE_COLLECTION: IdleCollectionOptions = { idleMs: 30_000, growthBytes: 32 * 1024 * 1024, minGapMs: 60_000, checkEveryMs: 5_000 };

/** What one collection did, for the log: the pause it made and the heap before and after. */
export interface IdleCollectionReport {
  ms: number;
  committedBeforeMb: number;
  committedAfterMb: number;
}

/** The heap as the idle collection sees it. */
export interface Heap {
  /** What V8 holds from the system for its heap, and what of it is in use (live or not yet collected). */
  size(): { committed: number; used: number };
  /** A full collection that gives freed memory back. */
  collect(): void;
  /** What was live after the last full collection anyone ran; undefined before the first. */
  liveAfterLastCollection(): number | undefined;
}

const V8_HEAP: Heap = {
  size() {
    const stats = getHeapStatistics();
    return { committed: stats.total_heap_size, used: stats.used_heap_size };
  },
  collect: collectGarbage,
  liveAfterLastCollection,
};

/**
 * Runs one full collection, which gives the freed memory back to the system, once the api has
 * answered no request for a while after its heap grew.
 */
export class IdleCollection {
  private lastActivity: number;
  private lastCollection = Number.NEGATIVE_INFINITY;
  /** What was in use when this started, until a collection tells what is live. */
  private readonly usedAtStart: number;

  constructor(
    private readonly options: IdleCollectionOptions = DEFAULT_IDLE_COLLECTION,
    private readonly now: () => number = () => performance.now(),
    private readonly heap: Heap = V8_HEAP,
  ) {
    this.lastActivity = now();
    this.usedAtStart = heap.size().used;
  }

  /** Called for every request: cheap (one clock read). */
  noteActivity(): void {
    this.lastActivity = this.now();
  }

  /** Collects when idle and grown; says what it did, or null when it did not. */
  check(): IdleCollectionReport | null {
    const now = this.now();
    if (now - this.lastActivity < this.options.idleMs || now - this.lastCollection < this.options.minGapMs) return null;
    // Grown since what was last known live: the collection at start (the trust index's), the
    // demo seed's or this one's — not since before the registry was read.
    const before = this.heap.size().committed;
    if (before - (this.heap.liveAfterLastCollection() ?? this.usedAtStart) < this.options.growthBytes) return null;
    this.heap.collect();
    this.lastCollection = this.now();
    const after = this.heap.size();
    return { ms: Math.round(this.lastCollection - now), committedBeforeMb: Math.round(before / 2 ** 20), committedAfterMb: Math.round(after.committed / 2 ** 20) };
  }

  /** Looks every `checkEveryMs` without keeping the process alive; returns the function that stops it. */
  start(onCollected: (report: IdleCollectionReport) => void): () => void {
    const timer = setInterval(() => {
      const report = this.check();
      if (report) onCollected(report);
    }, this.options.checkEveryMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
