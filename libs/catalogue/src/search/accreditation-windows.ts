import { ACCREDITATION_WINDOW_SLOTS, OPEN_ENDED, type WindowSlot } from '#search';

/** A stretch of time in epoch milliseconds, `from` inclusive, `until` exclusive (±Infinity: unbounded). */
export interface Interval {
  from: number;
  until: number;
}

export interface StatusFact {
  status: string;
  effectiveAt: Date;
  recordedAt: Date;
}

export interface RecognitionFact {
  validFrom: Date;
  validUntil: Date | null;
  jurisdictions: readonly string[];
}

export interface AccreditationFact {
  decision: string;
  validFrom: Date;
  expiresAt: Date;
  statusHistory: readonly StatusFact[];
  /** Every recognition of the accrediting agency. */
  agencyRecognitions: readonly RecognitionFact[];
}

export interface ProviderFacts {
  country: string;
  /** The provider organisation's own status history. */
  statusHistory: readonly StatusFact[];
  accreditations: readonly AccreditationFact[];
}

/**
 * When the provider is accredited — the times at which the registry's "accredited at t" holds
 * (see the registry's accreditedAtCondition): the union over its accreditations of
 * [validFrom, expiresAt) ∩ the times its history says ACTIVE ∩ the times its agency is recognised
 * for the provider's country, a NEGATIVE decision contributing nothing. It is further limited to
 * the times the provider itself is ACTIVE: a suspended or deregistered provider is not shown as
 * accredited. Merged, in order. Pure, so that the passing of time needs no re-index: the index
 * stores these windows and search compares them with the current time.
 */
export function accreditationWindows(provider: ProviderFacts): Interval[] {
  const perAccreditation = provider.accreditations
    .filter((a) => a.decision !== 'NEGATIVE')
    .map((a) => {
      const recognised = union(
        a.agencyRecognitions
          .filter((r) => r.jurisdictions.length === 0 || r.jurisdictions.includes(provider.country))
          .map((r) => ({ from: r.validFrom.getTime(), until: r.validUntil?.getTime() ?? Infinity })),
      );
      const valid = [{ from: a.validFrom.getTime(), until: a.expiresAt.getTime() }];
      return intersect(intersect(valid, statusIntervals(a.statusHistory, 'ACTIVE', null)), recognised);
    });
  // Before its first recorded status an organisation counts as active (as the registry answers it).
  return intersect(union(perAccreditation.flat()), statusIntervals(provider.statusHistory, 'ACTIVE', 'ACTIVE'));
}

/**
 * The windows a document stores: those not ended at `now`, the first ACCREDITATION_WINDOW_SLOTS
 * of them, in epoch seconds rounded inwards (never claiming a second that is not covered), an
 * unbounded end as OPEN_ENDED.
 */
export function windowSlots(windows: readonly Interval[], now: Date): WindowSlot[] {
  return windows
    .filter((w) => w.until > now.getTime())
    .map((w) => ({
      from: w.from === -Infinity ? 0 : Math.max(0, Math.ceil(w.from / 1000)),
      until: w.until === Infinity ? OPEN_ENDED : Math.floor(w.until / 1000),
    }))
    .filter((w) => w.until > w.from)
    .slice(0, ACCREDITATION_WINDOW_SLOTS);
}

/**
 * The times at which a status history says `status`: the last entry with effectiveAt ≤ t holds at
 * t (of two at the same instant, the one recorded later); before the first entry, `before` holds.
 */
export function statusIntervals(history: readonly StatusFact[], status: string, before: string | null): Interval[] {
  const entries = [...history].sort(
    (a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime(),
  );
  const result: Interval[] = [];
  let current = before;
  let since = -Infinity;
  for (const entry of entries) {
    const at = entry.effectiveAt.getTime();
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
