import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '#platform';
import { load, type LoadResult } from './load.js';
import { startNode, stopProcess, waitFor } from './processes.js';

/** How many times the baseline and the api take turns: a ratio from one pair of runs moved by ±10 points on this host. */
export const ROUNDS = 3;

/** The length of one round for a load run of `runSeconds`: half of it, so that the rounds take about what two runs did. */
export function roundSeconds(runSeconds: number): number {
  return Math.max(3, Math.round(runSeconds / 2));
}

/** The pair of runs whose ratio is the median of the rounds, and every round's ratio. */
export interface AgainstBare {
  result: LoadResult;
  baseline: LoadResult;
  /** api req/s ÷ baseline req/s of each round, in the order run. */
  ratios: number[];
}

/**
 * The api's run against a bare Fastify route answering `sample` (bench/bare-server.ts), asked the
 * same way (`request`: a POST with this body, else a GET). After a warm-up of both, the baseline
 * and the api take turns `ROUNDS` times, `roundSeconds(runSeconds)` each; the round with the
 * median ratio is the one reported (its failures those of all rounds), so that one noisy stretch
 * of the host's does not decide the figure.
 */
export async function againstBare(options: {
  sample: string;
  dataDir: string;
  /** The length of a load run elsewhere in the bench; each round takes `roundSeconds` of it. */
  runSeconds: number;
  connections: number;
  request?: { method: 'POST'; body: string };
  api: (seconds: number) => Promise<LoadResult>;
  children: ChildProcess[];
}): Promise<AgainstBare> {
  const bodyFile = join(options.dataDir, 'baseline-body.json');
  writeFileSync(bodyFile, options.sample);
  const port = await findFreePort();
  const bare = startNode('dist/bench/bare-server.js', [String(port), bodyFile], {});
  options.children.push(bare);
  try {
    const url = `http://127.0.0.1:${port}/baseline`;
    await waitFor(async () => (await fetch(url)).ok, 60_000);
    const baseline = (seconds: number) => load(url, { seconds, connections: options.connections, ...options.request });
    await baseline(2);
    await options.api(2);
    const rounds: { result: LoadResult; baseline: LoadResult; ratio: number }[] = [];
    const seconds = roundSeconds(options.runSeconds);
    for (let round = 0; round < ROUNDS; round++) {
      const base = await baseline(seconds);
      const result = await options.api(seconds);
      rounds.push({ result, baseline: base, ratio: result.requestsPerSecond / base.requestsPerSecond });
    }
    const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(ROUNDS / 2)];
    // Failures of every round count, not only the reported one's.
    const failed = (key: 'errors' | 'non2xx') => rounds.reduce((sum, r) => sum + r.result[key], 0);
    return { result: { ...median.result, errors: failed('errors'), non2xx: failed('non2xx') }, baseline: median.baseline, ratios: rounds.map((r) => r.ratio) };
  } finally {
    await stopProcess(bare);
  }
}
