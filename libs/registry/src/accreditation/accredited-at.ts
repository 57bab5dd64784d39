import {
  contains,
  epochMs,
  type Instant,
  type Interval,
  intersect,
  statusAt,
  statusIntervals,
  type TimedEntry,
  union,
  windowInterval,
  withinWindow,
} from '../time-rules.js';

/*
 * "Accredited at t" — one rule (DESIGN §3 steps 3–4 without scope, §6 "one rule, written once"),
 * written here in its three forms side by side so that a change to one is a change to all:
 *
 *   a provider is accredited at t when
 *     its own status at t is ACTIVE (a suspended or deregistered provider is not accredited,
 *     whatever its decisions say), and
 *     one of its accreditations is in force at t:
 *       decision not NEGATIVE, validFrom ≤ t < expiresAt, status at t ACTIVE, and
 *       its agency recognised at t (validFrom ≤ t < validUntil), for the provider's country when
 *       the recognition names jurisdictions.
 *   A status is the last history entry with effectiveAt ≤ t (of two at one instant, the later
 *   recorded); before the first entry nothing has said otherwise and the record counts as ACTIVE.
 *
 * Times are `Instant`s: Dates where entities are read, epoch milliseconds in the trust index.
 *
 * - `accreditedAt` (TS, one instant): the organisation field `accredited`; the trust evaluation
 *   builds its answer from the same parts (`organisationActiveAt`, `accreditationInForceAt`).
 * - `accreditedWindows` (TS, all instants): what the catalogue stores in search documents, so that
 *   "accredited now" in search needs no re-index as time passes.
 * - `accreditedAtSql` (SQL): the registry's `accreditationState` filter.
 *
 * `accredited-at.e2e-spec.ts` generates random histories and checks the three (and the trust
 * evaluation) agree at many instants, the SQL one on the real PostgreSQL.
 */

/** An agency recognition as the rule reads it. */
export interface RecognitionWindow {
  readonly validFrom: Instant;
  /** Exclusive; null = until further notice. */
  readonly validUntil: Instant | null;
  /** Countries the agency's decisions count for; empty = anywhere. */
  readonly jurisdictions: readonly string[];
}

/** A decision as the rule reads it. */
export interface DecisionFacts {
  readonly decision: string;
  readonly validFrom: Instant;
  /** Exclusive. null only where a reader allows open-ended decisions (the registry's own never are). */
  readonly expiresAt: Instant | null;
  readonly statusHistory: readonly TimedEntry[];
}

/** A provider with everything "accredited at t" reads. */
export interface ProviderAccreditationFacts {
  readonly country: string;
  readonly statusHistory: readonly TimedEntry[];
  readonly accreditations: readonly (DecisionFacts & { readonly agencyRecognitions: readonly RecognitionWindow[] })[];
}

// ---- The parts, one instant ----

/** A record's status at `at`; ACTIVE before its first entry (nothing has said otherwise yet). */
export function recordStatusAt<S extends string>(history: readonly TimedEntry<S>[], at: Instant): S | 'ACTIVE' {
  return statusAt(history, at) ?? 'ACTIVE';
}

export function organisationActiveAt(history: readonly TimedEntry[], at: Instant): boolean {
  return recordStatusAt(history, at) === 'ACTIVE';
}

/** A NEGATIVE decision never accredits. */
export function decisionGrants(decision: string): boolean {
  return decision !== 'NEGATIVE';
}

/** Where `at` lies in the decision's [validFrom, expiresAt). */
export function decisionPeriodAt(decision: Pick<DecisionFacts, 'validFrom' | 'expiresAt'>, at: Instant): 'NOT_YET_VALID' | 'IN_FORCE' | 'EXPIRED' {
  if (epochMs(at) < epochMs(decision.validFrom)) return 'NOT_YET_VALID';
  return withinWindow(decision.validFrom, decision.expiresAt, at) ? 'IN_FORCE' : 'EXPIRED';
}

/** The recognition holds at `at` (validUntil exclusive). */
export function recognitionHoldsAt(recognition: Pick<RecognitionWindow, 'validFrom' | 'validUntil'>, at: Instant): boolean {
  return withinWindow(recognition.validFrom, recognition.validUntil, at);
}

