import { relative } from 'node:path';
import Sequencer from '@jest/test-sequencer';

/**
 * The files that take far longer than their size suggests (they start processes, engines or a
 * browser, or wait for the demo template), slowest first. Jest runs the slowest files first from
 * the timings of the previous run; a run without them (a fresh clone, CI) orders by file size, and
 * then started the process lifecycle (~40 s) last, at the end of the run, on one worker while the
 * others idled. Only files jest has no timing for take this order; afterwards jest's own timings
 * decide. The browser files wait for the demo template (loaded at the start of the run, ~20 s
 * then): `web-app-trust` starts at once and waits, `web-app-search` after two files that need no
 * template, so that the other workers run those meanwhile. The files that read the demo without a
 * browser (`demo-seed`, `trust-index-read`) are short and take jest's order.
 */
const SLOW_FIRST = [
  'test/web-app-trust.e2e-spec.ts',
  'test/lifecycle.e2e-spec.ts',
  'test/engine-supervision.e2e-spec.ts',
  'test/catalogue-resilience.e2e-spec.ts',
  'test/web-app-search.e2e-spec.ts',
  'test/database-outage.e2e-spec.ts',
  'test/catalogue-reindex.e2e-spec.ts',
  'test/scale-generator.e2e-spec.ts',
  'test/typecheck.spec.ts',
  'test/architecture.spec.ts',
];

export default class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (test) => (test.duration == null ? SLOW_FIRST.indexOf(relative(test.context.config.rootDir, test.path)) : -1);
    const known = sorted.filter((test) => rank(test) >= 0).sort((a, b) => rank(a) - rank(b));
    // A file that failed last time still goes first, as jest puts it.
    const failed = sorted.filter((test) => rank(test) < 0 && this.hasFailed(test));
    return [...failed, ...known, ...sorted.filter((test) => rank(test) < 0 && !this.hasFailed(test))];
  }
}
