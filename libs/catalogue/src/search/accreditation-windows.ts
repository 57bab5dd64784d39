import type { Interval } from '#registry';
import { ACCREDITATION_WINDOW_SLOTS, OPEN_ENDED, type WindowSlot } from '#search';

/*
 * When a provider is accredited is the registry's rule (`accreditedWindows` in #registry, beside
 * its SQL and single-instant forms). What is left here is how a search document stores it.
 */

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
