import type { ValidityPeriod } from '../evaluation/trust-facts.js';
import { MAX_CHAIN_CERTIFICATES, type ParsedCertificate } from './parse-certificate.js';

export type ChainVerification =
  | {
      readonly anchored: true;
      /** One of the anchors given (matched by sha256). */
      readonly anchor: ParsedCertificate;
      /** Leaf first, anchor last. */
      readonly path: readonly ParsedCertificate[];
    }
  | { readonly anchored: false; readonly problem: string };

/** Leaf, every intermediate we were given, and the anchor: no legitimate path is longer. */
const MAX_PATH_LENGTH = MAX_CHAIN_CERTIFICATES + 1;
/**
 * Certificates that share subject names can form many candidate paths; this bounds the work an
 * adversarial chain can cause. Honest chains need one check per certificate.
 */
const MAX_SIGNATURE_CHECKS = 64;

/**
 * Builds a path from `leaf` through `intermediates` to one of `anchors` and verifies it without a
 * clock (DESIGN §2: an expired seal can still be registered; dates are judged in §3 against
 * `validityOfPath`). Each step matches the child's issuer DN to a candidate's subject DN and checks
 * the child's signature with the candidate's key. Every issuer, the anchor included, must be a CA
 * (basicConstraints cA), may sign certificates (keyCertSign when it has a KeyUsage extension) and
 * must respect its pathLenConstraint. The first anchor reached ends the path, so an intermediate
 * CA can be the anchor, as a trusted list lists a qualified CA. Tries every candidate before giving
 * up, so a wrong turn (a cross-certificate, a re-keyed CA with the same name) does not hide a good path.
 */
export async function verifyChainToAnchors(
  leaf: ParsedCertificate,
  intermediates: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
): Promise<ChainVerification> {
  const leafProblem = certificateProblem(leaf);
  if (leafProblem !== null) return { anchored: false, problem: leafProblem };
  if (anchors.length === 0) return { anchored: false, problem: 'no trust anchor is registered' };

  const search = new PathSearch(intermediates, anchors);
  const path = await search.extend([leaf]);
  if (path === null) {
    return { anchored: false, problem: search.problems[0] ?? 'the chain does not lead to a trust anchor' };
  }
  return { anchored: true, anchor: path[path.length - 1], path };
}

/**
 * The validity of every certificate above the leaf, the anchor included: what
 * CertificateChainFacts.validity hands to the trust evaluation, which judges it at the queried time.
 */
export function validityOfPath(path: readonly ParsedCertificate[]): ValidityPeriod[] {
  return path.slice(1).map((certificate) => ({ notBefore: certificate.notBefore.getTime(), notAfter: certificate.notAfter.getTime() }));
}

/** The path's validity as the registry stores it (`issuer_certificates.chain_validity`): ISO dates. */
export function storedValidityOfPath(path: readonly ParsedCertificate[]): { notBefore: string; notAfter: string }[] {
  return validityOfPath(path).map((v) => ({ notBefore: new Date(v.notBefore).toISOString(), notAfter: new Date(v.notAfter).toISOString() }));
}

interface Candidate {
  readonly certificate: ParsedCertificate;
  readonly isAnchor: boolean;
}

class PathSearch {
  /** Every dead end and rejected candidate in the order met; the first explains a failure best. */
  readonly problems: string[] = [];
  private readonly candidates: Candidate[];
  private readonly signatureResults = new Map<string, boolean>();

  constructor(intermediates: readonly ParsedCertificate[], anchors: readonly ParsedCertificate[]) {
    // Anchors first: reaching one ends the path early. An intermediate that is also an anchor is
    // tried once, as the anchor.
    const anchorHashes = new Set(anchors.map((anchor) => anchor.sha256));
    this.candidates = [
      ...anchors.map((certificate) => ({ certificate, isAnchor: true })),
      ...intermediates
        .filter((certificate) => !anchorHashes.has(certificate.sha256))
        .map((certificate) => ({ certificate, isAnchor: false })),
    ];
  }

