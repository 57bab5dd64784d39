import { createPrivateKey, createPublicKey, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { p256 } from '@noble/curves/nist.js';
import { base64url, calculateJwkThumbprint, CompactSign, exportJWK, type JWK } from 'jose';
import { readOrCreateSecret, TESSERA_CONFIG, type TesseraConfig } from '#platform';

/** The registry's public key as /trust/v1/keys publishes it, its RFC 7638 thumbprint as `kid`. */
export interface Jwk extends JWK {
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/**
 * The registry's signing key (ES256): TESSERA_SIGNING_KEY, or a key generated once into
 * DATA_DIR/signing-key.pem. The private key never leaves this service. Receipts and webhook
 * signatures are compact JWS made by `jose`; the trust list, too big for jose, is signed in pieces.
 */
@Injectable()
export class SigningKeyService implements OnModuleInit {
  private readonly privateKey: KeyObject;
  /** jose computes the JWK and its thumbprint asynchronously; started at construction. */
  private readonly publicKey: Promise<Jwk>;
  private loaded: Jwk | undefined;
  private secretScalar: Uint8Array | undefined;

  constructor(@Inject(TESSERA_CONFIG) config: TesseraConfig) {
    const pem =
      config.signingKeyPem?.replace(/\\n/g, '\n') ??
      readOrCreateSecret(join(config.dataDir, 'signing-key.pem'), () =>
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ).value;
    this.privateKey = createPrivateKey(pem);
    this.publicKey = publicJwkOf(this.privateKey);
  }

  /** Nest awaits this before the app serves, so `jwk` is there for every request. */
  async onModuleInit(): Promise<void> {
    this.loaded = await this.publicKey;
  }

  /** The public key (for the JWKS and the `kid` of what is signed synchronously). */
  get jwk(): Jwk {
    if (!this.loaded) throw new Error('SigningKeyService.jwk read before onModuleInit');
    return this.loaded;
  }

  /** A compact JWS of `payload` (its JSON), with `typ` naming what it is. */
  async sign(payload: unknown, typ: string): Promise<string> {
    const { kid } = await this.publicKey;
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', kid, typ }).sign(this.privateKey);
  }

  /**
   * A compact JWS like `sign`'s, for a payload too big to hold as one string (the trust list at
   * scale is 199 MB of JWS): the payload's JSON comes in pieces and the JWS goes out in pieces, the
   * signature last, so that neither is ever whole in memory and the caller can yield between
   * pieces. jose signs only a whole payload; this is the same ES256 (RFC 7518 §3.4: SHA-256 over
   * `header.payload`, ECDSA P-256, r‖s) with node:crypto's streaming signer, and jose verifies it.
   */
  async *signInPieces(json: AsyncIterable<string>, typ: string): AsyncGenerator<Buffer> {
    const { kid } = await this.publicKey;
    const signer = createSign('SHA256');
    const signed = (text: string): Buffer => {
      const bytes = Buffer.from(text, 'latin1');
      signer.update(bytes);
      return bytes;
    };
    yield signed(`${base64url.encode(JSON.stringify({ alg: 'ES256', kid, typ }))}.`);
    // The payload's bytes go through one buffer, grown when a piece needs it, so that a piece costs
    // no allocation outside the JavaScript heap but its base64url. base64url turns 3 bytes into 4
    // characters: bytes short of a multiple of 3 wait at the buffer's start for the next piece.
    let bytes: Buffer = Buffer.allocUnsafeSlow(0);
    let carried = 0;
    for await (const piece of json) {
      const needed = carried + Buffer.byteLength(piece);
      if (needed > bytes.length) bytes = grown(bytes, carried, needed);
      const length = carried + bytes.write(piece, carried);
      const whole = length - (length % 3);
      if (whole > 0) yield signed(bytes.toString('base64url', 0, whole));
      carried = bytes.copy(bytes, 0, whole, length);
    }
    if (carried > 0) yield signed(bytes.toString('base64url', 0, carried));
    yield Buffer.from(`.${signer.sign({ key: this.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`, 'latin1');
  }

  /**
   * A compact JWS whose bytes depend only on the key, the header and the payload: ECDSA with the
   * RFC 6979 nonce (@noble/curves), where WebCrypto, and so jose, draws a random one. What is
   * published under its own SHA-256 — EBSI attribute bodies and their `hash` — must come out the
   * same on every instance and every request. The header is given whole (apart from `alg` and
   * `kid`), e.g. `{typ: 'JWT'}`. Synchronous, so `jwk` must be loaded (onModuleInit).
   */
  signDeterministic(payload: unknown, header: Record<string, unknown>): string {
    this.secretScalar ??= base64url.decode(this.privateKey.export({ format: 'jwk' }).d!);
    const signingInput = `${base64url.encode(JSON.stringify({ alg: 'ES256', kid: this.jwk.kid, ...header }))}.${base64url.encode(JSON.stringify(payload))}`;
    // noble hashes the message with SHA-256 and returns r‖s (64 bytes), as JWS wants.
    return `${signingInput}.${base64url.encode(p256.sign(new TextEncoder().encode(signingInput), this.secretScalar))}`;
  }

  /**
   * A compact JWS over exactly these bytes with its payload left out (RFC 7515 Appendix F:
   * `header..signature`), as webhook deliveries carry it: the receiver puts the base64url of the
   * body it received back between the dots and verifies that.
   */
  async signDetached(bytes: Uint8Array, typ: string): Promise<string> {
    const { kid } = await this.publicKey;
    const jws = await new CompactSign(bytes).setProtectedHeader({ alg: 'ES256', kid, typ }).sign(this.privateKey);
    const [header, , signature] = jws.split('.');
    return `${header}..${signature}`;
  }
}

/** A bigger buffer (half again what is needed, to grow seldom) holding the first `kept` bytes of `buffer`. */
function grown(buffer: Buffer, kept: number, needed: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(Math.ceil(needed * 1.5));
  buffer.copy(bigger, 0, 0, kept);
  return bigger;
}

async function publicJwkOf(privateKey: KeyObject): Promise<Jwk> {
  const { kty, crv, x, y } = await exportJWK(createPublicKey(privateKey));
  return { kty, crv, x, y, kid: await calculateJwkThumbprint({ kty, crv, x, y }, 'sha256'), alg: 'ES256', use: 'sig' };
}
