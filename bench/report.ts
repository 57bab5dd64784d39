import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * docs/benchmarks.md, written section by section: each part of `npm run bench` replaces only its
 * own `## ` section, which says when, on which commit and at what load it was measured — so a
 * part left out of a run (BENCH_ONLY) keeps an earlier run's figures with their provenance.
 */
export const REPORT = 'docs/benchmarks.md';

/** Replaces the `## title` section with `body` (its lines after the heading), or adds it at the end. */
export function writeSection(title: string, body: string[]): void {
  const section = [`## ${title}`, '', ...body, ''].join('\n').replace(/\n+$/, '\n');
  const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(`\n## ${title}\n`);
  let updated: string;
  if (start === -1) updated = `${existing.trimEnd()}\n\n${section}`;
  else {
    const next = existing.indexOf('\n## ', start + 1);
    updated = `${existing.slice(0, start + 1)}${section}${next === -1 ? '' : `\n${existing.slice(next + 1)}`}`;
  }
  writeFileSync(REPORT, updated);
}

/** Replaces what comes before the first section (the report's title and how it is measured). */
export function writePreamble(lines: string[]): void {
  const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  const first = existing.indexOf('\n## ');
  writeFileSync(REPORT, `${lines.join('\n').trimEnd()}\n${first === -1 ? '' : existing.slice(first)}`);
}

/** Samples the 1-minute load average every 5 s (the machine may be shared) until `stop`, which gives the lowest and highest seen. */
export function watchLoad(): { stop(): [number, number] } {
  const loads = [loadavg()[0]];
  const sampling = setInterval(() => loads.push(loadavg()[0]), 5_000);
  return {
    stop() {
      clearInterval(sampling);
      loads.push(loadavg()[0]);
      return [Math.min(...loads), Math.max(...loads)];
    },
  };
}

/** "Measured on 2026-12-03, commit abc1234, load average 1.2–2.5." — the first line of a section. */
export function measuredOn(load: [number, number]): string {
  return `Measured on ${new Date().toISOString().slice(0, 10)}, ${commit()}, load average ${load.map((l) => l.toFixed(1)).join('–')}.`;
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', `:!${REPORT}`], { encoding: 'utf8' }).trim() !== '';
    // The report itself changes as the parts write it.
    return `commit ${sha}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'commit unknown (no git)';
  }
}
