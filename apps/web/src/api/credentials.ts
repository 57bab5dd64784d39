import { ApiError } from './graphql';
import type { TrustDecision } from './types';

/** The answer of POST /trust/v1/credentials/verify (DESIGN §8.1, docs/verifiers.md). */
export interface CredentialVerification {
  status: 'VERIFIED' | 'NOT_TRUSTED' | 'INVALID';
  reasons: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
  signature: {
    format: 'JADES' | 'JWS';
    algorithm: string | null;
    signedAt: string | null;
    certificate: { sha256: string; subject: string; organizationIdentifier: string | null; notBefore: string; notAfter: string; qualifiedESeal: boolean } | null;
    did: string | null;
  } | null;
  credential: {
    id: string | null;
    types: string[];
    issuedAt: string | null;
    title: string | null;
    awardingBody: string | null;
    eqfLevel: number | null;
    iscedFCodes: string[];
    annexI: { complete: boolean; missing: string[] };
  } | null;
  trust: TrustDecision | null;
  credentialSha256: string;
  receipt: string;
}

/** The largest file the api takes (4 MiB); a bigger one is refused here before it is sent. */
export const MAX_CREDENTIAL_BYTES = 4 * 1024 * 1024;

/**
 * Sends the credential exactly as received — the file's bytes, or the pasted text — to the
 * verifiers' endpoint. Nothing is kept: not in the browser, not by the api.
 */
export async function verifyCredential(credential: Blob | string, signal?: AbortSignal): Promise<CredentialVerification> {
  let response: Response;
  try {
    response = await fetch('/trust/v1/credentials/verify', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', accept: 'application/json, application/problem+json' },
      body: credential,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The service cannot be reached.', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as CredentialVerification & { code?: string; detail?: string };
  if (!response.ok) {
    const code = response.status === 413 ? 'TOO_LARGE' : response.status === 429 ? 'TOO_MANY_REQUESTS' : (body.code ?? 'NETWORK');
    throw new ApiError(body.detail ?? `The service answered ${response.status}.`, code);
  }
  return body;
}
