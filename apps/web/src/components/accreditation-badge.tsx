import type { AccreditationSummary } from '../api/types';
import { useI18n } from '../i18n';
import { accreditationBadge } from '../shared/accreditation';

/** The provider's accreditation in words — never a colour alone. */
export function AccreditationBadge({ accreditations, accreditedNow }: { accreditations: AccreditationSummary[]; accreditedNow: boolean }) {
  const { t, date } = useI18n();
  const badge = accreditationBadge(accreditations, accreditedNow);
  if (badge.kind === 'not-accredited') {
    return <span className="badge badge-none">{t.badge.notAccredited}</span>;
  }
  const text = badge.agency && badge.until ? t.badge.accredited(badge.agency, date(badge.until)) : t.badge.accreditedPlain;
  return (
    <span className={badge.reviewOverdue ? 'badge badge-warn' : 'badge badge-ok'}>
      {text}
      {badge.reviewOverdue && <> — {t.badge.reviewOverdue}</>}
    </span>
  );
}
