import type { AccreditationDetail, OpportunityDetail } from '../../api/types';
import { type I18n, useI18n, word } from '../../i18n';
import { useLinks } from '../../routing/links';
import { Link } from '../../routing/router';
import { downloadText } from '../../shared/download';

/**
 * The provider, every accreditation decision about it with its full history, its seals and DIDs,
 * and a link that asks the verify page about it. On the course page it sits under its own heading
 * with a link to the provider's page; on that page, it is the page.
 */
export function ProviderSection({ provider, own = false }: { provider: OpportunityDetail['provider']; own?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const links = useLinks();
  const decisions = [...provider.accreditations].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
  const H = own ? 'h2' : 'h3';
  return (
    <section className="provider-section" aria-labelledby={own ? undefined : 'provider-heading'} aria-label={own ? t.provider.registryHeading : undefined}>
      {!own && <h2 id="provider-heading">{t.course.providerHeading}</h2>}
      <p className="actions">
        {!own && (
          <Link className="button button-secondary" href={links.provider(provider.id)}>
            {t.provider.open}
            <span className="visually-hidden">: {provider.legalName}</span>
          </Link>
        )}
        <Link className="button button-secondary" href={links.verify({ identifier: provider.legalIdentifier })}>
          {t.provider.checkIssuer}
          <span className="visually-hidden">: {provider.legalName}</span>
        </Link>
      </p>
      <dl className="details">
        <div>
          <dt>{t.card.provider}</dt>
          <dd>{provider.legalName}</dd>
        </div>
        <div>
          <dt>{t.course.legalIdentifier}</dt>
          <dd>
            <code>{provider.legalIdentifier}</code>
          </dd>
        </div>
        <div>
          <dt>{t.search.facets.country}</dt>
          <dd>{i18n.country(provider.country)}</dd>
        </div>
        {provider.homepage && (
          <div>
            <dt>{t.course.homepage}</dt>
            <dd>
              <a href={provider.homepage} rel="noopener noreferrer">
                {provider.homepage}
              </a>
            </dd>
          </div>
        )}
      </dl>

      <H>{t.course.accreditationsHeading}</H>
      {decisions.length === 0 ? (
        <p className="panel panel-empty">{t.course.noAccreditations}</p>
      ) : (
        <>
          <p className="muted">{t.course.accreditationsIntro}</p>
          <ul className="accreditations">
            {decisions.map((accreditation) => (
              <li key={accreditation.id}>
                <Accreditation accreditation={accreditation} level={own ? 3 : 4} />
              </li>
            ))}
          </ul>
        </>
      )}

      <H>{t.course.certificatesHeading}</H>
      {provider.certificates.length === 0 ? (
        <p className="muted">{t.course.noCertificates}</p>
      ) : (
        <>
          <p className="muted">{t.course.certificatesIntro}</p>
          <ul className="certificates">
            {provider.certificates.map((certificate) => (
              <li key={certificate.sha256}>
                <p>
                  <code className="dn">{certificate.subjectDn}</code>
                </p>
                <p>
                  {t.course.certificateValidity(i18n.date(certificate.notBefore), i18n.date(certificate.notAfter))}
                  {certificate.qualifiedESeal && <> · {t.course.qualified}</>}
                  {certificate.status === 'REVOKED' && (
                    <>
                      {' '}
                      · <strong>{t.course.revoked}</strong>
                    </>
                  )}
                </p>
                <p className="fingerprint">
                  {t.course.fingerprint}: <code>{certificate.sha256}</code>
                </p>
                <button type="button" className="button button-secondary" onClick={() => downloadText(`${certificate.sha256.slice(0, 16)}.pem`, certificate.pem, 'application/x-pem-file')}>
                  {t.course.downloadCertificate}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <H>{t.provider.didsHeading}</H>
      {provider.dids.length === 0 ? (
        <p className="muted">{t.provider.noDids}</p>
      ) : (
        <ul className="certificates dids">
          {provider.dids.map((did) => (
            <li key={did.did}>
              <code className="fingerprint">{did.did}</code>
              <p>
                {t.provider.didSince(i18n.date(did.createdAt))}
                {did.status === 'REVOKED' && (
                  <>
                    {' '}
                    · <strong>{t.course.revoked}</strong>
                  </>
                )}
              </p>
              <p>
                <Link href={links.verify({ did: did.did })}>
                  {t.provider.checkDid}
                  <span className="visually-hidden"> {did.did}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Accreditation({ accreditation: a, level }: { accreditation: AccreditationDetail; level: 3 | 4 }) {
  const i18n = useI18n();
  const { t } = i18n;
  const history = [...a.statusHistory].sort((x, y) => Date.parse(x.effectiveAt) - Date.parse(y.effectiveAt));
  return (
    <article className="accreditation" aria-labelledby={`accreditation-${a.id}`}>
      {level === 3 ? <h3 id={`accreditation-${a.id}`}>{a.title}</h3> : <h4 id={`accreditation-${a.id}`}>{a.title}</h4>}
      <dl className="details">
        <div>
          <dt>{t.course.agency}</dt>
          <dd>
            {a.accreditingAgent.legalName} ({i18n.country(a.accreditingAgent.country)})
          </dd>
        </div>
        <div>
          <dt>{t.course.type}</dt>
          <dd>{word(t.vocab.accreditationType, a.type)}</dd>
        </div>
        <div>
          <dt>{t.course.decisionLabel}</dt>
          <dd>
            {word(t.vocab.decision, a.decision)} ({i18n.date(a.issuedAt)})
          </dd>
        </div>
        <div>
          <dt>{t.course.validity}</dt>
          <dd>{t.course.validityValue(i18n.date(a.validFrom), i18n.date(a.expiresAt))}</dd>
        </div>
        {a.reviewDate && (
          <div>
            <dt>{t.course.reviewDate}</dt>
            <dd>
              {i18n.date(a.reviewDate)}
              {a.status === 'ACTIVE' && Date.parse(a.reviewDate) < Date.now() && Date.now() < Date.parse(a.expiresAt) && (
                <>
                  {' '}
                  <span className="badge badge-warn">{t.badge.reviewOverdue}</span>
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t.course.statusNow}</dt>
          <dd>{statusToday(i18n, a)}</dd>
        </div>
        <div>
          <dt>{t.course.scope}</dt>
          <dd>{scopeText(i18n, a)}</dd>
        </div>
        {a.reportUrl && (
          <div>
            <dt>{t.course.report}</dt>
            <dd>
              <a href={a.reportUrl} rel="noopener noreferrer">
                {a.reportUrl}
              </a>
            </dd>
          </div>
        )}
      </dl>
      <details className="history">
        <summary>
          {t.course.history} ({history.length})
        </summary>
        <ol>
          {history.map((entry, i) => (
            <li key={i}>
              <strong>{t.course.historyEntry(word(t.vocab.accreditationStatus, entry.status), i18n.date(entry.effectiveAt))}</strong>
              {' — '}
              {entry.reason} <span className="muted">({t.course.recorded(i18n.date(entry.recordedAt))})</span>
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}

/** The recorded status, and whether the dates put it out of force today (expiry is not a status). */
function statusToday(i18n: I18n, a: AccreditationDetail): string {
  const { t } = i18n;
  const status = a.status ? word(t.vocab.accreditationStatus, a.status) : t.course.notYetValid;
  const now = Date.now();
  if (now >= Date.parse(a.expiresAt)) return `${status}, ${t.course.expired}`;
  if (now < Date.parse(a.validFrom)) return `${status}, ${t.course.notYetValid}`;
  return status;
}

function scopeText(i18n: I18n, a: AccreditationDetail): string {
  const { t } = i18n;
  const parts: string[] = [];
  if (a.limitEqfLevels.length) parts.push(t.course.scopeEqf(a.limitEqfLevels.join(', ')));
  if (a.limitFields.length) parts.push(t.course.scopeFields(a.limitFields.map((f) => (f.length === 2 ? `${f} ${word(t.vocab.iscedBroad, f)}` : f)).join(', ')));
  if (a.limitJurisdictions.length) parts.push(t.course.scopeCountries(i18n.list(a.limitJurisdictions.map(i18n.country))));
  return parts.length ? parts.join('; ') : t.course.scopeAll;
}
