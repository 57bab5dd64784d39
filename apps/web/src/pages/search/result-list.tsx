import type { SearchResult } from '../../api/types';
import { AccreditationBadge } from '../../components/accreditation-badge';
import { CourseFacts } from '../../components/course-facts';
import { ShortlistButton } from '../../components/shortlist-button';
import { useI18n } from '../../i18n';
import { useLinks } from '../../routing/links';
import { Link } from '../../routing/router';

/** One card per course: title in the chosen language, provider and country, facts, accreditation. */
export function ResultList({ hits, from }: { hits: SearchResult['hits']; from: string }) {
  const i18n = useI18n();
  const links = useLinks();
  return (
    <ol className="results">
      {hits.map(({ title, locale, accreditedNow, opportunity }) => {
        const place = opportunity.location?.city ? `${opportunity.location.city}, ${i18n.country(opportunity.location.country)}` : i18n.country(opportunity.provider.country);
        return (
          <li key={opportunity.id}>
            <article className="card" aria-labelledby={`title-${opportunity.id}`}>
              <h3 id={`title-${opportunity.id}`} lang={locale}>
                <Link href={links.course(opportunity.id, from)}>{title}</Link>
              </h3>
              <p className="provider">
                <span className="visually-hidden">{i18n.t.card.provider}: </span>
                {opportunity.provider.legalName} · {place}
              </p>
              <AccreditationBadge accreditations={opportunity.provider.accreditations} accreditedNow={accreditedNow} />
              <CourseFacts course={opportunity} />
              <ShortlistButton id={opportunity.id} title={title} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
