import { createHash, X509Certificate } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { compactVerify, errors, flattenedVerify, importJWK, importX509, type JWK } from 'jose';
import { Clock, DomainError } from '#platform';
import { parseCertificatePem, type ParsedCertificate } from '../x509/parse-certificate.js';
import { TrustDecisionService } from '../decision/trust-decision.service.js';
import type { TrustDecision } from '../decision/trust-decision.types.js';
import { SigningKeyService } from '../signing/signing-key.service.js';
import {
  type CredentialReason,
  type CredentialReasonCode,
  type CredentialSignature,
  type CredentialVerification,
  type CredentialWarning,
  MAX_CREDENTIAL_BYTES,
} from './credential-verification.types.js';
import { asCredential, type CredentialFacts, identifiersMatch, readCredential } from './read-credential.js';
import { DidKeyError, didKeyToJwk } from './did-key.js';
import { IssuerDidService } from '../dids/issuer-did.service.js';

export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'ES512'];
/** A DID's key may also be Ed25519 (did:key, did:jwk and registered DIDs); seals stay on the JAdES list. */
export const DID_ALGORITHMS = [...ALLOWED_ALGORITHMS, 'EdDSA', 'Ed25519'];
/** Protected header members this verifier understands when `crit` names them (jose handles b64). */
const UNDERSTOOD_CRITICAL = { sigT: true, adoTst: true, iat: true, 'x5t#S256': true } as const;
const MAX_CERTIFICATES = 10;
type VerifyKey = Awaited<ReturnType<typeof importX509>> | Uint8Array;

/** A JWS as received, before its signature is checked. */
interface Envelope {
  format: 'JADES' | 'JWS';
  protectedB64: string;
  header: Record<string, unknown>;
  unprotected: Record<string, unknown> | null;
  verify(key: VerifyKey, algorithms: string[]): Promise<Uint8Array>;
}

