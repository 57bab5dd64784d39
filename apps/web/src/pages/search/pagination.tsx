import { useI18n } from '../../i18n';
import { Link } from '../../routing/router';

/** Real links to pages (so they open in new tabs and are shared), around the current one. */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={t.search.pages}>
      <ul>
        <li>{page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">{t.search.previous}</Link> : <span className="disabled">{t.search.previous}</span>}</li>
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && shown[i - 1] !== p - 1 && <span className="gap" aria-hidden="true">…</span>}
            {p === page ? (
              <span className="current" aria-current="page">
                <PageNumber label={t.search.pageN(p)} n={p} />
              </span>
            ) : (
              <Link href={hrefFor(p)}>
                <PageNumber label={t.search.pageN(p)} n={p} />
              </Link>
            )}
          </li>
        ))}
        <li>{page < pages ? <Link href={hrefFor(page + 1)} rel="next">{t.search.next}</Link> : <span className="disabled">{t.search.next}</span>}</li>
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
