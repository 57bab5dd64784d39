import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void) | undefined;
/** The heap in use right after the last collection run here: what was live then. */
let liveAfterLast: number | undefined;

/**
 * A full garbage collection, now, with the memory it frees given back to the system.
 *
 * For after a one-off bulk read (the trust index read whole at start): its rows live long enough
 * to reach V8's old generation, which V8 then lets grow to a multiple of what is live before it
 * collects it — with 100k organisations and 200k certificates the api held 740 MB resident after
 * start, 380 MB after one collection. Not for request paths: a collection of a heap that size
 * stops the process for a few hundred milliseconds.
 *
 * Without `--expose-gc` on the command line (operators start `main.js` as they like), the flag is
 * set at run time and `gc` taken from a fresh context, which sees it — as jest does for
 * `--logHeapUsage`.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as typeof collect;
  }
  // 'last-resort': collect until nothing more is freed, then shrink the heap (a plain gc() keeps its size).
  collect!({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  liveAfterLast = getHeapStatistics().used_heap_size;
}

/** What was live after the last `collectGarbage` (by anyone: the trust index at start, the demo seed, the idle collection); undefined before the first. */
export function liveAfterLastCollection(): number | undefined {
  return liveAfterLast;
}