class Invalid extends Error {
  constructor(
    readonly code: CredentialReasonCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Verifies a credential as received (DESIGN §8.1): the signature over the exact bytes, then the
 * issuer's trust at the signing time through TrustDecisionService. The credential is personal
 * data: it is read here and never stored or logged — only its SHA-256 is.
 */
@Injectable()
export class CredentialVerificationService {
  private readonly logger = new Logger('CredentialVerification');

  constructor(
    private readonly decisions: TrustDecisionService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
    private readonly dids: IssuerDidService,
  ) {}

  async verify(received: string): Promise<CredentialVerification> {
    const text = received.replace(/^\uFEFF/, '').trim();
    if (text === '') throw DomainError.badInput([{ field: 'credential', message: 'is empty: send the credential file as received' }]);
    if (Buffer.byteLength(text) > MAX_CREDENTIAL_BYTES) throw DomainError.badInput([{ field: 'credential', message: 'is larger than 4 MiB' }]);
    const credentialSha256 = createHash('sha256').update(received).digest('hex');
    const envelope = parseEnvelope(text);

    const reasons: CredentialReason[] = [];
    const warnings: CredentialWarning[] = [];
    let signature: CredentialSignature = { format: envelope?.format ?? 'JWS', algorithm: null, signedAt: null, certificate: null, did: null };
    let facts: CredentialFacts | null = null;
    let trust: TrustDecision | null = null;
    try {
      const checked = await this.checkSignature(envelope);
      signature = checked.signature;
      facts = checked.facts;
      warnings.push({ code: 'SIGNING_TIME_ASSERTED', message: `The signing time ${signature.signedAt!.toISOString()} is the signer's own claim; no timestamp was verified.` });
      trust = await this.trustAt(checked);
      if (!trust.trusted) reasons.push(...trust.reasons);
      warnings.push(...trust.warnings);
      const sealIdentifier = checked.sealIdentifier;
      if (sealIdentifier && facts.issuerIdentifiers.length > 0 && !facts.issuerIdentifiers.some((id) => identifiersMatch(id, sealIdentifier))) {
        warnings.push({ code: 'AWARDING_BODY_MISMATCH', message: `The credential names its issuer and awarding body by ${facts.issuerIdentifiers.join(', ')}, not by the seal's identifier ${sealIdentifier}.` });
      }
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      reasons.push({ code: error.code, message: error.message });
      if (error.code === 'NOT_A_CREDENTIAL') facts = null;
    }
    const status = reasons.length === 0 ? 'VERIFIED' : trust === null ? 'INVALID' : 'NOT_TRUSTED';
    const answer = {
      status,
      reasons,
      warnings,
      signature,
      credential: facts && { id: facts.id, types: facts.types, issuedAt: facts.issuedAt, title: facts.title, awardingBody: facts.awardingBody, eqfLevel: facts.eqfLevel, iscedFCodes: facts.iscedFCodes, annexI: facts.annexI },
      trust,
      credentialSha256,
    } as const;
    this.logger.log({ msg: 'credential verified', credentialSha256, status, format: signature.format });
    return { ...answer, receipt: await this.receipt(answer) };
  }

  private async checkSignature(envelope: Envelope) {
    const { header } = envelope;
    const alg = header.alg;
    const algorithms = header.x5c === undefined ? DID_ALGORITHMS : ALLOWED_ALGORITHMS;
    if (typeof alg !== 'string' || !algorithms.includes(alg)) {
      throw new Invalid('UNSUPPORTED_ALGORITHM', `The signature algorithm ${typeof alg === 'string' ? alg : '(none)'} is not accepted; accepted are ${algorithms.join(', ')}.`);
    }
    if (header.crit !== undefined) {
      const crit = header.crit;
      if (!Array.isArray(crit) || crit.length === 0) throw new Invalid('UNSUPPORTED_CRITICAL_HEADER', 'The critical header list (crit) is malformed.');
      const unknown = crit.filter((c) => c !== 'b64' && !(typeof c === 'string' && c in UNDERSTOOD_CRITICAL));
      if (unknown.length > 0) throw new Invalid('UNSUPPORTED_CRITICAL_HEADER', `The signature marks ${unknown.map(String).join(', ')} as critical, which this verifier does not understand.`);
    }
    const signedAt = signingTime(header);

    let key: VerifyKey;
    let certificate: ParsedCertificate | null = null;
    let chain: ParsedCertificate[] = [];
    let did: string | null = null;
    if (header.x5c !== undefined) {
      const x5c = header.x5c;
      if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_CERTIFICATES || !x5c.every((c) => typeof c === 'string')) {
        throw new Invalid('SIGNING_KEY_MISSING', 'The signature names no sealing certificate (x5c is empty or malformed).');
      }
      const certificates = (x5c as string[]).map(certificateFromBase64);
      certificate = certificates[0];
      chain = [...certificates.slice(1), ...extraCertificates(envelope.unprotected)];
      const digest = header['x5t#S256'];
      if (digest !== undefined && digest !== createHash('sha256').update(certificate.der).digest('base64url')) {
        throw new Invalid('CERTIFICATE_DIGEST_MISMATCH', 'The certificate digest in the signature (x5t#S256) does not match the sealing certificate.');
      }
      try {
        key = await importX509(certificate.pem, alg);
      } catch {
        throw new Invalid('SIGNING_KEY_MISSING', `The sealing certificate's key cannot verify ${alg} signatures.`);
      }
    } else {
      const kid = typeof header.kid === 'string' ? header.kid : null;
      if (kid === null || !kid.startsWith('did:')) throw new Invalid('SIGNING_KEY_MISSING', 'The signature names neither a sealing certificate (x5c) nor a DID key (kid).');
      did = kid.split('#')[0];
      key = await this.didKey(did, kid, alg);
    }

    let payload: Uint8Array;
    try {
      payload = await envelope.verify(key, algorithms);
    } catch (error) {
      if (error instanceof errors.JOSENotSupported) throw new Invalid('UNSUPPORTED_CRITICAL_HEADER', 'The signature uses a header this verifier does not understand.');
      throw new Invalid('SIGNATURE_INVALID', 'The signature does not verify: the credential was changed after it was signed, or the seal is malformed.');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload).toString('utf8'));
    } catch {
      throw new Invalid('NOT_A_CREDENTIAL', 'The signed content is not JSON, so it is not a credential.');
    }
    const credential = asCredential(parsed);
    if (credential === null) throw new Invalid('NOT_A_CREDENTIAL', 'The signed content is not a verifiable credential (it may be a presentation).');
    const facts = readCredential(credential);
    const claimed = parsed as Record<string, unknown>;
    const time = signedAt ?? numericDate(claimed.iat) ?? numericDate(claimed.nbf) ?? (envelope.format === 'JWS' ? facts.issuedAt : null);
    if (time === null) throw new Invalid('SIGNING_TIME_MISSING', 'The signature carries no signing time (sigT or iat).');
    const signature: CredentialSignature = {
      format: envelope.format,
      algorithm: alg,
      signedAt: time,
      certificate: certificate && {
        sha256: certificate.sha256,
        subject: certificate.subjectDn,
        organizationIdentifier: certificate.organizationIdentifier,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        qualifiedESeal: certificate.qualifiedESeal,
      },
      did,
    };
    return { signature, facts, certificate, chain, did, sealIdentifier: certificate?.organizationIdentifier ?? null };
  }

  /** did:jwk and did:key are resolved from the DID itself; any other DID from the keys registered with it. */
  private async didKey(did: string, kid: string, alg: string): Promise<VerifyKey> {
    let jwk: JWK;
    try {
      if (did.startsWith('did:jwk:')) jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8')) as JWK;
      else if (did.startsWith('did:key:')) jwk = didKeyToJwk(did);
      else {
        const registered = await this.dids.publicKeyFor(did, kid);
        if (!registered) throw new Invalid('DID_NOT_RESOLVABLE', `The DID ${did} cannot be resolved: it is not a did:key or did:jwk, and no key ${kid.includes('#') ? `${kid} ` : ''}is registered with it in this registry.`);
        jwk = registered;
      }
    } catch (error) {
      if (error instanceof Invalid) throw error;
      if (error instanceof DidKeyError) throw new Invalid(error.code, error.message);
      throw new Invalid('DID_NOT_RESOLVABLE', `The DID ${did} does not hold a usable public key.`);
    }
    try {
      return (await importJWK({ ...jwk, alg: undefined }, alg)) as VerifyKey;
    } catch {
      throw new Invalid('SIGNING_KEY_MISSING', `The key of ${did} cannot verify ${alg} signatures.`);
    }
  }

  /** §3 at the signing time, once per ISCED-F code of the credential: each must be covered. */
  private async trustAt(checked: { signature: CredentialSignature; facts: CredentialFacts; certificate: ParsedCertificate | null; chain: ParsedCertificate[]; did: string | null }): Promise<TrustDecision> {
    const identity = checked.certificate
      ? { certificatePem: checked.certificate.pem, ...(checked.chain.length > 0 ? { intermediatesPem: checked.chain.slice(0, MAX_CERTIFICATES - 1).map((c) => c.pem).join('') } : {}) }
      : { did: checked.did! };
    const base = { ...identity, at: checked.signature.signedAt!, ...(checked.facts.eqfLevel !== null ? { eqfLevel: checked.facts.eqfLevel } : {}) };
    const codes = checked.facts.iscedFCodes.length > 0 ? checked.facts.iscedFCodes : [undefined];
    const decisions: TrustDecision[] = [];
    for (const iscedFCode of codes) decisions.push(await this.decisions.decide(iscedFCode ? { ...base, iscedFCode } : base));
    return decisions.find((d) => !d.trusted) ?? decisions[0];
  }

  private receipt(answer: Omit<CredentialVerification, 'receipt'>): Promise<string> {
    return this.signingKey.sign(
      {
        iss: 'tessera',
        credentialSha256: answer.credentialSha256,
        status: answer.status,
        reasons: answer.reasons.map((r) => r.code),
        warnings: answer.warnings.map((w) => w.code),
        signedAt: answer.signature?.signedAt?.toISOString() ?? null,
        certificateSha256: answer.signature?.certificate?.sha256 ?? null,
        did: answer.signature?.did ?? null,
        organisationId: answer.trust?.organisation?.id ?? null,
        accreditationIds: answer.trust?.accreditations.map((a) => a.id) ?? [],
        registrySequence: answer.trust?.registrySequence ?? null,
        evaluatedAt: this.clock.now().toISOString(),
      },
      'tessera-credential-receipt+jwt',
    );
  }
}

