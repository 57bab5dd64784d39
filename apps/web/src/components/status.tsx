import type { ReactNode } from 'react';
import { ApiError } from '../api/graphql';
import { useI18n } from '../i18n';

/** A polite "working on it" line that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

/** What went wrong, in the reader's words, with a way to try again. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : 'other';
  const message = t.common.errors[code as keyof typeof t.common.errors] ?? t.common.errors.other;
  return (
    <div className="panel panel-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {error instanceof ApiError && error.fields.length > 0 && (
        <ul>
          {error.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}

export function EmptyPanel({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="panel panel-empty" role="status">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
