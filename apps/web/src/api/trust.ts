import { ApiError } from './graphql';
import type { TrustDecision } from './types';

/** The question a verifier asks (docs/verifiers.md): one identity, a time, an optional scope. */
export interface TrustQuestion {
  certificatePem?: string;
  did?: string;
  organisationIdentifier?: string;
  at: string;
  eqfLevel?: number;
  iscedFCode?: string;
}

interface Problem {
  code?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** POST /trust/v1/decisions — the verifiers' REST endpoint, so the page shows what a wallet would get. */
export async function askTrust(question: TrustQuestion, signal?: AbortSignal): Promise<TrustDecision> {
  let response: Response;
  try {
    response = await fetch('/trust/v1/decisions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify(question),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The service cannot be reached.', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as TrustDecision & Problem;
  if (!response.ok) {
    throw new ApiError(body.detail ?? `The service answered ${response.status}.`, body.code ?? (response.status === 429 ? 'TOO_MANY_REQUESTS' : 'NETWORK'), body.errors ?? []);
  }
  return body;
}
