import { createHash, createPublicKey, type JsonWebKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Compact JWS with ES256 (RFC 7515/7518): what receipts and the trust list are. Written with
 * Node's crypto rather than a library: it is a few lines, and verifiers can follow them.
 */
export function signCompactJws(payload: unknown, privateKey: KeyObject, header: Record<string, unknown>): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'ES256', ...header }))}.${base64url(JSON.stringify(payload))}`;
  // JWS wants the raw r‖s signature (IEEE P1363), not DER.
  const signature = sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

export interface Jwk extends JsonWebKey {
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/** Checks a compact JWS against a JWKS; returns the header and payload, or null when it does not verify. */
export function verifyCompactJws(jws: string, keys: Jwk[]): { header: Record<string, unknown>; payload: unknown } | null {
  const parts = jws.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>;
    const key = keys.find((k) => k.kid === header.kid);
    if (!key || header.alg !== 'ES256') return null;
    const ok = verify(
      'sha256',
      Buffer.from(`${parts[0]}.${parts[1]}`),
      { key: createPublicKey({ key: key as JsonWebKey, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
      Buffer.from(parts[2], 'base64url'),
    );
    return ok ? { header, payload: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) } : null;
  } catch {
    return null;
  }
}

/** The public JWK of a P-256 key, with its RFC 7638 thumbprint as `kid`. */
export function publicJwk(key: KeyObject): Jwk {
  const { kty, crv, x, y } = createPublicKey(key).export({ format: 'jwk' });
  const thumbprint = createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
  return { kty, crv, x, y, kid: thumbprint, alg: 'ES256', use: 'sig' };
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
