import { ECDH } from 'node:crypto';
import { base58 } from '@scure/base';
import type { JWK } from 'jose';

/** Why a DID's key could not be read from the DID itself. */
export class DidKeyError extends Error {
  constructor(
    readonly code: 'DID_NOT_RESOLVABLE' | 'UNSUPPORTED_ALGORITHM',
    message: string,
  ) {
    super(message);
  }
}

/**
 * did:key (W3C CCG did:key v0.7): `did:key:z` + base58btc(multicodec varint ‖ public key). The
 * codes are multicodec's table; the prefixes below are their unsigned varints. EC keys come
 * compressed and are expanded here because a JWK needs both coordinates.
 */
const CODECS: { name: string; prefix: number[]; toJwk(key: Buffer): JWK }[] = [
  { name: 'ed25519-pub', prefix: [0xed, 0x01], toJwk: (key) => exactly(key, 32, () => ({ kty: 'OKP', crv: 'Ed25519', x: key.toString('base64url') })) },
  { name: 'p256-pub', prefix: [0x80, 0x24], toJwk: (key) => ecJwk(key, 'prime256v1', 'P-256', 32) },
  { name: 'p384-pub', prefix: [0x81, 0x24], toJwk: (key) => ecJwk(key, 'secp384r1', 'P-384', 48) },
  // EBSI's did:key for natural persons: the JWK itself, as JCS-canonical JSON.
  { name: 'jwk_jcs-pub', prefix: [0xd1, 0xd6, 0x03], toJwk: (key) => JSON.parse(key.toString('utf8')) as JWK },
];
const SECP256K1 = [0xe7, 0x01];

export function didKeyToJwk(did: string): JWK {
  const multibase = did.slice('did:key:'.length).split('#')[0];
  if (!multibase.startsWith('z')) throw new DidKeyError('DID_NOT_RESOLVABLE', `The DID ${did} is not a base58btc did:key (it must start with did:key:z).`);
  let bytes: Buffer;
  try {
    bytes = Buffer.from(base58.decode(multibase.slice(1)));
  } catch {
    throw new DidKeyError('DID_NOT_RESOLVABLE', `The DID ${did} is not valid base58btc.`);
  }
  if (startsWith(bytes, SECP256K1)) throw new DidKeyError('UNSUPPORTED_ALGORITHM', `The DID ${did} holds a secp256k1 key (ES256K), which this verifier does not support.`);
  const codec = CODECS.find((c) => startsWith(bytes, c.prefix));
  if (!codec) throw new DidKeyError('DID_NOT_RESOLVABLE', `The DID ${did} holds a key type this verifier does not know (Ed25519, P-256, P-384 and JWK are known).`);
  try {
    const jwk = codec.toJwk(bytes.subarray(codec.prefix.length));
    if (typeof jwk !== 'object' || jwk === null || 'd' in jwk) throw new Error('not a public JWK');
    return jwk;
  } catch {
    throw new DidKeyError('DID_NOT_RESOLVABLE', `The DID ${did} does not hold a usable ${codec.name} key.`);
  }
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length > prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function exactly(key: Buffer, length: number, make: () => JWK): JWK {
  if (key.length !== length) throw new Error(`expected ${length} bytes`);
  return make();
}

function ecJwk(key: Buffer, curve: string, crv: string, size: number): JWK {
  if (key.length !== size + 1 && key.length !== 2 * size + 1) throw new Error('not an EC point');
  const point = key.length === size + 1 ? (ECDH.convertKey(key, curve, undefined, undefined, 'uncompressed') as Buffer) : key;
  return { kty: 'EC', crv, x: point.subarray(1, 1 + size).toString('base64url'), y: point.subarray(1 + size).toString('base64url') };
}
