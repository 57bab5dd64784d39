import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { base58 } from '@scure/base';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { TrustDecision } from '../decision/trust-decision.types.js';
import type { TrustDecisionService } from '../decision/trust-decision.service.js';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { CredentialVerificationService } from './credential-verification.service.js';

const VECTORS = '../shared/vectors/credentials';

/** A did:key as wallets make them: multicodec prefix + the raw (EC: compressed) public key, base58btc. */
function didKey(prefix: number[], key: Buffer): string {
  return `did:key:z${base58.encode(Buffer.concat([Buffer.from(prefix), key]))}`;
}
function compressed(jwk: JWK): Buffer {
  const y = Buffer.from(jwk.y!, 'base64url');
  return Buffer.concat([Buffer.from([y[y.length - 1] & 1 ? 3 : 2]), Buffer.from(jwk.x!, 'base64url')]);
}
async function signedBy(alg: string, kid: string, privateKey: Parameters<SignJWT['sign']>[0]) {
  return new SignJWT({ vc: { type: ['VerifiableCredential'], issuer: kid.split('#')[0], credentialSubject: { id: 'did:example:learner' } } }).setProtectedHeader({ alg, kid }).setIssuedAt(1_700_000_000).sign(privateKey);
}
const codesOf = (answer: { reasons: { code: string }[] }) => answer.reasons.map((r) => r.code);
const vector = (name: string) => readFileSync(`${VECTORS}/${name}`, 'utf8');

/** A TrustDecisionService stand-in that records each question and answers TRUSTED (or as told). */
function decisions(answer: Partial<TrustDecision> = {}) {
  const asked: Record<string, unknown>[] = [];
  const service = {
    decide: async (input: Record<string, unknown>) => {
      asked.push(input);
      return { trusted: true, status: 'TRUSTED', reasons: [], warnings: [], organisation: null, certificate: null, accreditations: [], at: input.at, evaluatedAt: new Date(), validUntil: null, registrySequence: 1, receipt: 'r', ...answer } as TrustDecision;
    },
  };
  return { asked, service: service as unknown as TrustDecisionService };
}

function verifier(answer: Partial<TrustDecision> = {}, registeredKeys = new Map<string, JWK>()) {
  const trust = decisions(answer);
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const signingKey = new SigningKeyService({ signingKeyPem: key, dataDir: '/nonexistent' } as never);
  const clock = { now: () => new Date('2026-12-01T00:00:00Z') };
  const registered = { publicKeyFor: async (did: string, kid: string) => registeredKeys.get(kid) ?? registeredKeys.get(did) ?? null };
  return { trust, service: new CredentialVerificationService(trust.service, signingKey, clock as never, registered as never) };
}

/** Flips one character of the signed payload string. */
function tampered(file: string): string {
  const jws = JSON.parse(file) as { payload: string };
  const at = jws.payload.indexOf('"type"') + 2;
  jws.payload = `${jws.payload.slice(0, at)}T${jws.payload.slice(at + 1)}`;
  return JSON.stringify(jws);
}

