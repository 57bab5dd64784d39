import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { CompactSign } from 'jose';
import { p256 } from '@noble/curves/nist.js';
import { readOrCreateSecret, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { type Jwk, publicJwk, signCompactJws } from './jws.js';

/**
 * The registry's signing key (ES256): TESSERA_SIGNING_KEY, or a key generated once into
 * DATA_DIR/signing-key.pem. The private key never leaves this service.
 */
@Injectable()
export class SigningKeyService {
  private readonly privateKey: KeyObject;
  private secretScalar: Buffer | undefined;
  readonly jwk: Jwk;

  constructor(@Inject(TESSERA_CONFIG) config: TesseraConfig) {
    const pem =
      config.signingKeyPem?.replace(/\\n/g, '\n') ??
      readOrCreateSecret(join(config.dataDir, 'signing-key.pem'), () =>
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ).value;
    this.privateKey = createPrivateKey(pem);
    this.jwk = publicJwk(this.privateKey);
  }

  /** A compact JWS of `payload`, with `typ` naming what it is. */
  sign(payload: unknown, typ: string): string {
    return signCompactJws(payload, this.privateKey, { kid: this.jwk.kid, typ });
  }

  /**
   * A compact JWS over exactly these bytes with its payload left out (RFC 7515 Appendix F:
   * `header..signature`), as webhook deliveries carry it: the receiver puts the base64url of the
   * body it received back between the dots and verifies that.
   */
  async signDetached(bytes: Uint8Array, typ: string): Promise<string> {
    const jws = await new CompactSign(bytes).setProtectedHeader({ alg: 'ES256', kid: this.jwk.kid, typ }).sign(this.privateKey);
    const [header, , signature] = jws.split('.');
    return `${header}..${signature}`;
  }

  /**
   * A compact JWS whose bytes depend only on the key, the header and the payload: ECDSA with the
   * RFC 6979 nonce (Node's crypto draws a random one). What is published under its own SHA-256 —
   * EBSI attribute bodies and their `hash` — must come out the same on every instance and every
   * request. The header is given whole (apart from `alg` and `kid`), e.g. `{typ: 'JWT'}`.
   */
  signDeterministic(payload: unknown, header: Record<string, unknown>): string {
    this.secretScalar ??= Buffer.from(this.privateKey.export({ format: 'jwk' }).d!, 'base64url');
    const signingInput = `${Buffer.from(JSON.stringify({ alg: 'ES256', kid: this.jwk.kid, ...header })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    // noble hashes the message with SHA-256 and returns r‖s (64 bytes), as JWS wants.
    const signature = p256.sign(Buffer.from(signingInput), this.secretScalar);
    return `${signingInput}.${Buffer.from(signature).toString('base64url')}`;
  }
}
