import { useEffect, useRef } from 'react';
import type { TrustQuestion } from '../../api/trust';
import type { TrustDecision } from '../../api/types';
import { useI18n, word } from '../../i18n';
import { ShareActions } from '../../components/share-actions';
import { downloadText } from '../../shared/download';

const PANEL: Record<TrustDecision['status'], string> = { TRUSTED: 'panel-ok', NOT_TRUSTED: 'panel-error', UNKNOWN_ISSUER: 'panel-neutral' };

/**
 * The answer as a verifier needs it: the verdict in a sentence, every reason and warning in a
 * sentence of its own, the accreditations that grant the trust, what the key was, and the receipt.
 */
export function VerifyResult({ decision, question }: { decision: TrustDecision; question: TrustQuestion }) {
  const i18n = useI18n();
  const { t } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the answer, not at the bottom of the form.
  useEffect(() => heading.current?.focus(), [decision]);

  const name = decision.organisation ? `${decision.organisation.legalName} (${decision.organisation.legalIdentifier})` : '';
  const day = i18n.dateTime(decision.at);
  const summary =
    decision.status === 'TRUSTED' ? t.verify.summaryTrusted(name, day) : decision.status === 'NOT_TRUSTED' ? t.verify.summaryNotTrusted(name, day) : t.verify.summaryUnknown;
  const scope = [question.eqfLevel ? t.card.eqfValue(question.eqfLevel) : '', question.iscedFCode ? `ISCED-F ${question.iscedFCode}` : ''].filter(Boolean);

  return (
    <section className="verify-result" aria-labelledby="result-heading">
      <h2 id="result-heading" ref={heading} tabIndex={-1}>
        {t.verify.resultHeading}
      </h2>
      <div className={`panel verdict ${PANEL[decision.status]}`}>
        <p className="verdict-word">
          <span aria-hidden="true">{decision.status === 'TRUSTED' ? '✓ ' : decision.status === 'NOT_TRUSTED' ? '✗ ' : '? '}</span>
          {t.verify[decision.status]}
        </p>
        <p>{summary}</p>
        {scope.length > 0 && (
          <p>
            {t.verify.scopeSummary}: {scope.join(', ')}
          </p>
        )}
      </div>
      {/* A pasted certificate is not in the address: then the answer is passed on in words. */}
      {question.certificatePem ? (
        <ShareActions
          text={[t.verify[decision.status], summary, decision.certificate ? `${t.course.fingerprint}: ${decision.certificate.sha256}` : '', `${t.verify.evaluatedAt}: ${i18n.dateTime(decision.evaluatedAt)}`]
            .filter(Boolean)
            .join('\n')}
          copyLabel={t.share.copySummary}
        />
      ) : (
        <ShareActions />
      )}

      {decision.reasons.length > 0 && (
        <>
          <h3>{t.verify.reasonsHeading}</h3>
          <ul className="reasons">
            {decision.reasons.map((reason, i) => (
              <li key={i} data-code={reason.code}>
                {word(t.reasons, reason.code) === reason.code ? reason.message : word(t.reasons, reason.code)} <code className="muted">{reason.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {decision.warnings.length > 0 && (
        <>
          <h3>{t.verify.warningsHeading}</h3>
          <ul className="reasons">
            {decision.warnings.map((warning, i) => (
              <li key={i} data-code={warning.code}>
                {word(t.warnings, warning.code) === warning.code ? warning.message : word(t.warnings, warning.code)} <code className="muted">{warning.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      {decision.status !== 'UNKNOWN_ISSUER' && (
        <>
          <h3>{t.verify.grantingHeading}</h3>
          {decision.accreditations.length === 0 ? (
            <p>{t.verify.noGranting}</p>
          ) : (
            <ul className="accreditations">
              {decision.accreditations.map((a) => (
                <li key={a.id}>
                  <strong>{a.title}</strong>
                  <dl className="details">
                    <div>
                      <dt>{t.course.agency}</dt>
                      <dd>{a.accreditingAgentName}</dd>
                    </div>
                    <div>
                      <dt>{t.course.type}</dt>
                      <dd>{word(t.vocab.accreditationType, a.type)}</dd>
                    </div>
                    <div>
                      <dt>{t.course.decisionLabel}</dt>
                      <dd>{word(t.vocab.decision, a.decision)}</dd>
                    </div>
                    <div>
                      <dt>{t.course.validity}</dt>
                      <dd>{t.course.validityValue(i18n.date(a.validFrom), a.expiresAt ? i18n.date(a.expiresAt) : '…')}</dd>
                    </div>
                    {a.reviewDate && (
                      <div>
                        <dt>{t.course.reviewDate}</dt>
                        <dd>{i18n.date(a.reviewDate)}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {decision.organisation && (
        <>
          <h3>{t.verify.issuerHeading}</h3>
          <dl className="details">
            <div>
              <dt>{t.card.provider}</dt>
              <dd>{decision.organisation.legalName}</dd>
            </div>
            <div>
              <dt>{t.course.legalIdentifier}</dt>
              <dd>
                <code>{decision.organisation.legalIdentifier}</code>
              </dd>
            </div>
            <div>
              <dt>{t.search.facets.country}</dt>
              <dd>{i18n.country(decision.organisation.country)}</dd>
            </div>
          </dl>
        </>
      )}

      {decision.certificate && (
        <>
          <h3>{t.verify.certificateHeading}</h3>
          <dl className="details">
            <div>
              <dt>{t.verify.subject}</dt>
              <dd>
                <code className="dn">{decision.certificate.subjectDn}</code>
              </dd>
            </div>
            <div>
              <dt>{t.verify.issuer}</dt>
              <dd>
                <code className="dn">{decision.certificate.issuerDn}</code>
              </dd>
            </div>
            <div>
              <dt>{t.course.validity}</dt>
              <dd>{t.course.validityValue(i18n.date(decision.certificate.notBefore), i18n.date(decision.certificate.notAfter))}</dd>
            </div>
            <div>
              <dt>{t.verify.qualifiedSeal}</dt>
              <dd>{decision.certificate.qualifiedESeal ? t.common.yes : t.common.no}</dd>
            </div>
            <div>
              <dt>{t.verify.registered}</dt>
              <dd>{decision.certificate.registered ? t.common.yes : t.common.no}</dd>
            </div>
            <div>
              <dt>{t.course.fingerprint}</dt>
              <dd>
                <code className="fingerprint">{decision.certificate.sha256}</code>
              </dd>
            </div>
          </dl>
        </>
      )}

      <dl className="details meta">
        {decision.validUntil && (
          <div>
            <dt>{t.verify.validUntil}</dt>
            <dd>{i18n.dateTime(decision.validUntil)}</dd>
          </div>
        )}
        <div>
          <dt>{t.verify.evaluatedAt}</dt>
          <dd>{i18n.dateTime(decision.evaluatedAt)}</dd>
        </div>
        <div>
          <dt>{t.verify.registrySequence}</dt>
          <dd>{decision.registrySequence}</dd>
        </div>
      </dl>

      <h3>{t.verify.receiptHeading}</h3>
      <p>{t.verify.receiptText}</p>
      <button
        type="button"
        className="button"
        onClick={() => downloadText(`tessera-receipt-${decision.evaluatedAt.slice(0, 10)}-${decision.registrySequence}.jws`, decision.receipt, 'application/jose')}
      >
        {t.verify.downloadReceipt}
      </button>
    </section>
  );
}
