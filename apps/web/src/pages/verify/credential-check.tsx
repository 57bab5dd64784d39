import { type DragEvent, type FormEvent, useRef, useState } from 'react';
import { ApiError, isAbort } from '../../api/graphql';
import { type CredentialVerification, MAX_CREDENTIAL_BYTES, verifyCredential } from '../../api/credentials';
import { ErrorPanel } from '../../components/status';
import { useI18n } from '../../i18n';
import { CredentialResult } from './credential-result';

/**
 * A credential as the learner or employer holds it: a file picked or dropped (sent as it is, at
 * once) or text pasted. The file is read by nobody but the api, which keeps nothing.
 */
export function CredentialCheck() {
  const { t } = useI18n();
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [state, setState] = useState<{ busy: boolean; answer?: CredentialVerification; error?: unknown }>({ busy: false });
  const pending = useRef<AbortController | null>(null);

  const check = (credential: Blob | string, name?: string) => {
    const size = typeof credential === 'string' ? new Blob([credential]).size : credential.size;
    if (size > MAX_CREDENTIAL_BYTES) {
      setNote({ text: t.credential.tooLarge, error: true });
      return;
    }
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setNote(name ? { text: t.credential.fileSent(name), error: false } : null);
    setState({ busy: true });
    verifyCredential(credential, controller.signal).then(
      (answer) => {
        if (name) setNote({ text: t.credential.fileChecked(name), error: false });
        setState({ busy: false, answer });
      },
      (error: unknown) => {
        if (!isAbort(error)) setState({ busy: false, error });
      },
    );
  };

  const fromFile = (file: File | undefined) => {
    if (file) check(file, file.name);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    fromFile(event.dataTransfer.files[0]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pasted.trim()) {
      setNote({ text: t.credential.required, error: true });
      return;
    }
    check(pasted);
  };

  const refused = state.error instanceof ApiError && ['BAD_USER_INPUT', 'TOO_LARGE'].includes(state.error.code);
  return (
    <section className="credential-check" aria-labelledby="credential-heading">
      <h2 id="credential-heading">{t.credential.heading}</h2>
      <p>{t.credential.intro}</p>
      <div className="verify-layout">
        <form className="verify-form" onSubmit={submit} noValidate>
          <div
            className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <label htmlFor="credential-file">{t.credential.fileLabel}</label>
            <input
              id="credential-file"
              type="file"
              accept=".json,.jsonld,.jwt,.txt,application/json,application/ld+json,application/jwt"
              aria-describedby="credential-drop-hint credential-note"
              onChange={(event) => {
                fromFile(event.target.files?.[0]);
                // The same file again is a new check.
                event.target.value = '';
              }}
            />
            <p id="credential-drop-hint" className="hint">
              {dragging ? t.credential.dropActive : t.credential.dropHint}
            </p>
          </div>
          <p id="credential-note" className={note?.error ? 'field-error' : 'hint'} role="status">
            {note?.text ?? ''}
          </p>
          <label htmlFor="credential-text" className="block-label">
            {t.credential.pasteLabel}
          </label>
          <textarea id="credential-text" rows={6} spellCheck={false} value={pasted} onChange={(event) => setPasted(event.target.value)} />
          <button type="submit" className="button" disabled={state.busy}>
            {state.busy ? t.credential.checking : t.credential.submit}
          </button>
        </form>
        <div>
          {state.error !== undefined &&
            (refused ? (
              <div className="panel panel-error" role="alert">
                <h3>{t.credential.errorTitle}</h3>
                <p>{(state.error as ApiError).code === 'TOO_LARGE' ? t.credential.tooLarge : t.credential.notACredential}</p>
              </div>
            ) : (
              <ErrorPanel title={t.credential.errorTitle} error={state.error} />
            ))}
          {state.answer && <CredentialResult answer={state.answer} />}
        </div>
      </div>
    </section>
  );
}
