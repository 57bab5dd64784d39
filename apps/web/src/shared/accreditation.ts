import type { AccreditationSummary } from '../api/types';

/** What a badge says about a provider's accreditation on a given day. */
export type AccreditationBadge =
  | { kind: 'accredited'; agency: string | null; until: string | null; reviewOverdue: boolean }
  | { kind: 'not-accredited' };

/**
 * The badge for a provider. Whether it is accredited, and which decisions are in force, are the
 * api's verdicts (`accreditedNow`, each decision's `inForce`: the registry's one rule, which the
 * browser does not re-derive); the decisions only say by whom and until when. When several are in
 * force, the one that lasts longest is named. `now` only dates the review warning.
 */
export function accreditationBadge(accreditations: AccreditationSummary[], accreditedNow: boolean, now = new Date()): AccreditationBadge {
  if (!accreditedNow) return { kind: 'not-accredited' };
  const current = accreditations.filter((a) => a.inForce).sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
  if (!current) return { kind: 'accredited', agency: null, until: null, reviewOverdue: false };
  const reviewOverdue = current.reviewDate !== null && Date.parse(current.reviewDate) < now.getTime();
  return { kind: 'accredited', agency: current.accreditingAgent.legalName, until: current.expiresAt, reviewOverdue };
}
