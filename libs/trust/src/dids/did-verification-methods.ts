import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { DomainError, type FieldProblem } from '#platform';
import type { JWK } from 'jose';
import type { EntityManager } from 'typeorm';
import type { DidVerificationMethod, DidVerificationMethodInput } from './dto/did-verification-method.js';
import { IssuerDidEntity } from './issuer-did.entity.js';

export const MAX_VERIFICATION_METHODS = 10;
/** JWK members that carry private or secret key material (RFC 7518 §6, RFC 8037, ML-DSA's `priv`). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'];
/** The curves `jose` verifies with (WebCrypto): secp256k1 is not among them. */
const CURVES: Record<string, string[]> = { EC: ['P-256', 'P-384', 'P-521'], OKP: ['Ed25519'], RSA: [] };
const MAX_JWK_CHARS = 8192;

/**
 * Checks the keys given when a DID is registered (DESIGN §8.1): public keys only, each one a JWK
 * that parses, ids that are this DID's. An id may be given as "#fragment"; it is stored in full.
 */
export function validatedVerificationMethods(did: string, methods: readonly DidVerificationMethodInput[] | undefined, field = 'input.verificationMethods'): DidVerificationMethod[] {
  const problems: FieldProblem[] = [];
  const result: DidVerificationMethod[] = [];
  if ((methods?.length ?? 0) > MAX_VERIFICATION_METHODS) throw DomainError.badInput([{ field, message: `at most ${MAX_VERIFICATION_METHODS} keys` }]);
  (methods ?? []).forEach((method, i) => {
    const at = `${field}[${i}]`;
    const id = method.id.startsWith('#') ? `${did}${method.id}` : method.id;
    if (!id.startsWith(`${did}#`) || id.length === did.length + 1 || /\s/.test(id)) problems.push({ field: `${at}.id`, message: `must be "${did}#" and a fragment, or "#" and a fragment` });
    else if (result.some((m) => m.id === id) || problems.some((p) => p.field === `${at}.id`)) problems.push({ field: `${at}.id`, message: 'is given twice' });
    const jwk = method.publicKeyJwk;
    const own = PRIVATE_MEMBERS.filter((member) => Object.hasOwn(jwk, member));
    if (own.length > 0) {
      for (const member of own) problems.push({ field: `${at}.publicKeyJwk.${member}`, message: 'is private key material: register the public key only' });
      return;
    }
    const kty = jwk.kty;
    if (typeof kty !== 'string' || !(kty in CURVES)) {
      problems.push({ field: `${at}.publicKeyJwk.kty`, message: 'must be EC, OKP or RSA' });
      return;
    }
    if (kty !== 'RSA' && !CURVES[kty].includes(String(jwk.crv))) {
      problems.push({ field: `${at}.publicKeyJwk.crv`, message: `must be one of ${CURVES[kty].join(', ')}` });
      return;
    }
    if (JSON.stringify(jwk).length > MAX_JWK_CHARS) {
      problems.push({ field: `${at}.publicKeyJwk`, message: `is longer than ${MAX_JWK_CHARS} characters` });
      return;
    }
    try {
      createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      problems.push({ field: `${at}.publicKeyJwk`, message: 'is not a valid public key' });
      return;
    }
    result.push({ id, publicKeyJwk: { ...jwk } });
  });
  if (problems.length > 0) throw DomainError.badInput(problems);
  return result;
}

/**
 * The public key a signature's `kid` names among the keys registered with its DID: by full id, or
 * — when the kid is the bare DID — the DID's only key. Null when the DID or the key is unknown.
 */
export async function registeredPublicKey(manager: EntityManager, did: string, kid: string): Promise<JWK | null> {
  const registered = await manager.getRepository(IssuerDidEntity).findOne({ where: { did }, select: { id: true, verificationMethods: true } });
  const methods = registered?.verificationMethods ?? [];
  const method = kid.includes('#') ? methods.find((m) => m.id === kid) : methods.length === 1 ? methods[0] : undefined;
  return method ? (method.publicKeyJwk as JWK) : null;
}
