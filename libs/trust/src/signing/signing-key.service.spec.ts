import { createHash, generateKeyPairSync } from 'node:crypto';
import { compactVerify, createLocalJWKSet, flattenedVerify } from 'jose';
import type { TesseraConfig } from '#platform';
import { SigningKeyService } from './signing-key.service.js';

const signingKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

async function loaded(): Promise<SigningKeyService> {
  const key = new SigningKeyService({ signingKeyPem, dataDir: '/nonexistent' } as TesseraConfig);
  await key.onModuleInit();
  return key;
}

describe('SigningKeyService', () => {
  it('publishes the public key only, its kid the RFC 7638 thumbprint (so kids of earlier receipts stay valid)', async () => {
    const { jwk } = await loaded();
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    // RFC 7638 §3.2: the required members of an EC key, in lexicographic order, no white space.
    const thumbprint = createHash('sha256').update(`{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`).digest('base64url');
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: thumbprint });
  });

  it('signs compact JWS that verify against the JWKS, with the header it was given', async () => {
    const key = await loaded();
    const jws = await key.sign({ status: 'TRUSTED', n: 1 }, 'tessera-trust-receipt+jwt');
    const verified = await compactVerify(jws, createLocalJWKSet({ keys: [key.jwk] }), { algorithms: ['ES256'] });
    expect(verified.protectedHeader).toEqual({ alg: 'ES256', kid: key.jwk.kid, typ: 'tessera-trust-receipt+jwt' });
    expect(new TextDecoder().decode(verified.payload)).toBe('{"status":"TRUSTED","n":1}');
  });

  it('signs before onModuleInit too (the key is loaded when the service is made)', async () => {
    const key = new SigningKeyService({ signingKeyPem, dataDir: '/nonexistent' } as TesseraConfig);
    const jws = await key.sign({ a: 1 }, 'x');
    expect(() => key.jwk).toThrow(/onModuleInit/);
    await key.onModuleInit();
    await expect(compactVerify(jws, createLocalJWKSet({ keys: [key.jwk] }))).resolves.toBeDefined();
  });

  it('signs detached: the receiver puts the body back between the dots', async () => {
    const key = await loaded();
    const body = new TextEncoder().encode('{"event":"ACCREDITATION_SUSPENDED"}');
    const [header, payload, signature] = (await key.signDetached(body, 'tessera-webhook+jws')).split('.');
    expect(payload).toBe('');
    await expect(flattenedVerify({ protected: header, payload: Buffer.from(body).toString('base64url'), signature }, createLocalJWKSet({ keys: [key.jwk] }))).resolves.toBeDefined();
  });

  it('signs a payload given in pieces into the same compact JWS shape, whatever the pieces cut', async () => {
    const key = await loaded();
    // Pieces of every length modulo 3 in bytes, with two- to four-byte characters, and an empty one.
    const pieces = ['{"a":"', 'ä', '€x', '', '😀', 'yz', '","n":[1,2', ',3]}'];
    const jwsPieces: Buffer[] = [];
    for await (const piece of key.signInPieces(each(pieces), 'tessera-trust-list+jwt')) jwsPieces.push(piece);
    expect(jwsPieces.length).toBeGreaterThan(3);
    const jws = Buffer.concat(jwsPieces).toString();
    const verified = await compactVerify(jws, createLocalJWKSet({ keys: [key.jwk] }), { algorithms: ['ES256'] });
    expect(verified.protectedHeader).toEqual({ alg: 'ES256', kid: key.jwk.kid, typ: 'tessera-trust-list+jwt' });
    expect(new TextDecoder().decode(verified.payload)).toBe(pieces.join(''));
    // The header part is byte for byte what `sign` makes.
    expect(jws.split('.')[0]).toBe((await key.sign({}, 'tessera-trust-list+jwt')).split('.')[0]);
  });
});

async function* each(pieces: string[]): AsyncGenerator<string> {
  yield* pieces;
}
