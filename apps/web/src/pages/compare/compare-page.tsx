import { type ReactNode, useEffect, useRef, useState } from 'react';
import { graphql } from '../../api/graphql';
import type { AccreditationSummary, LocalizedText, OpportunityCard } from '../../api/types';
import { useRemote } from '../../api/use-remote';
import { AccreditationBadge } from '../../components/accreditation-badge';
import { datesText, priceText, workloadText } from '../../components/course-facts';
import { EmptyPanel, ErrorPanel, Loading } from '../../components/status';
import { useI18n, word } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { useLinks } from '../../routing/links';
import { Link, navigate, useLocation } from '../../routing/router';
import type { ProviderStanding } from '../../shared/accreditation';
import { useShortlist } from '../../shared/shortlist';
import { pick } from '../course/course-query';
import { PageHeading } from '../../components/page-heading';
import { ShareActions } from '../../components/share-actions';

export const MAX_COMPARED = 3;
const ID = /^[0-9a-f-]{36}$/i;

interface Compared extends Omit<OpportunityCard, 'provider'> {
  title: LocalizedText[];
  assessmentTypes: string[];
  qualityAssurance: string | null;
  landingPage: string | null;
  annexI: { complete: boolean; missing: string[] };
  provider: { id: string; legalName: string; country: string; accredited: boolean; accreditations: AccreditationSummary[] } & ProviderStanding;
}

const FIELDS = `
  id title { lang text } eqfLevel ectsCredits workloadHours mode languages startDate endDate free price { amount currency }
  location { country city } assessmentTypes qualityAssurance landingPage annexI { complete missing }
  provider {
    id legalName country accredited status statusHistory { status effectiveAt }
    accreditations { id decision validFrom expiresAt reviewDate status inForce accreditingAgent { legalName } statusHistory { status effectiveAt } }
  }`;

/** One request for up to three courses, as aliases of learningOpportunity. */
async function loadCompared(ids: string[], signal: AbortSignal): Promise<(Compared | null)[]> {
  const variables = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const query = `query Compare(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `c${i}: learningOpportunity(id: $id${i}) { ${FIELDS} }`).join(' ')} }`;
  const data = await graphql<Record<string, Compared | null>>(query, variables, signal);
  return ids.map((_, i) => data[`c${i}`] ?? null);
}

/**
 * The shortlist (this browser's) and a side-by-side table of up to three courses. Which courses
 * are compared lives in the address (`?ids=`), so a counsellor can send the comparison itself.
 */