/** JWS JSON serialisation (general or flattened), a compact JWS, or a compact JWS as a JSON string. */
function parseEnvelope(text: string): Envelope {
  let body: unknown = text;
  if (text.startsWith('{') || text.startsWith('"') || text.startsWith('[')) {
    try {
      body = JSON.parse(text);
    } catch {
      // The parser's message quotes the input: never pass it on.
      throw DomainError.badInput([{ field: 'credential', message: 'is neither JSON nor a JWS' }]);
    }
  }
  if (typeof body === 'string') {
    const compact = body.trim();
    if (!/^[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(compact)) throw DomainError.badInput([{ field: 'credential', message: 'is neither JSON nor a JWS' }]);
    return {
      format: 'JWS',
      protectedB64: compact.split('.')[0],
      header: decodeHeader(compact.split('.')[0]),
      unprotected: null,
      verify: async (key, algorithms) => (await compactVerify(compact, key, { algorithms, crit: UNDERSTOOD_CRITICAL })).payload,
    };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw DomainError.badInput([{ field: 'credential', message: 'is neither a JWS JSON object nor a compact JWS' }]);
  const jws = body as Record<string, unknown>;
  const signatures = Array.isArray(jws.signatures) ? jws.signatures : typeof jws.signature === 'string' || jws.protected !== undefined ? [jws] : [];
  const first = signatures[0] as Record<string, unknown> | undefined;
  if (!first || typeof first !== 'object') throw DomainError.badInput([{ field: 'credential', message: 'carries no signature: send the sealed credential (JWS) as received' }]);
  const protectedB64 = typeof first.protected === 'string' ? first.protected : '';
  const unprotected = typeof first.header === 'object' && first.header !== null ? (first.header as Record<string, unknown>) : null;
  const header = decodeHeader(protectedB64);
  return {
    format: header.sigT !== undefined || unprotected?.etsiU !== undefined || (header.b64 === false && header.x5c !== undefined) ? 'JADES' : 'JWS',
    protectedB64,
    header,
    unprotected,
    // The payload string is signed byte for byte (b64: false): it is handed to jose as it is.
    verify: async (key, algorithms) =>
      (await flattenedVerify({ payload: jws.payload as string, protected: first.protected as string, signature: first.signature as string, ...(unprotected ? { header: unprotected } : {}) }, key, { algorithms, crit: UNDERSTOOD_CRITICAL })).payload,
  };
}

function decodeHeader(b64: string): Record<string, unknown> {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(b64)) throw new Error();
    const header = JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new Error();
    return header as Record<string, unknown>;
  } catch {
    return { __malformed: true };
  }
}

