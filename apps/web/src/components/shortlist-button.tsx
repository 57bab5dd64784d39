import { useI18n } from '../i18n';
import { type ShortlistEntry, useShortlist } from '../shared/shortlist';

/**
 * Adds a course to the browser's shortlist, or takes it off. The visible words come first in the
 * accessible name and the hidden title tells apart the many such buttons on a page. The entry
 * keeps provider, dates and price, so the shortlist tells apart courses of the same name.
 */
export function ShortlistButton({ entry }: { entry: ShortlistEntry }) {
  const { t } = useI18n();
  const shortlist = useShortlist();
  const on = shortlist.has(entry.id);
  return (
    <button type="button" className={on ? 'button button-secondary on' : 'button button-secondary'} onClick={() => shortlist.toggle(entry)}>
      <span aria-hidden="true">{on ? '★ ' : '☆ '}</span>
      {on ? t.card.shortlistRemove : t.card.shortlistAdd}
      <span className="visually-hidden">
        : <span lang={entry.titleLang}>{entry.title}</span>
      </span>
    </button>
  );
}

/** The shortlist's snapshot of a course. */
export function shortlistEntry(
  id: string,
  title: string,
  titleLang: string | undefined,
  course: { provider: { legalName: string }; startDate: string | null; endDate: string | null; free: boolean; price: { amount: number; currency: string } | null },
): ShortlistEntry {
  return { id, title, titleLang, provider: course.provider.legalName, startDate: course.startDate, endDate: course.endDate, free: course.free, price: course.price };
}
