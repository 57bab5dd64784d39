import { useI18n } from '../i18n';
import { useShortlist } from '../shared/shortlist';

/**
 * Adds a course to the browser's shortlist, or takes it off. The visible words come first in the
 * accessible name and the hidden title tells apart the many such buttons on a page.
 */
export function ShortlistButton({ id, title }: { id: string; title: string }) {
  const { t } = useI18n();
  const shortlist = useShortlist();
  const on = shortlist.has(id);
  return (
    <button type="button" className={on ? 'button button-secondary on' : 'button button-secondary'} onClick={() => shortlist.toggle({ id, title })}>
      <span aria-hidden="true">{on ? '★ ' : '☆ '}</span>
      {on ? t.card.shortlistRemove : t.card.shortlistAdd}
      <span className="visually-hidden">: {title}</span>
    </button>
  );
}