describe('CredentialVerificationService on the real sealed credentials', () => {
  it("verifies the Commission's certificate of participation at its sigT, asking trust for its certificate", async () => {
    const { service, trust } = verifier();
    const answer = await service.verify(vector('eu-certofpart-signed.jsonld'));
    expect(answer.status).toBe('VERIFIED');
    expect(answer.signature).toMatchObject({ format: 'JADES', algorithm: 'RS256', signedAt: new Date('2023-09-27T12:07:01Z'), certificate: { organizationIdentifier: 'VATES-A00000000', qualifiedESeal: true } });
    expect(answer.credential).toMatchObject({ id: 'urn:credential:43662fb0-c31c-4afb-b501-e85aea91c0a8', types: ['VerifiableCredential', 'EuropeanDigitalCredential'], title: 'EDC Updates Webinar' });
    expect(answer.warnings.map((w) => w.code)).toEqual(['SIGNING_TIME_ASSERTED']);
    expect(trust.asked).toHaveLength(1);
    expect(trust.asked[0]).toMatchObject({ at: new Date('2023-09-27T12:07:01Z') });
    expect(String(trust.asked[0].certificatePem)).toContain('BEGIN CERTIFICATE');
    expect(answer.receipt.split('.')).toHaveLength(3);
  });

  it('verifies the production seal and does not warn for NTREE-17207834 against 17207834', async () => {
    const { service } = verifier();
    const answer = await service.verify(vector('mynextid-edc-dc-signed.jsonld'));
    expect(answer.status).toBe('VERIFIED');
    expect(answer.signature?.certificate?.organizationIdentifier).toBe('NTREE-17207834');
    expect(answer.warnings.map((w) => w.code)).not.toContain('AWARDING_BODY_MISMATCH');
  });

  it('answers INVALID / NOT_A_CREDENTIAL for the sealed presentation', async () => {
    const { service } = verifier();
    const answer = await service.verify(vector('edc-json_sealed_advanced.json'));
    expect(answer.status).toBe('INVALID');
    expect(answer.reasons.map((r) => r.code)).toEqual(['NOT_A_CREDENTIAL']);
  });

  it.each(['eu-certofpart-signed.jsonld', 'mynextid-edc-dc-signed.jsonld', 'edc-json_sealed_advanced.json'])('answers INVALID / SIGNATURE_INVALID for %s with one payload byte changed', async (name) => {
    const { service } = verifier();
    const answer = await service.verify(tampered(vector(name)));
    expect(answer.status).toBe('INVALID');
    expect(answer.reasons.map((r) => r.code)).toEqual(['SIGNATURE_INVALID']);
  });

  it('passes on NOT_TRUSTED with the trust reasons', async () => {
    const { service } = verifier({ trusted: false, status: 'NOT_TRUSTED', reasons: [{ code: 'ACCREDITATION_SUSPENDED', message: 'suspended' }] });
    const answer = await service.verify(vector('eu-certofpart-signed.jsonld'));
    expect(answer.status).toBe('NOT_TRUSTED');
    expect(answer.reasons.map((r) => r.code)).toEqual(['ACCREDITATION_SUSPENDED']);
  });

  it('refuses an unknown critical header and a certificate digest mismatch', async () => {
    const jws = JSON.parse(vector('mynextid-edc-dc-signed.jsonld')) as { signatures: { protected: string }[] };
    const header = JSON.parse(Buffer.from(jws.signatures[0].protected, 'base64url').toString()) as Record<string, unknown>;
    const withHeader = (h: Record<string, unknown>) => JSON.stringify({ ...jws, signatures: [{ ...jws.signatures[0], protected: Buffer.from(JSON.stringify(h)).toString('base64url') }] });
    const { service } = verifier();
    expect((await service.verify(withHeader({ ...header, crit: [...(header.crit as string[]), 'sigD'], sigD: {} }))).reasons.map((r) => r.code)).toEqual(['UNSUPPORTED_CRITICAL_HEADER']);
    expect((await service.verify(withHeader({ ...header, 'x5t#S256': 'AAAA' }))).reasons.map((r) => r.code)).toEqual(['CERTIFICATE_DIGEST_MISMATCH']);
    expect((await service.verify(withHeader({ ...header, x5c: [] }))).reasons.map((r) => r.code)).toEqual(['SIGNING_KEY_MISSING']);
    expect((await service.verify(withHeader({ ...header, alg: 'HS256' }))).reasons.map((r) => r.code)).toEqual(['UNSUPPORTED_ALGORITHM']);
  });

  it('verifies a VC-JWT signed with a did:jwk, and refuses a body without a signature', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const did = `did:jwk:${Buffer.from(JSON.stringify(await exportJWK(publicKey))).toString('base64url')}`;
    const jwt = await new SignJWT({ vc: { type: ['VerifiableCredential'], issuer: did, credentialSubject: { id: 'did:example:learner' } } })
      .setProtectedHeader({ alg: 'ES256', kid: `${did}#0` })
      .setIssuedAt(1_700_000_000)
      .sign(privateKey);
    const { service, trust } = verifier();
    const answer = await service.verify(jwt);
    expect(answer.status).toBe('VERIFIED');
    expect(answer.signature).toMatchObject({ format: 'JWS', did, signedAt: new Date(1_700_000_000_000) });
    expect(trust.asked[0]).toMatchObject({ did });
    await expect(service.verify('{"type":["VerifiableCredential"]}')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.verify('not a credential')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('asks trust once per ISCED-F code of the claim, with its EQF level', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const did = `did:jwk:${Buffer.from(JSON.stringify(await exportJWK(publicKey))).toString('base64url')}`;
    const claim = { specifiedBy: { eqfLevel: { id: 'http://data.europa.eu/snb/eqf/6' }, thematicArea: [{ id: 'http://data.europa.eu/snb/isced-f/0613' }, { id: 'http://data.europa.eu/snb/isced-f/0688' }] } };
    const jwt = await new SignJWT({ type: ['VerifiableCredential'], issuer: did, credentialSubject: { hasClaim: claim } }).setProtectedHeader({ alg: 'ES256', kid: `${did}#0` }).setIssuedAt(1_700_000_000).sign(privateKey);
    const { service, trust } = verifier({ trusted: false, status: 'NOT_TRUSTED', reasons: [{ code: 'OUT_OF_SCOPE_FIELD', message: 'not covered' }] });
    const answer = await service.verify(jwt);
    expect(trust.asked.map((q) => [q.eqfLevel, q.iscedFCode])).toEqual([[6, '0613'], [6, '0688']]);
    expect(answer).toMatchObject({ status: 'NOT_TRUSTED', reasons: [{ code: 'OUT_OF_SCOPE_FIELD' }], credential: { eqfLevel: 6, iscedFCodes: ['0613', '0688'] } });
  });

  it("logs the credential's SHA-256 and never the learner's name", async () => {
    const logged: unknown[] = [];
    const spies = (['log', 'error', 'warn', 'debug', 'verbose'] as const).map((level) => jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => { logged.push(args); }));
    try {
      const { service } = verifier();
      const answer = await service.verify(vector('eu-certofpart-signed.jsonld'));
      await service.verify(tampered(vector('eu-certofpart-signed.jsonld')));
      const text = JSON.stringify(logged);
      expect(text).toContain(answer.credentialSha256);
      expect(text).not.toContain('Andromeda');
      expect(JSON.stringify(answer)).not.toContain('Andromeda');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  describe('did:key, resolved from the DID itself', () => {
    it('verifies an Ed25519 (EdDSA) and a P-256 (ES256) did:key, asking trust for the DID', async () => {
      const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const edDid = didKey([0xed, 0x01], Buffer.from((await exportJWK(ed.publicKey)).x!, 'base64url'));
      const p256 = await generateKeyPair('ES256');
      const pDid = didKey([0x80, 0x24], compressed(await exportJWK(p256.publicKey)));
      for (const [alg, did, key] of [['EdDSA', edDid, ed.privateKey], ['ES256', pDid, p256.privateKey]] as const) {
        const { service, trust } = verifier();
        const answer = await service.verify(await signedBy(alg, `${did}#${did.slice('did:key:'.length)}`, key));
        expect(answer).toMatchObject({ status: 'VERIFIED', signature: { algorithm: alg, did } });
        expect(trust.asked[0]).toMatchObject({ did });
      }
    });

    it('is INVALID when the signature is by another key, and names what it cannot resolve', async () => {
      const p256 = await generateKeyPair('ES256');
      const other = await generateKeyPair('ES256');
      const did = didKey([0x80, 0x24], compressed(await exportJWK(p256.publicKey)));
      const { service } = verifier();
      expect(codesOf(await service.verify(await signedBy('ES256', did, other.privateKey)))).toEqual(['SIGNATURE_INVALID']);
      expect(codesOf(await service.verify(await signedBy('ES256', 'did:key:z0OIl', p256.privateKey)))).toEqual(['DID_NOT_RESOLVABLE']);
      expect(codesOf(await service.verify(await signedBy('ES256', didKey([0x12, 0x34], Buffer.alloc(33, 1)), p256.privateKey)))).toEqual(['DID_NOT_RESOLVABLE']);
      expect(codesOf(await service.verify(await signedBy('ES256', didKey([0x80, 0x24], Buffer.alloc(33, 7)), p256.privateKey)))).toEqual(['DID_NOT_RESOLVABLE']);
      // secp256k1 (ES256K) is decoded but jose cannot verify it: said as such, not as "unresolvable".
      expect(codesOf(await service.verify(await signedBy('ES256', didKey([0xe7, 0x01], Buffer.alloc(33, 2)), p256.privateKey)))).toEqual(['UNSUPPORTED_ALGORITHM']);
      // A seal (x5c) keeps the JAdES algorithms: EdDSA is for DIDs only.
      const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const sealed = await new SignJWT({ vc: {} }).setProtectedHeader({ alg: 'EdDSA', x5c: ['AAAA'] }).setIssuedAt(1_700_000_000).sign(ed.privateKey);
      expect(codesOf(await service.verify(sealed))).toEqual(['UNSUPPORTED_ALGORITHM']);
    });
  });

  describe('another DID, by the keys registered with it', () => {
    it('verifies with the registered key its kid names, and is DID_NOT_RESOLVABLE without one', async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const kid = 'did:web:university.example#seal-2026';
      const { service, trust } = verifier({}, new Map([[kid, await exportJWK(publicKey)]]));
      const answer = await service.verify(await signedBy('ES256', kid, privateKey));
      expect(answer).toMatchObject({ status: 'VERIFIED', signature: { did: 'did:web:university.example' } });
      expect(trust.asked[0]).toMatchObject({ did: 'did:web:university.example' });
      const unknown = await service.verify(await signedBy('ES256', 'did:web:elsewhere.example#k', privateKey));
      expect(unknown).toMatchObject({ status: 'INVALID', trust: null });
      expect(codesOf(unknown)).toEqual(['DID_NOT_RESOLVABLE']);
    });
  });
});
