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

/** How busy the machine was while a part ran: the lowest and highest 1-minute load average seen, and the CPU time the hypervisor took. */
export interface MachineLoad {
  load: [number, number];
  /** Share of all CPU time stolen by the hypervisor (a virtual machine's neighbours), in percent; null where /proc/stat is not there. */
  stealPercent: number | null;
}

/**
 * Samples the 1-minute load average every 5 s (the machine may be shared) until `stop`. Steal is
 * what the load average does not show: on this project's hosts 35% of the CPU time was seen taken
 * during a run, and the rates of a run then drop to a third.
 */
export function watchLoad(): { stop(): MachineLoad } {
  const loads = [loadavg()[0]];
  const before = cpuTimes();
  const sampling = setInterval(() => loads.push(loadavg()[0]), 5_000);
  return {
    stop() {
      clearInterval(sampling);
      loads.push(loadavg()[0]);
      const after = cpuTimes();
      const stealPercent = before && after && after.total > before.total ? (100 * (after.steal - before.steal)) / (after.total - before.total) : null;
      return { load: [Math.min(...loads), Math.max(...loads)], stealPercent };
    },
  };
}

/** The machine's CPU time so far, in clock ticks: all of it, and the part stolen (the 8th value of /proc/stat's `cpu` line). */
function cpuTimes(): { total: number; steal: number } | null {
  try {
    const values = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
    return { total: values.slice(0, 8).reduce((a, b) => a + b, 0), steal: values[7] ?? 0 };
  } catch {
    return null;
  }
}

/** "Measured on 2026-12-03, commit abc1234, load average 1.2–2.5, CPU steal 3%." — the first line of a section. */
export function measuredOn(machine: MachineLoad): string {
  const steal = machine.stealPercent === null ? '' : `, CPU steal ${Math.round(machine.stealPercent)}%`;
  return `Measured on ${new Date().toISOString().slice(0, 10)}, ${commit()}, load average ${machine.load.map((l) => l.toFixed(1)).join('–')}${steal}.`;
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
