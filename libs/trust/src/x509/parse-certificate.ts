// @peculiar/x509 2.x resolves its services through tsyringe, which needs the Reflect metadata API
// loaded before the library itself.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Extension as AsnExtension } from '@peculiar/asn1-x509';
import { id_pe_qcStatements, QCStatements } from '@peculiar/asn1-x509-qualified';
import { id_etsi_qcs_qcCompliance, id_etsi_qcs_qcType, id_etsi_qct_eseal, QcType } from '@peculiar/asn1-x509-qualified-etsi';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Name,
  PemConverter,
  X509Certificate,
} from '@peculiar/x509';
import { fromBER } from 'asn1js';

/** DESIGN §6 input limits: a registration or a trust query carries at most this much PEM. */
export const MAX_PEM_BYTES = 64 * 1024;
/** Leaf + intermediates (+ an anchor copy) never come close to this in practice; it bounds work. */
export const MAX_CHAIN_CERTIFICATES = 10;

/**
 * Malformed certificate input: the caller's error (BAD_USER_INPUT / HTTP 400), never a crash.
 * `problem` is safe to show to the user: it never echoes the input.
 */
export class CertificateInputError extends Error {
  readonly problem: string;

  constructor(problem: string) {
    super(`Invalid certificate input: ${problem}`);
    this.name = 'CertificateInputError';
    this.problem = problem;
  }
}

export interface ParsedCertificate {
  /** The DER bytes exactly as given. */
  readonly der: Uint8Array;
  /** Re-encoded from the DER: one block, 64-character lines, trailing newline. */
  readonly pem: string;
  /** SHA-256 of the DER, lower-case hex without colons (the registry's certificate fingerprint). */
  readonly sha256: string;
  readonly subjectDn: string;
  readonly issuerDn: string;
  /** Lower-case hex of the encoded octets, less the 00 that DER puts before a first octet of 0x80 or more (as openssl and Node show it). */
  readonly serialNumber: string;
  readonly notBefore: Date;
  /** Inclusive, as in X.509. */
  readonly notAfter: Date;
  /** The subject's organizationIdentifier (OID 2.5.4.97), e.g. VATES-A00000000. */
  readonly organizationIdentifier: string | null;
  /** digitalSignature or nonRepudiation (contentCommitment) asserted; no KeyUsage extension = any use. */
  readonly keyUsageAllowsSigning: boolean;
  /** keyCertSign asserted; no KeyUsage extension = any use. */
  readonly keyUsageAllowsCertSign: boolean;
  /** Whether a KeyUsage extension asserts keyCertSign: RFC 5280 forbids that on a non-CA. */
  readonly keyUsageAssertsCertSign: boolean;
  /** BasicConstraints cA. */
  readonly isCa: boolean;
  /** BasicConstraints pathLenConstraint; null = unlimited or not a CA. */
  readonly pathLength: number | null;
  /** QcStatements with QcCompliance and QcType eseal (ETSI EN 319 412-5). */
  readonly qualifiedESeal: boolean;
  /**
   * Critical extensions this module neither processes nor can safely ignore: RFC 5280 §6.1 says a
   * path with such a certificate must be rejected, so chain verification refuses it.
   */
  readonly unrecognisedCriticalExtensions: readonly string[];
  /** For signature checks. */
  readonly certificate: X509Certificate;
}

const OID = {
  organizationIdentifier: '2.5.4.97',
  serialNumber: '2.5.4.5',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  certificatePolicies: '2.5.29.32',
  qcStatements: id_pe_qcStatements,
} as const;

/**
 * Critical extensions we may accept. BasicConstraints and KeyUsage are enforced by chain
 * verification; QcStatements is read here. Key identifiers and alternative names carry no constraint
 * on path validity. Certificate policies are accepted because we validate with anyPolicy and no
 * explicit-policy requirement, under which RFC 5280 §6.1 never fails a path on policies.
 * Everything else (name constraints, policy constraints, extended key usage, AIA, ...) we do not
 * process, so it must not be critical.
 */
const ACCEPTED_CRITICAL_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.basicConstraints,
  OID.keyUsage,
  OID.qcStatements,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.issuerAltName,
  OID.certificatePolicies,
]);

/** Renders these attributes by name instead of by OID, so DNs read as openssl shows them. */
const DN_ATTRIBUTE_NAMES = {
  organizationIdentifier: OID.organizationIdentifier,
  serialNumber: OID.serialNumber,
};

