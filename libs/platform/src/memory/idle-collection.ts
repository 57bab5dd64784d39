import { getHeapStatistics } from 'node:v8';
import { collectGarbage } from './collect-garbage.js';

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
 * the api held 368 MB resident after the demo seed, 245 MB after one collection. Measured in
 * docs/benchmarks.md. The pause (up to a few hundred milliseconds at the scale registry) falls
 * where nobody waits for an answer.
 */
export const DEFAULT_IDLE_COLLECTION: IdleCollectionOptions = { idleMs: 10_000, growthBytes: 32 * 1024 * 1024, minGapMs: 60_000, checkEveryMs: 5_000 };

interface HeapSize {
  /** What V8 holds from the system for its heap. */
  committed: number;
  /** What is in use (live or not yet collected). */
  used: number;
}

function heapSize(): HeapSize {
  const stats = getHeapStatistics();
  return { committed: stats.total_heap_size, used: stats.used_heap_size };
}

/**
 * Runs one full collection, which gives the freed memory back to the system, once the api has
 * answered no request for a while after its heap grew.
 */
export class IdleCollection {
  private lastActivity: number;
  private lastCollection = Number.NEGATIVE_INFINITY;
  /** The heap's size in use right after the last collection (at start: what is in use then). */
  private baseline: number;

  constructor(
    private readonly options: IdleCollectionOptions = DEFAULT_IDLE_COLLECTION,
    private readonly now: () => number = () => performance.now(),
    private readonly heap: () => HeapSize = heapSize,
    private readonly collect: () => void = collectGarbage,
  ) {
    this.lastActivity = now();
    this.baseline = heap().used;
  }

  /** Called for every request: cheap (one clock read). */
  noteActivity(): void {
    this.lastActivity = this.now();
  }

  /** Collects when idle and grown; true when it did. */
  check(): boolean {
    const now = this.now();
    if (now - this.lastActivity < this.options.idleMs || now - this.lastCollection < this.options.minGapMs) return false;
    if (this.heap().committed - this.baseline < this.options.growthBytes) return false;
    this.collect();
    this.lastCollection = this.now();
    this.baseline = this.heap().used;
    return true;
  }

  /** Looks every `checkEveryMs` without keeping the process alive; returns the function that stops it. */
  start(): () => void {
    const timer = setInterval(() => this.check(), this.options.checkEveryMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
