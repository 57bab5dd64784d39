import { graphql } from '../../api/graphql';
import type { LocalizedText, OpportunityCard, OpportunityDetail } from '../../api/types';
import { useRemote } from '../../api/use-remote';
import { AccreditationBadge } from '../../components/accreditation-badge';
import { CourseFacts } from '../../components/course-facts';
import { PageHeading } from '../../components/page-heading';
import { EmptyPanel, ErrorPanel, Loading } from '../../components/status';
import { useI18n } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { useLinks } from '../../routing/links';
import { Link } from '../../routing/router';
import { pick, PROVIDER_FIELDS } from '../course/course-query';
import { ProviderSection } from '../course/provider-section';

/** How many of a provider's published courses the page lists (the api's largest page). */
const MAX_COURSES = 100;

type ProviderCourse = Omit<OpportunityCard, 'provider'> & { title: LocalizedText[] };
type Provider = OpportunityDetail['provider'] & { kind: 'PROVIDER' | 'QUALITY_AGENCY'; opportunities: ProviderCourse[] };

const PROVIDER = `query Provider($id: ID!) {
  organisation(id: $id) {
    ${PROVIDER_FIELDS} kind
    opportunities(first: ${MAX_COURSES}, status: PUBLISHED) {
      id title { lang text } eqfLevel ectsCredits workloadHours mode languages startDate endDate free price { amount currency } location { country city }
    }
  }
}`;

async function loadProvider(id: string, signal: AbortSignal): Promise<Provider | null> {
  return (await graphql<{ organisation: Provider | null }>(PROVIDER, { id }, signal)).organisation;
}

/**
 * A provider as a counsellor checks it: whether it is accredited now (or why not), its courses,
 * every decision about it with its history, its seals and DIDs, and a link that asks the verify
 * page whether it is a trusted issuer.
 */
export function ProviderPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const links = useLinks();
  const provider = useRemote(id, (signal) => loadProvider(id, signal));
  const p = provider.data;
  usePageTitle(p?.legalName ?? t.provider.title);

  if (provider.error !== undefined && !provider.loading) {
    return (
      <>
        <PageHeading>{t.provider.errorTitle}</PageHeading>
        <ErrorPanel title={t.provider.errorTitle} error={provider.error} onRetry={provider.retry} />
      </>
    );
  }
  if (p === null || (p && p.kind !== 'PROVIDER')) {
    return (
      <>
        <PageHeading>{t.app.notFoundTitle}</PageHeading>
        <EmptyPanel title={t.provider.notFound}>
          <p>
            <Link href={links.search()}>{t.app.backToSearch}</Link>
          </p>
        </EmptyPanel>
      </>
    );
  }
  if (!p || p.id !== id) return <Loading />;
  const courses = [...p.opportunities].sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999'));
  return (
    <article className="provider-page" aria-labelledby="provider-title">
      <header className="course-header">
        <PageHeading id="provider-title">{p.legalName}</PageHeading>
        <p className="provider">
          {t.provider.kind} · {i18n.country(p.country)}
        </p>
        <AccreditationBadge accreditations={p.accreditations} accreditedNow={p.accredited} provider={p} />
      </header>

      <section aria-labelledby="provider-courses-heading">
        <h2 id="provider-courses-heading">{t.provider.coursesHeading(courses.length)}</h2>
        {courses.length === 0 ? (
          <p className="muted">{t.provider.noCourses}</p>
        ) : (
          <ul className="results provider-courses">
            {courses.map((course) => {
              const title = pick(course.title, i18n.lang);
              return (
                <li key={course.id}>
                  <article className="card" aria-labelledby={`course-${course.id}`}>
                    <h3 id={`course-${course.id}`} lang={title?.lang}>
                      <Link href={links.course(course.id)}>{title?.text ?? course.id}</Link>
                    </h3>
                    <CourseFacts course={course} />
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <ProviderSection provider={p} own />
    </article>
  );
}
