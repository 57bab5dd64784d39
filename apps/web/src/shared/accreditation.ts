import type { AccreditationSummary } from '../api/types';

/** A provider's own standing in the registry, when known (suspended providers are not accredited). */
export interface ProviderStanding {
  status: 'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED';
  statusHistory: { status: string; effectiveAt: string }[];
}

/** Why a provider is not accredited now, from the api's facts — the verdict itself is the api's. */
export type NotAccreditedWhy =
  | { reason: 'provider-suspended' | 'provider-deregistered'; since: string | null }
  | { reason: 'suspended' | 'withdrawn'; agency: string; since: string | null }
  | { reason: 'expired'; agency: string; on: string }
  | { reason: 'not-yet'; agency: string; from: string }
  | { reason: 'negative'; agency: string; on: string }
  | { reason: 'agency-not-recognised'; agency: string }
  | { reason: 'never' }
  | { reason: 'other' };

/** What a badge says about a provider's accreditation on a given day. */
export type AccreditationBadge =
  | { kind: 'accredited'; agency: string | null; until: string | null; reviewOverdue: boolean }
  | { kind: 'not-accredited'; why: NotAccreditedWhy };

/**
 * The badge for a provider. Whether it is accredited, and which decisions are in force, are the
 * api's verdicts (`accreditedNow`, each decision's `inForce`: the registry's one rule, which the
 * browser does not re-derive); the decisions only say by whom and until when — or, when the api
 * says "not accredited", why: the provider suspended, its decision suspended or withdrawn (since
 * when), expired, not yet in force, negative, by an agency not recognised, or none ever recorded.
 * When several are in force, the one that lasts longest is named. `now` dates the rest.
 */
export function accreditationBadge(accreditations: AccreditationSummary[], accreditedNow: boolean, now = new Date(), provider?: ProviderStanding): AccreditationBadge {
  if (!accreditedNow) return { kind: 'not-accredited', why: whyNot(accreditations, now, provider) };
  const current = accreditations.filter((a) => a.inForce).sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0];
  if (!current) return { kind: 'accredited', agency: null, until: null, reviewOverdue: false };
  const reviewOverdue = current.reviewDate !== null && Date.parse(current.reviewDate) < now.getTime();
  return { kind: 'accredited', agency: current.accreditingAgent.legalName, until: current.expiresAt, reviewOverdue };
}

/** The latest change to `status` that has taken effect by `now`. */
function since(history: { status: string; effectiveAt: string }[] | undefined, status: string, now: Date): string | null {
  const entries = (history ?? []).filter((e) => e.status === status && Date.parse(e.effectiveAt) <= now.getTime());
  return entries.sort((a, b) => Date.parse(b.effectiveAt) - Date.parse(a.effectiveAt))[0]?.effectiveAt ?? null;
}

function whyNot(accreditations: AccreditationSummary[], now: Date, provider?: ProviderStanding): NotAccreditedWhy {
  if (provider?.status === 'SUSPENDED') return { reason: 'provider-suspended', since: since(provider.statusHistory, 'SUSPENDED', now) };
  if (provider?.status === 'DEREGISTERED') return { reason: 'provider-deregistered', since: since(provider.statusHistory, 'DEREGISTERED', now) };
  if (accreditations.length === 0) return { reason: 'never' };
  const t = now.getTime();
  // The newest positive decision that is not replaced by a later one says the most; a negative
  // decision speaks only when no positive one was ever made.
  const positive = accreditations
    .filter((a) => a.decision !== 'NEGATIVE' && a.status !== 'SUPERSEDED')
    .sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom));
  const a = positive.find((x) => Date.parse(x.validFrom) <= t) ?? positive[0];
  if (!a) {
    const negative = accreditations.filter((x) => x.decision === 'NEGATIVE').sort((x, y) => Date.parse(y.validFrom) - Date.parse(x.validFrom))[0];
    return negative ? { reason: 'negative', agency: negative.accreditingAgent.legalName, on: negative.validFrom } : { reason: 'other' };
  }
  const agency = a.accreditingAgent.legalName;
  if (a.status === 'SUSPENDED') return { reason: 'suspended', agency, since: since(a.statusHistory, 'SUSPENDED', now) };
  if (a.status === 'WITHDRAWN') return { reason: 'withdrawn', agency, since: since(a.statusHistory, 'WITHDRAWN', now) };
  if (t >= Date.parse(a.expiresAt)) return { reason: 'expired', agency, on: a.expiresAt };
  if (t < Date.parse(a.validFrom)) return { reason: 'not-yet', agency, from: a.validFrom };
  if (a.status === 'ACTIVE' && !a.inForce) return { reason: 'agency-not-recognised', agency };
  return { reason: 'other' };
}
