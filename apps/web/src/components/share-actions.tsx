import { useState } from 'react';
import { useI18n } from '../i18n';

/**
 * "Copy link" and "Print" for a view a counsellor or verifier passes on. Copying the link (or,
 * where there is none to share, a summary in words) says that it worked; when the browser refuses
 * the clipboard, the text is shown selected, to copy by hand.
 */
export function ShareActions({ text, copyLabel }: { text?: string; copyLabel?: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    const value = text ?? window.location.href;
    try {
      await navigator.clipboard.writeText(value);
      setNote({ ok: true, text: value });
    } catch {
      setNote({ ok: false, text: value });
    }
  };
  return (
    <div className="share-actions no-print">
      <button type="button" className="button button-secondary" onClick={() => void copy()}>
        {copyLabel ?? t.share.copyLink}
      </button>
      <button type="button" className="button button-secondary" onClick={() => window.print()}>
        {t.share.print}
      </button>
      <p role="status" className="hint">
        {note?.ok ? (text ? t.share.summaryCopied : t.share.linkCopied) : ''}
      </p>
      {note && !note.ok && (
        <label className="block-label">
          {t.share.copyByHand}
          <textarea readOnly rows={text ? 6 : 2} value={note.text} ref={(element) => element?.select()} />
        </label>
      )}
    </div>
  );
}
