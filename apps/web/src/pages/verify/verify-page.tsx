import { useEffect, useRef, useState } from 'react';
import { isAbort } from '../../api/graphql';
import { askTrust, type TrustQuestion } from '../../api/trust';
import type { TrustDecision } from '../../api/types';
import { ErrorPanel } from '../../components/status';
import { useI18n } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { CredentialCheck } from './credential-check';
import { useLinks } from '../../routing/links';
import { navigate, useLocation } from '../../routing/router';
import { instant, type Prefill, VerifyForm } from './verify-form';
import { VerifyResult } from './verify-result';
import { PageHeading } from '../../components/page-heading';

/**
 * A credential file first (POST /trust/v1/credentials/verify), then the issuer question a wallet or
 * an employer's system asks (POST /trust/v1/decisions); each answer explained in plain words.
 */
export function VerifyPage() {
  const { t } = useI18n();
  usePageTitle(t.verify.title);
  const { params } = useLocation();
  const links = useLinks();
  // "Check this issuer" (the provider pages) and a shared answer open with the question asked.
  const [prefill] = useState(() => prefillOf(params));
  const [state, setState] = useState<{ busy: boolean; question?: TrustQuestion; decision?: TrustDecision; error?: unknown }>({ busy: false });
  const pending = useRef<AbortController | null>(null);

  const ask = (question: TrustQuestion) => {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ busy: true, question });
    // The address names the question (not a pasted certificate), so the answer can be sent as a link.
    const identity = question.did ? { did: question.did } : question.organisationIdentifier ? { identifier: question.organisationIdentifier } : null;
    navigate(identity ? links.verify({ ...identity, at: question.at.slice(0, 10) }) : links.verify(), { replace: true });
    askTrust(question, controller.signal).then(
      (decision) => setState({ busy: false, question, decision }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ busy: false, question, error });
      },
    );
  };

  useEffect(() => {
    if (prefill) ask({ [prefill.identity === 'did' ? 'did' : 'organisationIdentifier']: prefill.value, at: instant(prefill.date ?? '', '') });
    // Once, for the address the page was opened with.
  }, []);

  return (
    <div className="verify-page">
      <PageHeading>{t.verify.title}</PageHeading>
      <p className="lead">{t.verify.intro}</p>
      <CredentialCheck />
      <h2 className="issuer-heading">{t.credential.issuerHeading}</h2>
      <div className="verify-layout">
        <VerifyForm busy={state.busy} onAsk={ask} prefill={prefill} />
        <div>
          {state.error !== undefined && <ErrorPanel title={t.verify.errorTitle} error={state.error} />}
          {state.decision && state.question && <VerifyResult decision={state.decision} question={state.question} />}
        </div>
      </div>
    </div>
  );
}

function prefillOf(params: URLSearchParams): Prefill | undefined {
  const at = params.get('at') ?? '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : undefined;
  const did = params.get('did')?.trim();
  if (did) return { identity: 'did', value: did.slice(0, 500), date };
  const identifier = params.get('identifier')?.trim();
  if (identifier) return { identity: 'identifier', value: identifier.slice(0, 200), date };
  return undefined;
}
