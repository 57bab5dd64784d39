import type { AccreditationSummary } from '../api/types';

/** What a badge says about a provider's accreditation on a given day. */
export type AccreditationBadge =
  | { kind: 'accredited'; agency: string | null; until: string | null; reviewOverdue: boolean }
  | { kind: 'not-accredited' };

/**
 * An accreditation in force at `now`: positive (with or without conditions), within
 * validFrom ≤ now < expiresAt, and ACTIVE — the rules of DESIGN §3 step 4 that the browser can see.
 */
export function inForce(accreditation: AccreditationSummary, now: Date): boolean {
  const t = now.getTime();
  return (
    accreditation.decision !== 'NEGATIVE' &&
    accreditation.status === 'ACTIVE' &&
    Date.parse(accreditation.validFrom) <= t &&
    t < Date.parse(accreditation.expiresAt)
  );
}

/**
 * The badge for a provider. `accreditedNow` is the api's own verdict (it also knows whether the
 * agency is recognised); the accreditations only say by whom and until when. When several are in
 * force, the one that lasts longest is named.
 */
export function accreditationBadge(accreditations: AccreditationSummary[], accreditedNow: boolean, now = new Date()): AccreditationBadge {
  if (!accreditedNow) return { kind: 'not-accredited' };
  const current = accreditations.filter((a) => inForce(a, now)).sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
  if (!current) return { kind: 'accredited', agency: null, until: null, reviewOverdue: false };
  const reviewOverdue = current.reviewDate !== null && Date.parse(current.reviewDate) < now.getTime();
  return { kind: 'accredited', agency: current.accreditingAgent.legalName, until: current.expiresAt, reviewOverdue };
}

/** Whether the agency behind a decision is recognised at `now` for the provider's country. */
export function agencyRecognised(
  recognitions: { validFrom: string; validUntil: string | null; jurisdictions: string[] }[],
  providerCountry: string,
  now: Date,
): boolean {
  const t = now.getTime();
  return recognitions.some(
    (r) =>
      Date.parse(r.validFrom) <= t &&
      (r.validUntil === null || t < Date.parse(r.validUntil)) &&
      (r.jurisdictions.length === 0 || r.jurisdictions.includes(providerCountry)),
  );
}
