import type { MouseEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { Link as RouterLink } from '../../routing/router';

/**
 * Real links to pages (so they open in new tabs and are shared), around the current one. A plain
 * click goes to `onPage`, which brings the reader to the top of the new results.
 */
export function Pagination({ page, pages, hrefFor, onPage }: { page: number; pages: number; hrefFor: (page: number) => string; onPage: (href: string) => void }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  const link = (href: string, children: ReactNode, rel?: string) => (
    <RouterLink
      href={href}
      rel={rel}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onPage(href);
      }}
    >
      {children}
    </RouterLink>
  );
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={t.search.pages}>
      <ul>
        <li>{page > 1 ? link(hrefFor(page - 1), t.search.previous, 'prev') : <span className="disabled">{t.search.previous}</span>}</li>
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && shown[i - 1] !== p - 1 && <span className="gap" aria-hidden="true">…</span>}
            {p === page ? (
              <span className="current" aria-current="page">
                <PageNumber label={t.search.pageN(p)} n={p} />
              </span>
            ) : (
              link(hrefFor(p), <PageNumber label={t.search.pageN(p)} n={p} />)
            )}
          </li>
        ))}
        <li>{page < pages ? link(hrefFor(page + 1), t.search.next, 'next') : <span className="disabled">{t.search.next}</span>}</li>
      </ul>
    </nav>
  );
}

/** Shows the bare number, says "Page n" to screen readers. */
function PageNumber({ label, n }: { label: string; n: number }) {
  return (
    <>
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">{n}</span>
    </>
  );
}