export function ComparePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { params } = useLocation();
  const links = useLinks();
  const shortlist = useShortlist();
  const [limitHit, setLimitHit] = useState(false);
  usePageTitle(t.compare.title);
  const list = useRef<HTMLUListElement>(null);
  const tableHeading = useRef<HTMLHeadingElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const rows = list.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [];
    if (rows.length > 0) rows[Math.min(focusRow.current, rows.length - 1)].focus();
    else tableHeading.current?.focus();
    focusRow.current = null;
  });

  const ids = [...new Set((params.get('ids') ?? '').split(',').filter((id) => ID.test(id)))].slice(0, MAX_COMPARED);
  const compared = useRemote(ids.length > 0 ? ids.join(',') : null, (signal) => loadCompared(ids, signal));
  const setIds = (next: string[]) => navigate(links.compare(next), { replace: true });

  const toggle = (id: string) => {
    if (ids.includes(id)) {
      setLimitHit(false);
      setIds(ids.filter((x) => x !== id));
    } else if (ids.length >= MAX_COMPARED) {
      setLimitHit(true);
    } else {
      setLimitHit(false);
      setIds([...ids, id]);
    }
  };

  return (
    <div className="compare-page">
      <PageHeading>{t.compare.title}</PageHeading>
      <p className="lead">{t.compare.intro}</p>

      {shortlist.entries.length === 0 ? (
        <EmptyPanel title={t.compare.empty}>
          <p>
            <Link href={links.search()}>{t.app.backToSearch}</Link>
          </p>
        </EmptyPanel>
      ) : (
        <section aria-labelledby="shortlist-heading">
          <h2 id="shortlist-heading">{t.compare.shortlistHeading}</h2>
          <ul className="shortlist" ref={list}>
            {shortlist.entries.map((entry, index) => (
              <li key={entry.id}>
                <label>
                  <input type="checkbox" checked={ids.includes(entry.id)} onChange={() => toggle(entry.id)} aria-describedby={`entry-${entry.id}`} />
                  <span className="visually-hidden">{t.compare.choose}: </span>
                  <span lang={entry.titleLang}>{entry.title}</span>
                </label>
                <span id={`entry-${entry.id}`} className="entry-facts">
                  {[
                    entry.provider,
                    datesText(i18n, entry.startDate ?? null, entry.endDate ?? null),
                    entry.free !== undefined ? priceText(i18n, { free: entry.free, price: entry.price ?? null }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <Link href={links.course(entry.id)}>
                  {t.compare.open}
                  <span className="visually-hidden">
                    : <span lang={entry.titleLang}>{entry.title}</span>
                  </span>
                </Link>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    // The row goes with its button: the focus goes to the row that takes its place.
                    focusRow.current = index;
                    shortlist.remove(entry.id);
                    if (ids.includes(entry.id)) setIds(ids.filter((x) => x !== entry.id));
                  }}
                >
                  {t.compare.remove}
                  <span className="visually-hidden">
                    : <span lang={entry.titleLang}>{entry.title}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <p role="status" className={limitHit ? 'panel panel-warn' : 'visually-hidden'}>
            {limitHit ? t.compare.limit : ''}
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              focusRow.current = 0;
              shortlist.clear();
              setIds([]);
            }}
          >
            {t.compare.clear}
          </button>
        </section>
      )}

      <section aria-labelledby="table-heading" aria-busy={compared.loading}>
        <h2 id="table-heading" ref={tableHeading} tabIndex={-1}>
          {t.compare.tableHeading}
        </h2>
        {ids.length < 2 && <p className="muted">{t.compare.pickSome}</p>}
        {ids.length > 0 && compared.data && <ShareActions />}
        {ids.length > 0 &&
          (compared.error !== undefined && !compared.loading ? (
            <ErrorPanel title={t.common.errors.other} error={compared.error} onRetry={compared.retry} />
          ) : !compared.data ? (
            <Loading />
          ) : (
            <ComparisonTable courses={compared.data} />
          ))}
      </section>
    </div>
  );
}

function ComparisonTable({ courses }: { courses: (Compared | null)[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const links = useLinks();
  const present = courses.filter((c): c is Compared => c !== null);
  const rows: [string, (c: Compared) => ReactNode][] = [
    [t.card.provider, (c) => <Link href={links.provider(c.provider.id)}>{`${c.provider.legalName} · ${i18n.country(c.provider.country)}`}</Link>],
    [
      t.compare.accreditation,
      (c) => (
        <AccreditationBadge accreditations={c.provider.accreditations} accreditedNow={c.provider.accredited} provider={c.provider} />
      ),
    ],
    [t.card.eqf, (c) => (c.eqfLevel ? t.card.eqfValue(c.eqfLevel) : '')],
    [t.card.ects, (c) => workloadText(i18n, c)],
    [t.card.mode, (c) => word(t.vocab.modes, c.mode)],
    [t.card.languages, (c) => i18n.list(c.languages.map(i18n.language))],
    [t.card.dates, (c) => datesText(i18n, c.startDate, c.endDate)],
    [t.card.price, (c) => priceText(i18n, c)],
    [t.compare.assessment, (c) => i18n.list(c.assessmentTypes.map((a) => word(t.vocab.assessment, a)))],
    [t.compare.qualityAssurance, (c) => c.qualityAssurance ?? ''],
    [t.compare.annex, (c) => (c.annexI.complete ? t.compare.annexComplete : t.compare.annexMissing(c.annexI.missing.length))],
    [
      t.course.landingPage,
      (c) =>
        c.landingPage && (
          <a href={c.landingPage} rel="noopener noreferrer">
            {t.course.landingPageLink}
            <span className="visually-hidden">
              : <span lang={pick(c.title, i18n.lang)?.lang}>{pick(c.title, i18n.lang)?.text}</span>
            </span>
          </a>
        ),
    ],
  ];
  return (
    <div className="table-scroll" role="region" aria-label={t.compare.tableCaption(courses.length)} tabIndex={0}>
      <table className="comparison">
        <caption className="visually-hidden">{t.compare.tableCaption(courses.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.compare.attribute}</th>
            {courses.map((c, i) => {
              const title = c && pick(c.title, i18n.lang);
              return (
                <th scope="col" key={c?.id ?? i}>
                  {c ? (
                    <>
                      <Link href={links.course(c.id)} lang={title?.lang}>
                        {title?.text}
                      </Link>
                      <span className="column-provider">{c.provider.legalName}</span>
                    </>
                  ) : (
                    t.compare.notAvailable
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {courses.map((c, i) => (
                <td key={c?.id ?? i}>{c ? cell(c) || <span className="muted">{t.common.notStated}</span> : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {present.length === 0 && <p className="muted">{t.compare.notAvailable}</p>}
    </div>
  );
}