  /** Depth-first: returns the first complete path that extends `path`, or null. */
  async extend(path: readonly ParsedCertificate[]): Promise<ParsedCertificate[] | null> {
    const child = path[path.length - 1];
    if (path.length >= MAX_PATH_LENGTH) {
      this.problems.push(`the chain is longer than ${MAX_PATH_LENGTH} certificates`);
      return null;
    }
    // A certificate already on the path cannot appear again: this is what stops cycles.
    const issuers = this.candidates.filter(
      ({ certificate }) =>
        certificate.subjectDn === child.issuerDn && !path.some((onPath) => onPath.sha256 === certificate.sha256),
    );
    if (issuers.length === 0) {
      this.problems.push(
        `no trust anchor or intermediate certificate has the subject "${child.issuerDn}", the issuer of "${child.subjectDn}"`,
      );
      return null;
    }
    for (const { certificate: issuer, isAnchor } of issuers) {
      const problem = issuerProblem(issuer) ?? pathLengthProblem([...path, issuer]);
      if (problem !== null) {
        this.problems.push(problem);
        continue;
      }
      if (!(await this.signedBy(child, issuer))) {
        continue;
      }
      const extended = [...path, issuer];
      if (isAnchor) return extended;
      const complete = await this.extend(extended);
      if (complete !== null) return complete;
    }
    return null;
  }

  private async signedBy(child: ParsedCertificate, issuer: ParsedCertificate): Promise<boolean> {
    const key = `${child.sha256}/${issuer.sha256}`;
    const known = this.signatureResults.get(key);
    if (known !== undefined) return known;
    if (this.signatureResults.size >= MAX_SIGNATURE_CHECKS) {
      this.problems.push(`path building gave up after ${MAX_SIGNATURE_CHECKS} signature checks`);
      return false;
    }
    let valid: boolean;
    try {
      // signatureOnly: the library would otherwise also compare the child's dates with the current
      // time, and this check must not depend on the clock.
      valid = await child.certificate.verify({ publicKey: issuer.certificate, signatureOnly: true });
    } catch {
      // An algorithm WebCrypto does not offer (DSA, for one) cannot be verified, so it does not verify.
      valid = false;
    }
    this.signatureResults.set(key, valid);
    if (!valid) {
      this.problems.push(`the signature on "${child.subjectDn}" does not verify with the key of "${issuer.subjectDn}"`);
    }
    return valid;
  }
}

/** Rules every certificate on a path must meet, whatever its place. */
function certificateProblem(certificate: ParsedCertificate): string | null {
  const name = certificate.subjectDn;
  if (certificate.unrecognisedCriticalExtensions.length > 0) {
    return `"${name}" has a critical extension that is not processed here (${certificate.unrecognisedCriticalExtensions.join(', ')})`;
  }
  // RFC 5280 §4.2.1.3 / §4.2.1.9: keyCertSign on a non-CA is a contradiction.
  if (certificate.keyUsageAssertsCertSign && !certificate.isCa) {
    return `"${name}" asserts keyCertSign but is not a CA`;
  }
  // RFC 5280 §4.1.2.4: the issuer name must not be empty.
  if (certificate.issuerDn === '') {
    return `"${name}" has an empty issuer name`;
  }
  return null;
}

/** Rules for a certificate that signed the one below it on the path. */
function issuerProblem(issuer: ParsedCertificate): string | null {
  const common = certificateProblem(issuer);
  if (common !== null) return common;
  // RFC 5280 §4.1.2.6: a CA's subject must not be empty, or it could chain to any empty issuer.
  if (issuer.subjectDn === '') {
    return 'a CA certificate has an empty subject name';
  }
  if (!issuer.isCa) {
    return `"${issuer.subjectDn}" is not a CA certificate (basicConstraints cA is not set)`;
  }
  if (!issuer.keyUsageAllowsCertSign) {
    return `"${issuer.subjectDn}" may not sign certificates (its key usage lacks keyCertSign)`;
  }
  return null;
}

/**
 * RFC 5280 §4.2.1.9 and §6.1.4 (l)-(m) for the issuer just added on top of `path`: its
 * pathLenConstraint bounds the intermediates below it, not counting the leaf nor self-issued
 * certificates (same subject and issuer, as when a CA re-keys). Constraints of issuers lower on the
 * path were checked when they were added and do not change when more are added above.
 */
function pathLengthProblem(path: readonly ParsedCertificate[]): string | null {
  const issuer = path[path.length - 1];
  if (issuer.pathLength === null) return null;
  const intermediatesBelow = path
    .slice(1, -1)
    .filter((certificate) => certificate.subjectDn !== certificate.issuerDn).length;
  if (intermediatesBelow > issuer.pathLength) {
    return `"${issuer.subjectDn}" allows ${issuer.pathLength} intermediate CA certificate(s) below it, the path has ${intermediatesBelow}`;
  }
  return null;
}
