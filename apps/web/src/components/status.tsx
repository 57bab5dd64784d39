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

/** Codes where asking again can help; for the others a retry would only repeat the refusal. */
const TRANSIENT = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR', 'other']);

/**
 * What went wrong, in the reader's words: the api's field paths ("input.did") become the names of
 * the fields on the page, and "try again" is offered only when trying again can help.
 */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : 'other';
  const known = code in t.common.errors && code !== 'field';
  const message = known ? (t.common.errors[code as Exclude<keyof typeof t.common.errors, 'field'>] as string) : t.common.errors.other;
  const names: Record<string, string> = {
    did: t.verify.didLabel,
    certificatePem: t.verify.certificateLabel,
    organisationIdentifier: t.verify.identifierLabel,
    at: t.verify.dateLabel,
    eqfLevel: t.verify.eqfLabel,
    iscedFCode: t.verify.fieldLabel,
    ectsMin: `${t.search.ectsHeading}: ${t.search.ectsMin}`,
    ectsMax: `${t.search.ectsHeading}: ${t.search.ectsMax}`,
    startsFrom: `${t.search.datesHeading}: ${t.search.startsFrom}`,
    startsTo: `${t.search.datesHeading}: ${t.search.startsTo}`,
    query: t.search.queryLabel,
  };
  const fields = error instanceof ApiError ? [...new Set(error.fields.map((f) => names[f.field.split('.').pop() ?? ''] ?? null).filter((n): n is string => n !== null))] : [];
  return (
    <div className="panel panel-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((name) => (
            <li key={name}>{t.common.errors.field(name)}</li>
          ))}
        </ul>
      )}
      {onRetry && TRANSIENT.has(known ? code : 'other') && (
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