function signingTime(header: Record<string, unknown>): Date | null {
  if (header.__malformed) throw new Invalid('SIGNATURE_INVALID', 'The protected header of the signature is not valid base64url-encoded JSON.');
  if (typeof header.sigT === 'string') {
    const at = new Date(header.sigT);
    if (Number.isNaN(at.getTime())) throw new Invalid('SIGNING_TIME_MISSING', 'The signing time (sigT) is not a date-time.');
    return at;
  }
  return numericDate(header.iat);
}

function numericDate(value: unknown): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}

function certificateFromBase64(value: string): ParsedCertificate {
  try {
    const der = Buffer.from(value, 'base64');
    new X509Certificate(der);
    return parseCertificatePem(`-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`);
  } catch {
    throw new Invalid('SIGNING_KEY_MISSING', 'A certificate in the signature (x5c) does not parse.');
  }
}

/** JAdES etsiU xVals: more certificates, untrusted, usable only to build a chain to an anchor. */
function extraCertificates(unprotected: Record<string, unknown> | null): ParsedCertificate[] {
  const found: ParsedCertificate[] = [];
  for (const entry of Array.isArray(unprotected?.etsiU) ? unprotected.etsiU : []) {
    try {
      const item = (typeof entry === 'string' ? JSON.parse(Buffer.from(entry, 'base64url').toString('utf8')) : entry) as { xVals?: { x509Cert?: { val?: string } }[] };
      for (const x of item.xVals ?? []) if (typeof x.x509Cert?.val === 'string') found.push(certificateFromBase64(x.x509Cert.val));
    } catch {
      // Unusable extra material does not invalidate a seal; it only cannot help build a chain.
    }
  }
  return found;
}
