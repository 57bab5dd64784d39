import { useRef, useState } from 'react';
import { isAbort } from '../../api/graphql';
import { askTrust, type TrustQuestion } from '../../api/trust';
import type { TrustDecision } from '../../api/types';
import { ErrorPanel } from '../../components/status';
import { useI18n } from '../../i18n';
import { usePageTitle } from '../../page-title';
import { CredentialCheck } from './credential-check';
import { VerifyForm } from './verify-form';
import { VerifyResult } from './verify-result';
import { PageHeading } from '../../components/page-heading';

/**
 * A credential file first (POST /trust/v1/credentials/verify), then the issuer question a wallet or
 * an employer's system asks (POST /trust/v1/decisions); each answer explained in plain words.
 */
export function VerifyPage() {
  const { t } = useI18n();
  usePageTitle(t.verify.title);
  const [state, setState] = useState<{ busy: boolean; question?: TrustQuestion; decision?: TrustDecision; error?: unknown }>({ busy: false });
  const pending = useRef<AbortController | null>(null);

  const ask = (question: TrustQuestion) => {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ busy: true, question });
    askTrust(question, controller.signal).then(
      (decision) => setState({ busy: false, question, decision }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ busy: false, question, error });
      },
    );
  };

  return (
    <div className="verify-page">
      <PageHeading>{t.verify.title}</PageHeading>
      <p className="lead">{t.verify.intro}</p>
      <CredentialCheck />
      <h2 className="issuer-heading">{t.credential.issuerHeading}</h2>
      <div className="verify-layout">
        <VerifyForm busy={state.busy} onAsk={ask} />
        <div>
          {state.error !== undefined && <ErrorPanel title={t.verify.errorTitle} error={state.error} />}
          {state.decision && state.question && <VerifyResult decision={state.decision} question={state.question} />}
        </div>
      </div>
    </div>
  );
}
