import { lazy, Suspense } from 'react';
import { EmptyPanel, Loading } from './components/status';
import { LANGUAGE_NAMES, LANGUAGES, useI18n } from './i18n';
import { usePageTitle } from './page-title';
import { SearchPage } from './pages/search/search-page';
import { type Route, routeOf, useLinks } from './routing/links';
import { hrefOf, Link, useLocation } from './routing/router';
import { useShortlist } from './shared/shortlist';
import { PageHeading } from './components/page-heading';

// Only search is in the first load (its budget is 100 KB of gzipped JavaScript); the other pages (course, provider, compare, verify)
// are fetched when first opened.
const CoursePage = lazy(() => import('./pages/course/course-page').then((m) => ({ default: m.CoursePage })));
const ComparePage = lazy(() => import('./pages/compare/compare-page').then((m) => ({ default: m.ComparePage })));
const ProviderPage = lazy(() => import('./pages/provider/provider-page').then((m) => ({ default: m.ProviderPage })));
const VerifyPage = lazy(() => import('./pages/verify/verify-page').then((m) => ({ default: m.VerifyPage })));

export function App() {
  const { t } = useI18n();
  const { path } = useLocation();
  const route = routeOf(path);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Header route={route} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Page route={route} />
        </Suspense>
      </main>
      <Footer />
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'search':
      return <SearchPage />;
    case 'course':
      return <CoursePage id={route.id} />;
    case 'provider':
      return <ProviderPage id={route.id} />;
    case 'compare':
      return <ComparePage />;
    case 'verify':
      return <VerifyPage />;
    case 'not-found':
      return <NotFound />;
  }
}

function Header({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const links = useLinks();
  const { path, params } = useLocation();
  const shortlist = useShortlist();
  const current = (page: Route['page']) => (route.page === page ? ('page' as const) : undefined);
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link href={links.search()} className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span>
            <span className="brand-name">{t.app.name}</span>
            <span className="brand-tagline">{t.app.tagline}</span>
          </span>
        </Link>
        <nav aria-label={t.app.language} className="languages">
          <ul>
            {LANGUAGES.map((code) => {
              const next = new URLSearchParams(params);
              next.set('lang', code);
              return (
                <li key={code}>
                  <Link href={hrefOf(path, next)} lang={code} hrefLang={code} aria-current={code === lang ? 'true' : undefined}>
                    {LANGUAGE_NAMES[code]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
      <nav aria-label={t.app.mainNav} className="main-nav">
        <ul>
          <li>
            <Link href={links.search()} aria-current={current('search') ?? current('course')}>
              {t.app.navSearch}
            </Link>
          </li>
          <li>
            <Link href={links.compare()} aria-current={current('compare')}>
              {t.app.navCompare}
              {shortlist.entries.length > 0 && <span className="pill"> {t.app.shortlistCount(shortlist.entries.length)}</span>}
            </Link>
          </li>
          <li>
            <Link href={links.verify()} aria-current={current('verify')}>
              {t.app.navVerify}
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t.app.footer}</p>
      <p>{t.app.footerApi}</p>
    </footer>
  );
}

function NotFound() {
  const { t } = useI18n();
  const links = useLinks();
  usePageTitle(t.app.notFoundTitle);
  return (
    <>
      <PageHeading>{t.app.notFoundTitle}</PageHeading>
      <EmptyPanel title={t.app.notFoundText}>
        <p>
          <Link href={links.search()}>{t.app.backToSearch}</Link>
        </p>
      </EmptyPanel>
    </>
  );
}
