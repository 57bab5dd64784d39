import { compactVerify, createLocalJWKSet, errors, type CompactJWSHeaderParameters, type JWK } from 'jose';

/**
 * A compact JWS (receipt, trust list) checked as a verifier would: with jose, against the keys
 * published at /trust/v1/keys. Its header and payload, or null when it does not verify.
 */
export async function verifiedJws(jws: string, keys: JWK[]): Promise<{ header: CompactJWSHeaderParameters; payload: unknown } | null> {
  try {
    const { protectedHeader, payload } = await compactVerify(jws, createLocalJWKSet({ keys }), { algorithms: ['ES256'] });
    return { header: protectedHeader, payload: JSON.parse(new TextDecoder().decode(payload)) as unknown };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
