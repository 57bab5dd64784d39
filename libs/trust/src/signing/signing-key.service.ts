import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { readOrCreateSecret, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { type Jwk, publicJwk, signCompactJws } from './jws.js';

/**
 * The registry's signing key (ES256): TESSERA_SIGNING_KEY, or a key generated once into
 * DATA_DIR/signing-key.pem. The private key never leaves this service.
 */
@Injectable()
export class SigningKeyService {
  private readonly privateKey: KeyObject;
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
}
