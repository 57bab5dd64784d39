import { ApiError } from '../../api/graphql';
import type { OpportunityDetail } from '../../api/types';
import { useRemote } from '../../api/use-remote';
import { AccreditationBadge } from '../../components/accreditation-badge';
import { datesText, priceText } from '../../components/course-facts';
import { ShortlistButton, shortlistEntry } from '../../components/shortlist-button';
import { EmptyPanel, ErrorPanel, Loading } from '../../components/status';
import { useI18n, word } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { useLinks } from '../../routing/links';
import { Link, useLocation } from '../../routing/router';
import { AnnexI } from './annex-i';
import { loadCourse, pick } from './course-query';
import { ProviderSection } from './provider-section';
import { PageHeading } from '../../components/page-heading';

export function CoursePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { params } = useLocation();
  const links = useLinks();
  const course = useRemote(id, (signal) => loadCourse(id, signal));
  // Back to the very results the reader came from (a same-site path only), else a fresh search.
  const from = params.get('from');
  const back = from && from.startsWith('/') && !from.startsWith('//') ? from : links.search();

  const notFound = course.data === null || (course.error instanceof ApiError && ['NOT_FOUND', 'BAD_USER_INPUT'].includes(course.error.code));
  return (
    <div className="course-page">
      <p>
        <Link href={back} className="back" restoreScroll>
          <span aria-hidden="true">← </span>
          {t.course.back}
        </Link>
      </p>
      {notFound ? (
        <NotFound />
      ) : course.error !== undefined && !course.loading ? (
        <>
          <PageHeading>{t.course.errorTitle}</PageHeading>
          <ErrorPanel title={t.course.errorTitle} error={course.error} onRetry={course.retry} />
        </>
      ) : !course.data || course.data.id !== id ? (
        <Loading />
      ) : (
        <Course course={course.data} />
      )}
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  usePageTitle(t.app.notFoundTitle);
  return (
    <>
      <PageHeading>{t.app.notFoundTitle}</PageHeading>
      <EmptyPanel title={t.course.notFound} />
    </>
  );
}

function Course({ course }: { course: OpportunityDetail }) {
  const i18n = useI18n();
  const links = useLinks();
  const { t } = i18n;
  const title = pick(course.title, i18n.lang);
  const description = pick(course.description, title?.lang ?? i18n.lang);
  usePageTitle(title?.text ?? '');
  // The api computes "accredited now" with the registry's one rule; the browser never re-derives it.
  const accreditedNow = course.provider.accredited;
  const place = course.location ? [course.location.city, i18n.country(course.location.country)].filter(Boolean).join(', ') : '';

  const practical: [string, string][] = [
    [t.course.type, word(t.vocab.opportunityType, course.type)],
    [t.course.setting, word(t.vocab.setting, course.learningSetting)],
    [t.course.field, course.iscedFCodes.map((code) => `${word(t.vocab.iscedBroad, code.slice(0, 2))} (${code})`).join('; ')],
    [t.course.languages, i18n.list(course.languages.map(i18n.language))],
    [t.course.dates, datesText(i18n, course.startDate, course.endDate)],
    [t.course.applicationDeadline, i18n.date(course.applicationDeadline)],
    [t.course.schedule, course.schedule ?? ''],
    [t.course.price, priceText(i18n, course)],
    [t.course.funding, course.fundingSchemes.join(', ')],
    [t.course.location, place || (course.mode === 'ONLINE' ? t.course.online : '')],
    [t.course.prerequisites, course.prerequisites ?? ''],
    [t.course.stackability, [word(t.vocab.stackability, course.stackability), course.stacksTowards ? t.course.stacksTowards(course.stacksTowards) : ''].filter(Boolean).join(' — ')],
    [t.course.grading, course.gradingScheme ?? ''],
  ];

  return (
    <article aria-labelledby="course-title">
      <header className="course-header">
        <PageHeading id="course-title" lang={title?.lang}>
          {title?.text}
        </PageHeading>
        <p className="provider">
          <Link href={links.provider(course.provider.id)}>{course.provider.legalName}</Link> · {i18n.country(course.provider.country)}
        </p>
        <AccreditationBadge accreditations={course.provider.accreditations} accreditedNow={accreditedNow} provider={course.provider} />
        {title && title.lang !== i18n.lang && <p className="muted">{t.course.titleIn(i18n.language(title.lang))}</p>}
        <div className="actions">
          <ShortlistButton entry={shortlistEntry(course.id, title?.text ?? course.id, title?.lang, course)} />
          {course.landingPage && (
            <a className="button" href={course.landingPage} rel="noopener noreferrer">
              {t.course.landingPageLink}
              <span className="visually-hidden"> {t.course.opensElsewhere}</span>
            </a>
          )}
        </div>
      </header>

      {description && (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{t.course.description}</h2>
          <p lang={description.lang} className="description">
            {description.text}
          </p>
        </section>
      )}

      <AnnexI course={course} />

      <section aria-labelledby="practical-heading">
        <h2 id="practical-heading">{t.course.practicalHeading}</h2>
        <dl className="details">
          {practical.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value || <span className="muted">{t.common.notStated}</span>}</dd>
            </div>
          ))}
          <div>
            <dt>{t.course.landingPage}</dt>
            <dd>
              {course.landingPage ? (
                <a href={course.landingPage} rel="noopener noreferrer">
                  {course.landingPage}
                </a>
              ) : (
                <span className="muted">{t.common.notStated}</span>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <ProviderSection provider={course.provider} />
    </article>
  );
}
