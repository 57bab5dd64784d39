import { useEffect, useRef } from 'react';
import type { CredentialVerification } from '../../api/credentials';
import { useI18n, word } from '../../i18n';
import { ShareActions } from '../../components/share-actions';
import { downloadText } from '../../shared/download';

const PANEL: Record<CredentialVerification['status'], string> = { VERIFIED: 'panel-ok', NOT_TRUSTED: 'panel-error', INVALID: 'panel-error' };

/**
 * The answer about a credential in plain words: is the seal intact, who sealed it and when, was
 * that issuer accredited for it then (by whom, until when), what the credential claims, and the
 * signed receipt. Codes stay beside the sentences for people who report them.
 */
export function CredentialResult({ answer }: { answer: CredentialVerification }) {
  const i18n = useI18n();
  const { t } = i18n;
  const c = t.credential;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [answer]);

  const { signature, credential, trust } = answer;
  const sealer = trust?.organisation
    ? `${trust.organisation.legalName} (${trust.organisation.legalIdentifier})`
    : (signature?.certificate?.organizationIdentifier ?? signature?.did ?? c.unknownSealer);
  const day = signature?.signedAt ? i18n.dateTime(signature.signedAt) : '…';
  const summary = answer.status === 'VERIFIED' ? c.summaryVerified(sealer, day) : answer.status === 'NOT_TRUSTED' ? c.summaryNotTrusted(sealer, day) : c.summaryInvalid;
  const sentence = (tables: Record<string, string>[], item: { code: string; message: string }) => tables.map((table) => word(table, item.code)).find((w) => w !== item.code) ?? item.message;

  return (
    <section className="credential-result" aria-labelledby="credential-result-heading">
      <h3 id="credential-result-heading" ref={heading} tabIndex={-1}>
        {c.resultHeading}
      </h3>
      <div className={`panel verdict ${PANEL[answer.status]}`}>
        <p className="verdict-word">
          <span aria-hidden="true">{answer.status === 'VERIFIED' ? '✓ ' : '✗ '}</span>
          {c[answer.status]}
        </p>
        <p>{summary}</p>
      </div>
      {/* The file is kept by nobody, so there is no link to it: the answer is passed on in words. */}
      <ShareActions
        text={[
          c[answer.status],
          summary,
          credential?.title ? `${c.title}: ${credential.title}` : '',
          ...answer.reasons.map((r) => `- ${sentence([c.reasons, t.reasons], r)}`),
          `${c.fingerprint}: ${answer.credentialSha256}`,
        ]
          .filter(Boolean)
          .join('\n')}
        copyLabel={t.share.copySummary}
      />

      {answer.reasons.length > 0 && (
        <>
          <h4>{t.verify.reasonsHeading}</h4>
          <ul className="reasons">
            {answer.reasons.map((reason, i) => (
              <li key={i} data-code={reason.code}>
                {sentence([c.reasons, t.reasons], reason)} <code className="muted">{reason.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.warnings.length > 0 && (
        <>
          <h4>{t.verify.warningsHeading}</h4>
          <ul className="reasons">
            {answer.warnings.map((warning, i) => (
              <li key={i} data-code={warning.code}>
                {sentence([c.warnings, t.warnings], warning)} <code className="muted">{warning.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      <h4>{c.sealHeading}</h4>
      <dl className="details seal">
        <div>
          <dt>{c.seal}</dt>
          <dd>{answer.status === 'INVALID' ? c.sealBroken : c.sealIntact}</dd>
        </div>
        {signature?.certificate && (
          <div>
            <dt>{c.sealedBy}</dt>
            <dd>
              <code className="dn">{signature.certificate.subject}</code>
            </dd>
          </div>
        )}
        {signature?.did && (
          <div>
            <dt>{c.did}</dt>
            <dd>
              <code className="fingerprint">{signature.did}</code>
            </dd>
          </div>
        )}
        {signature?.signedAt && (
          <div>
            <dt>{c.sealedOn}</dt>
            <dd>{i18n.dateTime(signature.signedAt)}</dd>
          </div>
        )}
        {signature?.certificate && (
          <div>
            <dt>{t.verify.qualifiedSeal}</dt>
            <dd>{signature.certificate.qualifiedESeal ? t.common.yes : t.common.no}</dd>
          </div>
        )}
      </dl>

      {trust && trust.accreditations.length > 0 && (
        <>
          <h4>{c.accreditedHeading}</h4>
          <ul className="accreditations">
            {trust.accreditations.map((a) => (
              <li key={a.id}>
                {c.accreditedBy(a.title, a.accreditingAgentName, a.expiresAt ? i18n.date(a.expiresAt) : '…')}
              </li>
            ))}
          </ul>
        </>
      )}

      {credential && (
        <>
          <h4>{c.claimHeading}</h4>
          <dl className="details claim">
            <div>
              <dt>{c.title}</dt>
              <dd>{credential.title ?? t.common.notStated}</dd>
            </div>
            <div>
              <dt>{c.awardingBody}</dt>
              <dd>{credential.awardingBody ?? t.common.notStated}</dd>
            </div>
            <div>
              <dt>{c.issuedAt}</dt>
              <dd>{credential.issuedAt ? i18n.date(credential.issuedAt) : t.common.notStated}</dd>
            </div>
            <div>
              <dt>{t.verify.eqfLabel}</dt>
              <dd>{credential.eqfLevel ? t.card.eqfValue(credential.eqfLevel) : t.common.notStated}</dd>
            </div>
            <div>
              <dt>{c.fields}</dt>
              <dd>
                {credential.iscedFCodes.length > 0
                  ? credential.iscedFCodes.map((code) => `${code} (${word(t.vocab.iscedBroad, code.slice(0, 2))})`).join(', ')
                  : t.common.notStated}
              </dd>
            </div>
            <div>
              <dt>{c.annexI}</dt>
              <dd>{credential.annexI.complete ? c.annexComplete : c.annexMissing(credential.annexI.missing.map((e) => word(c.annexElements, e)).join(', '))}</dd>
            </div>
          </dl>
        </>
      )}

      <dl className="details meta">
        <div>
          <dt>{c.fingerprint}</dt>
          <dd>
            <code className="fingerprint">{answer.credentialSha256}</code>
          </dd>
        </div>
      </dl>
      <h4>{t.verify.receiptHeading}</h4>
      <p>{c.receiptText}</p>
      <button type="button" className="button" onClick={() => downloadText(`tessera-credential-receipt-${answer.credentialSha256.slice(0, 16)}.jws`, answer.receipt, 'application/jose')}>
        {c.downloadReceipt}
      </button>
    </section>
  );
}
