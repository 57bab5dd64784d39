import type { SearchResult } from '../../api/types';
import { AccreditationBadge } from '../../components/accreditation-badge';
import { CourseFacts } from '../../components/course-facts';
import { ShortlistButton, shortlistEntry } from '../../components/shortlist-button';
import { useI18n } from '../../i18n';
import { useLinks } from '../../routing/links';
import { Link } from '../../routing/router';
import type { Standing } from './search-query';

/**
 * One card per course: title in the chosen language, provider and country, facts, when it starts
 * and until when one can enrol, and the provider's accreditation — or why it has none (from
 * `standings`, the unaccredited providers' standings the search page loads: `useStandings`).
 */
export function ResultList({ hits, from, standings }: { hits: SearchResult['hits']; from: string; standings: Map<string, Standing> | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const links = useLinks();
  const now = Date.now();
  return (
    <ol className="results">
      {hits.map(({ title, locale, accreditedNow, startsSoon, applicationDeadline, opportunity }) => {
        const { provider } = opportunity;
        const place = opportunity.location?.city ? `${opportunity.location.city}, ${i18n.country(opportunity.location.country)}` : i18n.country(provider.country);
        const standing = accreditedNow ? undefined : standings?.get(provider.id);
        const accreditations = standing
          ? provider.accreditations.map((a) => ({ ...a, statusHistory: standing.accreditations.find((s) => s.id === a.id)?.statusHistory }))
          : provider.accreditations;
        const finished = opportunity.endDate !== null && Date.parse(opportunity.endDate) < now;
        const deadline = applicationDeadline !== null && !finished ? (Date.parse(applicationDeadline) >= now ? 'open' : 'closed') : null;
        return (
          <li key={opportunity.id}>
            <article className="card" aria-labelledby={`title-${opportunity.id}`}>
              <h3 id={`title-${opportunity.id}`} lang={locale}>
                <Link href={links.course(opportunity.id, from)}>{title}</Link>
              </h3>
              <p className="provider">
                <span className="visually-hidden">{t.card.provider}: </span>
                <Link href={links.provider(provider.id)}>{provider.legalName}</Link> · {place}
              </p>
              <AccreditationBadge accreditations={accreditations} accreditedNow={accreditedNow} provider={standing} />
              {(startsSoon || deadline || finished) && (
                <p className="timing">
                  {finished && <span className="badge badge-none">{t.card.finished}</span>}
                  {startsSoon && <span className="badge badge-soon">{t.card.startsSoon}</span>}{' '}
                  {deadline && <span className="enrol-by">{deadline === 'open' ? t.card.enrolBy(i18n.date(applicationDeadline)) : t.card.enrolClosed(i18n.date(applicationDeadline))}</span>}
                </p>
              )}
              <CourseFacts course={opportunity} />
              <ShortlistButton entry={shortlistEntry(opportunity.id, title, locale, opportunity)} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
