import { type ChangeEvent, type FormEvent, useState } from 'react';
import type { TrustQuestion } from '../../api/trust';
import { useI18n, word } from '../../i18n';
import { certificateFromBytes } from './pem';

export type Identity = 'certificate' | 'did' | 'identifier';

/** A question given by the address (`?identifier=…&at=…`, `?did=…`): the form starts with it. */
export interface Prefill {
  identity: 'did' | 'identifier';
  value: string;
  date?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The verifier's question: one identity (a certificate pasted or from a PEM/DER file, a DID or a
 * legal identifier), the day the credential was issued, and optionally an EQF level and a field.
 */
export function VerifyForm({ busy, onAsk, prefill }: { busy: boolean; onAsk: (question: TrustQuestion) => void; prefill?: Prefill }) {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<Identity>(prefill?.identity ?? 'certificate');
  const [certificate, setCertificate] = useState('');
  const [fileNote, setFileNote] = useState<{ text: string; error: boolean } | null>(null);
  const [did, setDid] = useState(prefill?.identity === 'did' ? prefill.value : '');
  const [identifier, setIdentifier] = useState(prefill?.identity === 'identifier' ? prefill.value : '');
  const [date, setDate] = useState(prefill?.date ?? today());
  const [time, setTime] = useState('');
  const [eqf, setEqf] = useState('');
  const [field, setField] = useState('');
  const [missing, setMissing] = useState(false);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const read = certificateFromBytes(new Uint8Array(await file.arrayBuffer()));
    if (!read) {
      setFileNote({ text: t.verify.fileUnreadable, error: true });
      return;
    }
    setCertificate(read.pem);
    setMissing(false);
    setFileNote({ text: read.converted ? t.verify.fileConverted(file.name) : t.verify.fileRead(file.name), error: false });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = { certificate: certificate.trim(), did: did.trim(), identifier: identifier.trim() }[identity];
    if (!value) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const question: TrustQuestion = { at: instant(date, time) };
    if (identity === 'certificate') question.certificatePem = value;
    if (identity === 'did') question.did = value;
    if (identity === 'identifier') question.organisationIdentifier = value;
    if (eqf) question.eqfLevel = Number(eqf);
    if (field.trim()) question.iscedFCode = field.trim();
    onAsk(question);
  };

  const error = missing ? <p id="identity-error" className="field-error">{t.verify.required}</p> : null;
  const describedBy = (hint: string) => (missing ? `${hint} identity-error` : hint);

  return (
    <form className="verify-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t.verify.identityLegend}</legend>
        <div className="radios">
          {(['certificate', 'did', 'identifier'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="identity" value={option} checked={identity === option} onChange={() => setIdentity(option)} />
              {word({ certificate: t.verify.byCertificate, did: t.verify.byDid, identifier: t.verify.byIdentifier }, option)}
            </label>
          ))}
        </div>
        {identity === 'certificate' && (
          <>
            <label htmlFor="certificate">{t.verify.certificateLabel}</label>
            <p id="certificate-hint" className="hint">
              {t.verify.certificateHint}
            </p>
            {error}
            <textarea
              id="certificate"
              rows={8}
              spellCheck={false}
              value={certificate}
              aria-describedby={describedBy('certificate-hint')}
              aria-invalid={missing || undefined}
              onChange={(e) => setCertificate(e.target.value)}
            />
            <label htmlFor="certificate-file">{t.verify.fileLabel}</label>
            <input id="certificate-file" type="file" accept=".pem,.crt,.cer,.der,application/x-pem-file,application/pkix-cert" onChange={readFile} aria-describedby="file-note" />
            <p id="file-note" className={fileNote?.error ? 'field-error' : 'hint'} role="status">
              {fileNote?.text ?? ''}
            </p>
          </>
        )}
        {identity === 'did' && (
          <>
            <label htmlFor="did">{t.verify.didLabel}</label>
            <p id="did-hint" className="hint">
              {t.verify.didHint}
            </p>
            {error}
            <input id="did" type="text" spellCheck={false} autoComplete="off" value={did} aria-describedby={describedBy('did-hint')} aria-invalid={missing || undefined} onChange={(e) => setDid(e.target.value)} />
          </>
        )}
        {identity === 'identifier' && (
          <>
            <label htmlFor="identifier">{t.verify.identifierLabel}</label>
            <p id="identifier-hint" className="hint">
              {t.verify.identifierHint}
            </p>
            {error}
            <input
              id="identifier"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={identifier}
              aria-describedby={describedBy('identifier-hint')}
              aria-invalid={missing || undefined}
              onChange={(e) => setIdentifier(e.target.value)}
            />
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t.verify.whenLegend}</legend>
        <div className="pair">
          <label>
            {t.verify.dateLabel}
            <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            {t.verify.timeLabel}
            <input type="time" value={time} aria-describedby="time-hint" onChange={(e) => setTime(e.target.value)} />
          </label>
        </div>
        <p id="time-hint" className="hint">
          {t.verify.timeHint}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t.verify.scopeLegend}</legend>
        <div className="pair">
          <label>
            {t.verify.eqfLabel}
            <select value={eqf} onChange={(e) => setEqf(e.target.value)}>
              <option value="">{t.verify.anyLevel}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((level) => (
                <option key={level} value={level}>
                  {t.card.eqfValue(level)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.verify.fieldLabel}
            <input type="text" inputMode="numeric" pattern="\d{2,4}" maxLength={4} value={field} aria-describedby="field-hint" onChange={(e) => setField(e.target.value)} />
          </label>
        </div>
        <p id="field-hint" className="hint">
          {t.verify.fieldHint}
        </p>
      </fieldset>

      <button type="submit" className="button" disabled={busy}>
        {busy ? t.verify.checking : t.verify.submit}
      </button>
    </form>
  );
}

/**
 * The moment to ask about: the day at the given time (UTC); without a time, midday — or now,
 * when the day is today, so that the question is never about a moment still to come.
 */
export function instant(date: string, time: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today();
  if (time) return new Date(`${day}T${time}:00Z`).toISOString();
  if (day === today()) return new Date().toISOString();
  return `${day}T12:00:00.000Z`;
}
