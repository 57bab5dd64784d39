import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { FacetName } from '../../api/types';
import { useRemote } from '../../api/use-remote';
import { EmptyPanel, ErrorPanel, Loading } from '../../components/status';
import { useI18n } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { useLinks } from '../../routing/links';
import { navigate, takeScrollRestore, useLocation } from '../../routing/router';
import { ActiveFilters } from './active-filters';
import { Facets } from './facets';
import { Filters } from './filters';
import { Pagination } from './pagination';
import { ResultList } from './result-list';
import { loadStandings, searchOpportunities } from './search-query';
import { hasFilters, PAGE_SIZE, parseSearchState, SORT_KEYS, type SearchState, toggleFacet, toParams, toSearchInput } from './search-state';
import { PageHeading } from '../../components/page-heading';

/** Results appear this long after the last keystroke: fast enough to feel live, few requests. */
const TYPING_PAUSE_MS = 250;
/** Meilisearch counts exactly up to here (schema: totalHits); pages beyond are not offered. */
const MAX_COUNTED = 10_000;
/** Where the filters become a panel over the results (styles.css, the same width). */
const PHONE = '(max-width: 50rem)';

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
  const filtersToggle = useRef<HTMLButtonElement>(null);
  const filtersClose = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const closeFilters = () => {
    setFiltersOpen(false);
    filtersToggle.current?.focus();
  };
  useEffect(() => {
    if (filtersOpen) filtersClose.current?.focus();
  }, [filtersOpen]);
  // On a phone the open panel covers the page: Tab and Shift+Tab go round inside it, Escape
  // closes it and gives the focus back to the button that opened it.
  const trapFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!filtersOpen || !window.matchMedia(PHONE).matches) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      closeFilters();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])')].filter(
      (element) => element.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const data = result.data;
  // The standings of the shown hits' unaccredited providers (why each is not accredited), asked
  // for apart from the search once its hits are in.
  const unaccredited = [...new Set((data?.hits ?? []).filter((h) => !h.accreditedNow).map((h) => h.opportunity.provider.id))].sort();
  const standingsKey = unaccredited.length > 0 ? unaccredited.join(',') : null;
  const standings = useRemote(standingsKey, (signal) => loadStandings(unaccredited, signal));
  // Drawn: the results of the address and what their cards say about their providers. Only then
  // has the page its height, so only then can it go back to where the reader was: restored
  // earlier, the cards that grow by their reasons afterwards would move the view (and a position
  // below the shorter page's end would be cut to it).
  const settled = result.settled && (standingsKey === null || standings.settled);
  const area = useRef<HTMLElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // After another page of results (or a filter removed with nothing left to stand on), the
  // keyboard and the view go to the top of the new results once they are there — not to the top
  // of the page, and not left on a link that has scrolled away.
  const focusResults = useRef<'scroll' | 'focus' | null>(null);
  useEffect(() => {
    if (!settled) return;
    const back = takeScrollRestore();
    if (back) {
      window.scrollTo(0, back.y);
      const link = back.linkHref ? [...(area.current?.querySelectorAll('a') ?? [])].find((a) => a.getAttribute('href') === back.linkHref) : undefined;
      link?.focus({ preventScroll: true });
    } else if (focusResults.current) {
      if (focusResults.current === 'scroll') area.current?.scrollIntoView({ block: 'start' });
      resultsHeading.current?.focus({ preventScroll: true });
    }
    focusResults.current = null;
  }, [settled, location.href]);

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
        <section ref={area} className="results-area" aria-labelledby="results-heading" aria-busy={result.loading}>
          <h2 id="results-heading" ref={resultsHeading} className="visually-hidden" tabIndex={-1}>
            {t.search.resultsHeading}
          </h2>
          <div className="toolbar">
            <p className="count" role="status">
              {result.loading ? t.search.searching : !data ? '' : total === 0 ? t.search.noCourses : t.search.resultCount(from, to, total > MAX_COUNTED ? t.search.resultCountMany : i18n.number(total, 0))}
            </p>
            <button
              ref={filtersToggle}
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
          <ActiveFilters
            state={state}
            onChange={(next, lastOne) => {
              if (lastOne) focusResults.current = 'focus';
              go(next);
            }}
          />

          {result.error !== undefined && !result.loading ? (
            <ErrorPanel
              title={t.search.errorTitle}
              error={result.error}
              onRetry={() => {
                // The button goes with the error: the focus goes to the results that replace it.
                focusResults.current = 'focus';
                result.retry();
              }}
            />
          ) : !data ? (
            <Loading label={t.search.searching} />
          ) : data.hits.length === 0 ? (
            <EmptyPanel title={t.search.emptyTitle}>
              <p>{hasFilters(state) ? t.search.emptyHelp : t.search.emptyNoFilters}</p>
            </EmptyPanel>
          ) : (
            <div className={result.loading ? 'stale' : undefined}>
              <ResultList hits={data.hits} from={location.href} standings={standings.data} />
              <Pagination
                page={state.page}
                pages={pages}
                hrefFor={(page) => links.search(toParams({ ...state, page }, lang))}
                onPage={(href) => {
                  focusResults.current = 'scroll';
                  navigate(href);
                }}
              />
            </div>
          )}
        </section>

        {/* After the results in reading order, so the keyboard reaches the first course quickly;
            on a phone it opens on demand over the results. */}
        <aside id="filters" className={filtersOpen ? 'filters open' : 'filters'} aria-labelledby="filters-heading">
          <div ref={panel} role={filtersOpen ? 'dialog' : undefined} aria-modal={filtersOpen || undefined} aria-labelledby={filtersOpen ? 'filters-heading' : undefined} onKeyDown={trapFocus}>
            <div className="filters-head">
              <h2 id="filters-heading">{t.search.filtersHeading}</h2>
              <button ref={filtersClose} type="button" className="button filters-close" onClick={closeFilters}>
                {t.search.hideFilters}
              </button>
            </div>
            <Facets state={state} facets={data?.facets} onToggle={toggle} />
            <Filters state={state} onChange={(next) => go(next)} />
          </div>
        </aside>
      </div>
    </div>
  );
}
