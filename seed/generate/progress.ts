/** Where a long load stands, for the CLI's progress line: count, rate and time left. */
export interface ScaleProgress {
  /** What is being loaded: organisations, certificates, DIDs, opportunities. */
  what: string;
  done: number;
  total: number;
  perSecond: number;
  /** At the rate so far; null until there is a rate. */
  secondsLeft: number | null;
}

/** Starts counting one kind of record; `add` reports each step. */
export type ProgressMeter = (what: string, total: number) => { add(count: number): void; readonly done: number; readonly perSecond: number };

export function progressMeter(onProgress: (progress: ScaleProgress) => void, now: () => number = Date.now): ProgressMeter {
  return (what, total) => {
    const started = now();
    let done = 0;
    const perSecond = () => Math.round(done / Math.max(0.001, (now() - started) / 1000));
    return {
      add(count) {
        done += count;
        const rate = perSecond();
        onProgress({ what, done, total, perSecond: rate, secondsLeft: rate > 0 ? Math.ceil((total - done) / rate) : null });
      },
      get done() {
        return done;
      },
      get perSecond() {
        return perSecond();
      },
    };
  };
}