/** The recognition counts for a provider in `country` (no jurisdictions named = anywhere). */
export function recognitionCovers(recognition: Pick<RecognitionWindow, 'jurisdictions'>, country: string): boolean {
  return recognition.jurisdictions.length === 0 || recognition.jurisdictions.includes(country);
}

/** One decision in force at `at` for a provider in `country`, given every recognition of its agency. */
export function accreditationInForceAt(
  accreditation: DecisionFacts,
  agencyRecognitions: readonly RecognitionWindow[],
  country: string,
  at: Instant,
): boolean {
  return (
    decisionGrants(accreditation.decision) &&
    decisionPeriodAt(accreditation, at) === 'IN_FORCE' &&
    recordStatusAt(accreditation.statusHistory, at) === 'ACTIVE' &&
    agencyRecognitions.some((r) => recognitionHoldsAt(r, at) && recognitionCovers(r, country))
  );
}

/** The rule at one instant. */
export function accreditedAt(provider: ProviderAccreditationFacts, at: Instant): boolean {
  return (
    organisationActiveAt(provider.statusHistory, at) &&
    provider.accreditations.some((a) => accreditationInForceAt(a, a.agencyRecognitions, provider.country, at))
  );
}

// ---- The same rule over all time ----

/**
 * Every instant at which `accreditedAt` holds, as merged intervals in order: the union over the
 * decisions of [validFrom, expiresAt) ∩ ACTIVE ∩ recognised for the country, all ∩ the provider
 * ACTIVE.
 */
export function accreditedWindows(provider: ProviderAccreditationFacts): Interval[] {
  const perDecision = provider.accreditations
    .filter((a) => decisionGrants(a.decision))
    .map((a) => {
      const recognised = union(
        a.agencyRecognitions.filter((r) => recognitionCovers(r, provider.country)).map((r) => windowInterval(r.validFrom, r.validUntil)),
      );
      const valid = [windowInterval(a.validFrom, a.expiresAt)];
      return intersect(intersect(valid, statusIntervals(a.statusHistory, 'ACTIVE', 'ACTIVE')), recognised);
    });
  return intersect(union(perDecision.flat()), statusIntervals(provider.statusHistory, 'ACTIVE', 'ACTIVE'));
}

/** Whether the windows say accredited at `at`: the same answer as accreditedAt (the e2e spec checks it). */
export function windowsSayAccredited(windows: readonly Interval[], at: Instant): boolean {
  return contains(windows, epochMs(at));
}

// ---- The same rule in SQL ----

/**
 * SQL condition: organisation `o` is accredited at the timestamp `at` (default the named
 * parameter `:at`; any SQL expression of type timestamptz, e.g. `$1` or a joined column). Ties at
 * one instant are broken by recorded_at, as the TS rule does; a missing status is ACTIVE.
 */
export function accreditedAtSql(organisationAlias: string, at = ':at'): string {
  const o = organisationAlias;
  return `(COALESCE((SELECT os.status FROM organisation_status_entries os
            WHERE os.organisation_id = ${o}.id AND os.effective_at <= ${at}
            ORDER BY os.effective_at DESC, os.recorded_at DESC LIMIT 1), 'ACTIVE') = 'ACTIVE'
    AND EXISTS (
    SELECT 1 FROM accreditations a
    WHERE a.accredited_organisation_id = ${o}.id
      AND a.decision <> 'NEGATIVE'
      AND a.valid_from <= ${at} AND ${at} < a.expires_at
      AND COALESCE((SELECT s.status FROM accreditation_status_entries s
            WHERE s.accreditation_id = a.id AND s.effective_at <= ${at}
            ORDER BY s.effective_at DESC, s.recorded_at DESC LIMIT 1), 'ACTIVE') = 'ACTIVE'
      AND EXISTS (
        SELECT 1 FROM agency_recognitions r
        WHERE r.agency_id = a.accrediting_agent_id
          AND r.valid_from <= ${at} AND (r.valid_until IS NULL OR ${at} < r.valid_until)
          AND (cardinality(r.jurisdictions) = 0 OR ${o}.country = ANY(r.jurisdictions)))))`;
}
