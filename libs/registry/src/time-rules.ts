/**
 * The registry's time rules, written once (DESIGN §2): how a status history is read at an instant
 * and over all time, and the half-open windows of decisions and recognitions. The registry's
 * services and resolvers, the catalogue's accreditation windows and the trust evaluation all read
 * time through these functions. Pure: no clock, no database.
 */

/**
 * An instant: a Date (entities, GraphQL arguments) or epoch milliseconds. The trust index keeps
 * numbers, so that 100k organisations fit in the api's memory (DESIGN §7: a Date costs about 100
 * bytes, a number 16); the rules read either, so that they are written once.
 */
export type Instant = Date | number;

/** Epoch milliseconds of an instant. */
export function epochMs(instant: Instant): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/**
 * An entry of an append-only status history: what holds from `effectiveAt` on. `recordedAt` (when
 * the registry learned it) only breaks ties between entries taking effect at the same instant;
 * readers that leave it out hand the entries over in recording order instead.
 */
export interface TimedEntry<S extends string = string> {
  readonly status: S;
  readonly effectiveAt: Instant;
  readonly recordedAt?: Instant;
}

/** Whether `entry` takes over from `current`: it takes effect later, or at the same instant and was recorded later. */
function supersedes(entry: TimedEntry, current: TimedEntry): boolean {
  const byEffect = epochMs(entry.effectiveAt) - epochMs(current.effectiveAt);
  if (byEffect !== 0) return byEffect > 0;
  // Same instant: the later recorded wins; without recording times, the later in the list.
  return entry.recordedAt === undefined || current.recordedAt === undefined || epochMs(entry.recordedAt) >= epochMs(current.recordedAt);
}

/**
 * The entry in force at `at`: the last with effectiveAt ≤ at (of two at the same instant, the one
 * recorded later), or null before the first entry. The input need not be sorted.
 */
export function entryAt<E extends TimedEntry>(entries: readonly E[], at: Instant): E | null {
  const t = epochMs(at);
  let current: E | null = null;
  for (const entry of entries) {
    if (epochMs(entry.effectiveAt) > t) continue;
    if (current === null || supersedes(entry, current)) current = entry;
  }
  return current;
}

/** The status at `at` (see entryAt), or null before the first entry. */
export function statusAt<S extends string>(entries: readonly TimedEntry<S>[], at: Instant): S | null {
  return entryAt(entries, at)?.status ?? null;
}

/** The entry that takes effect last; new entries may not take effect before it. */
export function latestEntry<E extends TimedEntry>(entries: readonly E[]): E | null {
  let latest: E | null = null;
  for (const entry of entries) if (latest === null || supersedes(entry, latest)) latest = entry;
  return latest;
}

/**
 * When the status first leaves `staying` after `at`, as far as the history already records; null:
 * never. The instant is the entry's own (a Date from entities, a number from the trust index).
 */
export function nextChangeFrom<E extends TimedEntry>(entries: readonly E[], at: Instant, staying: E['status']): E['effectiveAt'] | null {
  const t = epochMs(at);
  let next: E | null = null;
  for (const entry of entries) {
    if (epochMs(entry.effectiveAt) <= t || entry.status === staying) continue;
    if (next === null || epochMs(entry.effectiveAt) < epochMs(next.effectiveAt)) next = entry;
  }
  return next === null ? null : next.effectiveAt;
}

/** Half-open, like an accreditation's [validFrom, expiresAt) and a recognition's [validFrom, validUntil): null = no end. */
export function withinWindow(from: Instant, until: Instant | null, at: Instant): boolean {
  const t = epochMs(at);
  return epochMs(from) <= t && (until === null || t < epochMs(until));
}

// ---- The same rules over all time, as sets of instants ----

/** A stretch of time in epoch milliseconds, `from` inclusive, `until` exclusive (±Infinity: unbounded). */
export interface Interval {
  from: number;
  until: number;
}

/** The window [from, until) as an interval (null = no end). */
export function windowInterval(from: Instant, until: Instant | null): Interval {
  return { from: epochMs(from), until: until === null ? Infinity : epochMs(until) };
}

/**
 * The times at which a history says `status`: exactly the instants t with
 * (statusAt(entries, t) ?? before) === status. Merged, in order.
 */
export function statusIntervals(entries: readonly TimedEntry[], status: string, before: string | null): Interval[] {
  // A stable sort keeps recording order among entries without recordedAt, as entryAt reads them.
  const ordered = [...entries].sort(
    (a, b) =>
      epochMs(a.effectiveAt) - epochMs(b.effectiveAt) ||
      (a.recordedAt === undefined || b.recordedAt === undefined ? 0 : epochMs(a.recordedAt) - epochMs(b.recordedAt)),
  );
  const result: Interval[] = [];
  let current = before;
  let since = -Infinity;
  for (const entry of ordered) {
    const at = epochMs(entry.effectiveAt);
    if (current === status && at > since) result.push({ from: since, until: at });
    current = entry.status;
    since = at;
  }
  if (current === status) result.push({ from: since, until: Infinity });
  return union(result);
}

/** The union of intervals, merged where they overlap or touch, in order; empty ones dropped. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.until > i.from).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.from <= last.until) last.until = Math.max(last.until, interval.until);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The intersection of two unions of intervals. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const x of union(a)) {
    for (const y of union(b)) {
      const from = Math.max(x.from, y.from);
      const until = Math.min(x.until, y.until);
      if (until > from) result.push({ from, until });
    }
  }
  return union(result);
}

/** Whether instant `at` (epoch ms) lies in one of the intervals. */
export function contains(intervals: readonly Interval[], at: number): boolean {
  return intervals.some((i) => i.from <= at && at < i.until);
}
