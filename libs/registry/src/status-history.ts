/** An entry of a status history: what held from `effectiveAt` on, as recorded at `recordedAt`. */
export interface StatusEntry<S extends string> {
  status: S;
  effectiveAt: Date;
  recordedAt: Date;
}

/**
 * The status at `at`: the last entry with `effectiveAt ≤ at` (of two at the same instant, the one
 * recorded later), or null before the first entry.
 */
export function statusAt<S extends string>(entries: readonly StatusEntry<S>[], at: Date): S | null {
  let current: StatusEntry<S> | null = null;
  for (const entry of entries) {
    if (entry.effectiveAt.getTime() > at.getTime()) continue;
    if (
      current === null ||
      entry.effectiveAt.getTime() > current.effectiveAt.getTime() ||
      (entry.effectiveAt.getTime() === current.effectiveAt.getTime() && entry.recordedAt.getTime() >= current.recordedAt.getTime())
    ) {
      current = entry;
    }
  }
  return current?.status ?? null;
}

/** The entry that takes effect last; new entries may not take effect before it. */
export function latestEntry<S extends string, E extends StatusEntry<S>>(entries: readonly E[]): E | null {
  return entries.reduce<E | null>(
    (latest, e) =>
      latest === null ||
      e.effectiveAt.getTime() > latest.effectiveAt.getTime() ||
      (e.effectiveAt.getTime() === latest.effectiveAt.getTime() && e.recordedAt.getTime() >= latest.recordedAt.getTime())
        ? e
        : latest,
    null,
  );
}
