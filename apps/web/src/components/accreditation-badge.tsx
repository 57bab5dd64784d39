import type { AccreditationSummary } from '../api/types';
import { type I18n, useI18n } from '../i18n';
import { accreditationBadge, type NotAccreditedWhy, type ProviderStanding } from '../shared/accreditation';

/**
 * The provider's accreditation in words — never a colour alone: by whom and until when, or why
 * not (suspended since when, expired, never accredited…).
 */
export function AccreditationBadge({ accreditations, accreditedNow, provider }: { accreditations: AccreditationSummary[]; accreditedNow: boolean; provider?: ProviderStanding }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const badge = accreditationBadge(accreditations, accreditedNow, new Date(), provider);
  if (badge.kind === 'not-accredited') {
    return (
      <span className="badge badge-none">
        {t.badge.notAccredited}
        {badge.why.reason !== 'other' && <> — {whyText(i18n, badge.why)}</>}
      </span>
    );
  }
  const text = badge.agency && badge.until ? t.badge.accredited(badge.agency, date(badge.until)) : t.badge.accreditedPlain;
  return (
    <span className={badge.reviewOverdue ? 'badge badge-warn' : 'badge badge-ok'}>
      {text}
      {badge.reviewOverdue && <> — {t.badge.reviewOverdue}</>}
    </span>
  );
}

export function whyText({ t, date }: I18n, why: NotAccreditedWhy): string {
  const w = t.badge.why;
  switch (why.reason) {
    case 'provider-suspended':
      return why.since ? w.providerSuspendedSince(date(why.since)) : w.providerSuspended;
    case 'provider-deregistered':
      return why.since ? w.providerDeregisteredSince(date(why.since)) : w.providerDeregistered;
    case 'suspended':
      return why.since ? w.suspendedSince(why.agency, date(why.since)) : w.suspended(why.agency);
    case 'withdrawn':
      return why.since ? w.withdrawnOn(why.agency, date(why.since)) : w.withdrawn(why.agency);
    case 'expired':
      return w.expired(why.agency, date(why.on));
    case 'not-yet':
      return w.notYet(why.agency, date(why.from));
    case 'negative':
      return w.negative(why.agency, date(why.on));
    case 'agency-not-recognised':
      return w.agencyNotRecognised(why.agency);
    case 'never':
      return w.never;
    case 'other':
      return '';
  }
}