const PEM_CERTIFICATE_LABEL = 'CERTIFICATE';
const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{1,64})-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Exactly one certificate in PEM form. */
export function parseCertificatePem(pem: string): ParsedCertificate {
  const certificates = parseCertificateChainPem(pem);
  if (certificates.length !== 1) {
    throw new CertificateInputError(`expected one certificate, found ${certificates.length}`);
  }
  return certificates[0];
}

/**
 * One or more concatenated PEM CERTIFICATE blocks, in the order given. Text between blocks is
 * ignored (openssl writes `subject=` lines there); any other PEM block, a private key above all,
 * rejects the whole input.
 */
export function parseCertificateChainPem(pem: string): ParsedCertificate[] {
  // Callers behind GraphQL or JSON always pass a string; anything else is still answered, not crashed on.
  if (typeof pem !== 'string') throw new CertificateInputError('not a PEM certificate');
  if (Buffer.byteLength(pem, 'utf8') > MAX_PEM_BYTES) {
    throw new CertificateInputError('larger than 64 KiB');
  }
  if (pem.trim() === '') throw new CertificateInputError('not a PEM certificate (the input is empty)');
  const blocks = pemBlocks(pem);
  const other = blocks.find((block) => block.label !== PEM_CERTIFICATE_LABEL);
  if (other !== undefined) {
    throw new CertificateInputError(`not a PEM certificate (found a ${other.label} block)`);
  }
  if (blocks.length > MAX_CHAIN_CERTIFICATES) {
    throw new CertificateInputError(`more than ${MAX_CHAIN_CERTIFICATES} certificates`);
  }
  return blocks.map((block) => parseCertificateDer(decodeBase64Body(block.body)));
}

interface PemBlock {
  readonly label: string;
  readonly body: string;
}

/**
 * Splits PEM by hand, with a pattern that cannot backtrack: PemConverter's (in @peculiar/x509) does,
 * exponentially on lines that look like RFC 1421 headers after a BEGIN line (24 such lines took
 * 2.3 s) and quadratically on repeated BEGIN markers (64 KiB of them took 40 s) — and this is
 * untrusted input. PemConverter writes our PEM (toPem), where the input is our own DER.
 */
function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const begin = new RegExp(PEM_BEGIN);
  for (let match = begin.exec(text); match !== null; match = begin.exec(text)) {
    const label = match[1];
    const endMarker = `-----END ${label}-----`;
    const bodyStart = match.index + match[0].length;
    const end = text.indexOf(endMarker, bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    // A block whose END is missing, or comes only after the next BEGIN, was cut off.
    if (end === -1 || (nextBegin !== -1 && nextBegin < end)) {
      throw new CertificateInputError('PEM is truncated or corrupt');
    }
    blocks.push({ label, body: text.slice(bodyStart, end) });
    begin.lastIndex = end + endMarker.length;
  }
  if (blocks.length === 0) {
    throw new CertificateInputError(
      text.includes('-----BEGIN') ? 'PEM is truncated or corrupt' : 'not a PEM certificate',
    );
  }
  return blocks;
}

