import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { FacetName } from '../../api/types';
import { useRemote } from '../../api/use-remote';
import { EmptyPanel, ErrorPanel, Loading } from '../../components/status';
import { useI18n } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { useLinks } from '../../routing/links';
import { navigate, useLocation } from '../../routing/router';
import { ActiveFilters } from './active-filters';
import { Facets } from './facets';
import { Filters } from './filters';
import { Pagination } from './pagination';
import { ResultList } from './result-list';
import { searchOpportunities } from './search-query';
import { hasFilters, PAGE_SIZE, parseSearchState, SORT_KEYS, type SearchState, toggleFacet, toParams, toSearchInput } from './search-state';
import { PageHeading } from '../../components/page-heading';

/** Results appear this long after the last keystroke: fast enough to feel live, few requests. */
const TYPING_PAUSE_MS = 250;
/** Meilisearch counts exactly up to here (schema: totalHits); pages beyond are not offered. */
const MAX_COUNTED = 10_000;

export function SearchPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const location = useLocation();
  const links = useLinks();
  const state = parseSearchState(location.params);
  const input = toSearchInput(state, lang);
  const result = useRemote(JSON.stringify(input), (signal) => searchOpportunities(input, signal));
  usePageTitle(state.q ? `${state.q} — ${t.search.title}` : t.search.title);

  const go = (next: SearchState, options: { replace?: boolean } = {}) => navigate(links.search(toParams(next, lang)), options);
  const latest = useRef({ state, go });
  latest.current = { state, go };

  // The box holds what is typed; the address follows after a pause. A change of the address from
  // elsewhere (back button, a link, "clear") puts its words back in the box.
  const [text, setText] = useState(state.q);
  const sent = useRef(state.q);
  useEffect(() => {
    if (state.q !== sent.current) {
      sent.current = state.q;
      setText(state.q);
    }
  }, [state.q]);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      // Typing replaces the history entry: Back goes to the previous search, not to every letter.
      latest.current.go({ ...latest.current.state, q: text, page: 1 }, { replace: true });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    sent.current = text;
    go({ ...state, q: text, page: 1 });
  };
  const toggle = (facet: FacetName, value: string) => go(toggleFacet(state, facet, value));
  const [filtersOpen, setFiltersOpen] = useState(false);

  const data = result.data;
  const total = data?.totalHits ?? 0;
  const pages = Math.ceil(Math.min(total, MAX_COUNTED) / PAGE_SIZE);
  const from = total === 0 ? 0 : (state.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(state.page * PAGE_SIZE, total);

  return (
    <div className="search-page">
      <PageHeading>{t.search.title}</PageHeading>
      <p className="lead">{t.search.intro}</p>
      <a className="skip-link" href="#results-heading">
        {t.search.skipToResults}
      </a>
      <form role="search" className="search-box" onSubmit={submit}>
        <label htmlFor="q">{t.search.queryLabel}</label>
        <p id="q-hint" className="hint">
          {t.search.queryHint}
        </p>
        <div className="search-row">
          <input id="q" type="search" name="q" value={text} autoComplete="off" spellCheck={false} aria-describedby="q-hint" maxLength={200} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button">
            {t.search.submit}
          </button>
        </div>
      </form>

      <div className="search-layout">
        <section className="results-area" aria-labelledby="results-heading" aria-busy={result.loading}>
          <h2 id="results-heading" className="visually-hidden" tabIndex={-1}>
            {t.search.resultsHeading}
          </h2>
          <div className="toolbar">
            <p className="count" role="status">
              {result.loading ? t.search.searching : !data ? '' : total === 0 ? t.search.noCourses : t.search.resultCount(from, to, total > MAX_COUNTED ? t.search.resultCountMany : i18n.number(total, 0))}
            </p>
            <button
              type="button"
              className="button button-secondary filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="filters"
              onClick={() => setFiltersOpen(!filtersOpen)}
            >
              {t.search.showFilters}
            </button>
            <label className="sort">
              {t.search.sortLabel}
              <select value={state.sort} onChange={(e) => go({ ...state, sort: e.target.value as SearchState['sort'], page: 1 })}>
                {SORT_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {t.search.sort[key]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ActiveFilters state={state} onChange={(next) => go(next)} />

          {result.error !== undefined && !result.loading ? (
            <ErrorPanel title={t.search.errorTitle} error={result.error} onRetry={result.retry} />
          ) : !data ? (
            <Loading label={t.search.searching} />
          ) : data.hits.length === 0 ? (
            <EmptyPanel title={t.search.emptyTitle}>
              <p>{hasFilters(state) ? t.search.emptyHelp : t.search.emptyNoFilters}</p>
            </EmptyPanel>
          ) : (
            <div className={result.loading ? 'stale' : undefined}>
              <ResultList hits={data.hits} from={location.href} />
              <Pagination page={state.page} pages={pages} hrefFor={(page) => links.search(toParams({ ...state, page }, lang))} />
            </div>
          )}
        </section>

        {/* After the results in reading order, so the keyboard reaches the first course quickly;
            on a phone it opens on demand over the results. */}
        <aside id="filters" className={filtersOpen ? 'filters open' : 'filters'} aria-labelledby="filters-heading">
          <div className="filters-head">
            <h2 id="filters-heading">{t.search.filtersHeading}</h2>
            <button type="button" className="button filters-close" onClick={() => setFiltersOpen(false)}>
              {t.search.hideFilters}
            </button>
          </div>
          <Facets state={state} facets={data?.facets} onToggle={toggle} />
          <Filters state={state} onChange={(next) => go(next)} />
        </aside>
      </div>
    </div>
  );
}