function decodeBase64Body(body: string): Uint8Array {
  const base64 = body.replace(/\s+/g, '');
  // Buffer.from(..., 'base64') silently skips bad characters; check strictly so that a damaged
  // block is reported as such instead of as a confusing DER error.
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64)) {
    throw new CertificateInputError('PEM is truncated or corrupt');
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/**
 * Parsing (asn1js) is most of the cost of verifying a sealed credential, whose envelope carries the
 * same few certificates every time; a certificate never changes under its fingerprint, so the last
 * ones parsed are kept (bounded; certificates are public, nothing personal is kept).
 */
const PARSED = new Map<string, ParsedCertificate>();
const MAX_PARSED = 1024;

function parseCertificateDer(der: Uint8Array): ParsedCertificate {
  const key = createHash('sha256').update(der).digest('hex');
  const known = PARSED.get(key);
  if (known) return known;
  // A copy, so that a caller changing its buffer later cannot change what is kept.
  const parsed = parseCertificateDerOnce(new Uint8Array(der));
  if (PARSED.size >= MAX_PARSED) PARSED.delete(PARSED.keys().next().value!);
  PARSED.set(key, parsed);
  return parsed;
}

function parseCertificateDerOnce(der: Uint8Array): ParsedCertificate {
  // asn1js reports where the first element ends: a certificate cut short fails, and bytes after it
  // would make our fingerprint differ from everyone else's.
  const outer = fromBER(der);
  if (outer.offset !== der.byteLength || outer.result.error !== '') {
    throw new CertificateInputError('PEM is truncated or corrupt');
  }
  let asn: Certificate;
  let certificate: X509Certificate;
  try {
    asn = AsnConvert.parse(der, Certificate);
    certificate = new X509Certificate(der);
  } catch {
    throw new CertificateInputError('PEM is truncated or corrupt');
  }
  try {
    return readCertificate(der, asn, certificate);
  } catch (error) {
    if (error instanceof CertificateInputError) throw error;
    throw new CertificateInputError('the certificate is malformed');
  }
}

function readCertificate(der: Uint8Array, asn: Certificate, certificate: X509Certificate): ParsedCertificate {
  // RFC 5280 §4.1.1.2: the signed and the outer algorithm must agree, or a verifier may be fooled
  // about which algorithm the signature uses.
  const innerAlgorithm = Buffer.from(AsnConvert.serialize(asn.tbsCertificate.signature));
  const outerAlgorithm = Buffer.from(AsnConvert.serialize(asn.signatureAlgorithm));
  if (!innerAlgorithm.equals(outerAlgorithm)) {
    throw new CertificateInputError('the certificate is malformed (its two signature algorithm fields differ)');
  }

  const extensions = asn.tbsCertificate.extensions ?? [];
  const seen = new Set<string>();
  for (const extension of extensions) {
    // RFC 5280 §4.2: two instances of one extension would make its meaning depend on which one a
    // verifier reads.
    if (seen.has(extension.extnID)) {
      throw new CertificateInputError(`the certificate is malformed (extension ${extension.extnID} appears twice)`);
    }
    seen.add(extension.extnID);
  }
  const find = (oid: string): AsnExtension | undefined => extensions.find((e) => e.extnID === oid);

  const basicConstraintsExtension = find(OID.basicConstraints);
  const basicConstraints =
    basicConstraintsExtension === undefined
      ? null
      : new BasicConstraintsExtension(AsnConvert.serialize(basicConstraintsExtension));
  const keyUsageExtension = find(OID.keyUsage);
  const keyUsage =
    keyUsageExtension === undefined ? null : new KeyUsagesExtension(AsnConvert.serialize(keyUsageExtension)).usages;
  const hasUsage = (flag: KeyUsageFlags): boolean => keyUsage !== null && (keyUsage & flag) !== 0;

  const isCa = basicConstraints?.ca ?? false;
  return {
    der,
    pem: toPem(der),
    sha256: createHash('sha256').update(der).digest('hex'),
    subjectDn: readableDn(certificate.subjectName),
    issuerDn: readableDn(certificate.issuerName),
    serialNumber: certificate.serialNumber.toLowerCase(),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    organizationIdentifier: certificate.subjectName.getField(OID.organizationIdentifier)[0] ?? null,
    keyUsageAllowsSigning:
      keyUsage === null || hasUsage(KeyUsageFlags.digitalSignature) || hasUsage(KeyUsageFlags.nonRepudiation),
    keyUsageAllowsCertSign: keyUsage === null || hasUsage(KeyUsageFlags.keyCertSign),
    keyUsageAssertsCertSign: hasUsage(KeyUsageFlags.keyCertSign),
    isCa,
    pathLength: isCa ? (basicConstraints?.pathLength ?? null) : null,
    qualifiedESeal: isQualifiedESeal(find(OID.qcStatements)),
    unrecognisedCriticalExtensions: extensions
      .filter((e) => e.critical && !ACCEPTED_CRITICAL_EXTENSIONS.has(e.extnID))
      .map((e) => e.extnID),
    certificate,
  };
}

function readableDn(name: Name): string {
  return new Name(name.toArrayBuffer(), DN_ATTRIBUTE_NAMES).toString();
}

function isQualifiedESeal(extension: AsnExtension | undefined): boolean {
  if (extension === undefined) return false;
  try {
    // RFC 3739 QCStatements, of which ETSI EN 319 412-5 QcCompliance and a QcType naming eseal.
    const statements = AsnConvert.parse(extension.extnValue, QCStatements);
    const compliant = statements.some((s) => s.statementId === id_etsi_qcs_qcCompliance);
    const eseal = statements.some(
      (s) =>
        s.statementId === id_etsi_qcs_qcType &&
        s.statementInfo.byteLength > 0 &&
        AsnConvert.parse(s.statementInfo, QcType).includes(id_etsi_qct_eseal),
    );
    return compliant && eseal;
  } catch {
    // Malformed QcStatements prove nothing: the seal is simply not shown to be qualified.
    return false;
  }
}

function toPem(der: Uint8Array): string {
  return `${PemConverter.encode(der, PemConverter.CertificateTag)}\n`;
}
