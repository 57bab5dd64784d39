import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '#platform';
import { type ParsedCertificate, parseCertificatePem } from '../x509/parse-certificate.js';
import { certificateFromField, chainFromField } from '../x509/certificate-input.js';
import { validityOfPath, verifyChainToAnchors } from '../x509/verify-chain.js';
import type { CertificateFacts } from '../evaluation/trust-facts.js';
import { evaluateTrust, type IssuerKey, nextChangeAfter, type TrustEvaluation } from '../evaluation/evaluate-trust.js';
import { canonicalQuestion, hashOfCanonicalQuestion } from '../signing/question-hash.js';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { TrustIndexService } from '../trust-index/trust-index.service.js';
import type { IndexedCertificate, TrustState } from '../trust-index/trust-state.js';
import { IDENTITY_FIELDS, type IssuerTrustInput } from './dto/issuer-trust.input.js';
import type { DecisionCertificate, TrustDecision } from './trust-decision.types.js';

/** What identified the issuer, before the evaluation judges it. */
interface Identification {
  organisationId: string | null;
  key: IssuerKey | null;
  certificate: DecisionCertificate | null;
}

/**
 * Answers a verifier's question from the in-memory trust index: identify the issuer, evaluate
 * (DESIGN §3, a pure function), and sign a receipt over the question and the answer.
 */
@Injectable()
export class TrustDecisionService {
  /** Anchors parsed once per version of the anchor set, for identifying certificates that are not registered. */
  private parsedAnchors: { state: TrustState; version: number; anchors: ParsedCertificate[] } | null = null;
  private readonly parsedBySha256 = new Map<string, ParsedCertificate>();
  private readonly answers = new SignedAnswers();

  constructor(
    private readonly index: TrustIndexService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
  ) {}

  /**
   * One answer from one registry state (DESIGN §3, Exactness): whatever must be awaited (a chain's
   * signatures) is done first; if the index moved on meanwhile, the question is asked again of the
   * new state; the answer is then computed without awaiting, so the state cannot change under it.
   * Only signing the finished answer is awaited: it reads nothing of the state.
   */
  async decide(input: IssuerTrustInput): Promise<TrustDecision> {
    const given = IDENTITY_FIELDS.filter((field) => input[field] !== undefined && input[field] !== null);
    if (given.length !== 1) {
      throw DomainError.badInput([
        { field: 'input', message: `give exactly one of ${IDENTITY_FIELDS.join(', ')}${given.length > 1 ? ` (got ${given.join(', ')})` : ''}` },
      ]);
    }
    const question = canonicalQuestion({ ...input });
    // Answers are found again by the question itself when it is short (most are), so that a reused
    // answer costs no hashing; a long one (a PEM) by its hash.
    const key = question.length <= MAX_QUESTION_KEY_LENGTH ? question : hashOfCanonicalQuestion(question);
    for (;;) {
      const state = this.index.current();
      const sequence = state.registrySequence;
      const cached = this.answers.get(sequence, key, this.clock.now());
      if (cached) return cached;
      const identified = input.certificatePem ? await this.identifyByPem(input.certificatePem, input.intermediatesPem, state) : this.identify(input, state);
      if (this.index.current() !== state || state.registrySequence !== sequence) continue;

      const queryHash = key === question ? hashOfCanonicalQuestion(question) : key;
      const evaluatedAt = this.clock.now();
      const at = input.at ?? evaluatedAt;
      const scope = { eqfLevel: input.eqfLevel, iscedFCode: input.iscedFCode, country: input.country, opportunityId: input.opportunityId };
      const query = { organisationId: identified.organisationId, key: identified.key, scope };
      const evaluation = evaluateTrust(query, state, at);
      const answer = this.answer(identified, evaluation, state, at, evaluatedAt);
      // A question about "now" may be answered again with this signed answer for a moment, but
      // never past the next instant at which a fact it read changes; one about a fixed time as long
      // as the registry does not change.
      const reusableUntil = input.at ? Infinity : Math.min(evaluatedAt.getTime() + REUSE_NOW_ANSWERS_MS, nextChangeAfter(query, state, at) ?? Infinity);
      // The state is not read past this point. The same question asked while this answer is being
      // signed gets this answer and signature, rather than each signing its own (at 10 concurrent
      // lookups of one issuer, every expiry of the reuse window cost up to 10 signatures).
      const decision = this.receipt(input, queryHash, answer).then((receipt): TrustDecision => ({ ...answer, receipt }));
      this.answers.set(sequence, key, decision, reusableUntil);
      decision.catch(() => this.answers.forget(key, decision));
      return decision;
    }
  }

  private identify(input: IssuerTrustInput, state: TrustState): Identification {
    if (input.organisationId) return { organisationId: input.organisationId, key: null, certificate: null };
    if (input.organisationIdentifier) {
      return { organisationId: state.organisationByIdentifier(input.organisationIdentifier)?.id ?? null, key: null, certificate: null };
    }
    if (input.did) {
      const did = state.did(input.did);
      return { organisationId: did?.organisationId ?? null, key: did ? { kind: 'did', did } : null, certificate: null };
    }
    const certificate = state.certificate(input.certificateSha256!.toLowerCase());
    return certificate
      ? { organisationId: certificate.registeredOrganisationId, key: { kind: 'certificate', certificate }, certificate: registeredCertificate(certificate) }
      : { organisationId: null, key: null, certificate: null };
  }

  /**
   * A registered certificate names its organisation. One that is not registered still does when
   * its chain leads to a trust anchor and it carries a registered legal identifier — so that a
   * renewed seal keeps working without re-registration (DESIGN §3 step 1).
   */
  private async identifyByPem(pem: string, intermediatesPem: string | undefined, state: TrustState): Promise<Identification> {
    const leaf = certificateFromField(pem, 'input.certificatePem');
    const registered = state.certificate(leaf.sha256);
    if (registered) {
      return { organisationId: registered.registeredOrganisationId, key: { kind: 'certificate', certificate: registered }, certificate: registeredCertificate(registered) };
    }
    const intermediates = intermediatesPem ? chainFromField(intermediatesPem, 'input.intermediatesPem') : [];
    const chain = await verifyChainToAnchors(leaf, intermediates, this.anchorsOf(state));
    const anchor = chain.anchored ? [...state.anchors()].find((a) => a.sha256 === chain.anchor.sha256) : undefined;
    const facts: CertificateFacts = {
      sha256: leaf.sha256,
      organizationIdentifier: leaf.organizationIdentifier,
      notBefore: leaf.notBefore.getTime(),
      notAfter: leaf.notAfter.getTime(),
      keyUsageAllowsSigning: leaf.keyUsageAllowsSigning,
      qualifiedESeal: leaf.qualifiedESeal,
      registeredOrganisationId: null,
      revocations: [],
      chain: { anchorId: anchor?.id ?? null, validity: chain.anchored ? validityOfPath(chain.path) : [] },
    };
    const organisation = leaf.organizationIdentifier ? state.organisationByIdentifier(leaf.organizationIdentifier) : undefined;
    return {
      organisationId: organisation?.id ?? null,
      key: { kind: 'certificate', certificate: facts },
      certificate: { ...leaf, registered: false },
    };
  }

  private anchorsOf(state: TrustState): ParsedCertificate[] {
    if (this.parsedAnchors?.state !== state || this.parsedAnchors.version !== state.anchorsVersion) {
      // A certificate never changes under its fingerprint: after an import (hundreds of listed
      // anchors) only the new ones are parsed.
      const anchors = [...state.anchors()].map((a) => {
        let parsed = this.parsedBySha256.get(a.sha256);
        if (!parsed) this.parsedBySha256.set(a.sha256, (parsed = parseCertificatePem(a.pem)));
        return parsed;
      });
      this.parsedAnchors = { state, version: state.anchorsVersion, anchors };
    }
    return this.parsedAnchors.anchors;
  }

  private answer(
    identified: Identification,
    evaluation: TrustEvaluation,
    state: TrustState,
    at: Date,
    evaluatedAt: Date,
  ): Omit<TrustDecision, 'receipt'> {
    const organisation = evaluation.organisationId ? state.organisation(evaluation.organisationId) : undefined;
    const granting = evaluation.grantingAccreditationIds.map((id) => state.accreditationsOf(evaluation.organisationId!).find((a) => a.id === id)!);
    const decision: Omit<TrustDecision, 'receipt'> = {
      trusted: evaluation.trusted,
      status: evaluation.status,
      reasons: evaluation.reasons.map((r) => (r.code === 'UNKNOWN_ISSUER' && identified.certificate ? { code: r.code, message: unknownCertificate(identified.certificate) } : r)),
      warnings: [...evaluation.warnings],
      organisation: organisation
        ? { id: organisation.id, legalName: organisation.legalName, legalIdentifier: organisation.legalIdentifier, country: organisation.country }
        : null,
      certificate: identified.certificate
        ? {
            sha256: identified.certificate.sha256,
            subjectDn: identified.certificate.subjectDn,
            issuerDn: identified.certificate.issuerDn,
            notBefore: identified.certificate.notBefore,
            notAfter: identified.certificate.notAfter,
            organizationIdentifier: identified.certificate.organizationIdentifier,
            qualifiedESeal: identified.certificate.qualifiedESeal,
            registered: identified.certificate.registered,
          }
        : null,
      accreditations: granting.map((a) => ({
        id: a.id,
        accreditingAgentId: a.accreditingAgentId,
        accreditingAgentName: state.organisation(a.accreditingAgentId)?.legalName ?? '',
        type: a.type,
        title: a.title,
        decision: a.decision,
        validFrom: new Date(a.validFrom),
        expiresAt: dateOrNull(a.expiresAt),
        reviewDate: dateOrNull(a.reviewDate),
      })),
      at,
      evaluatedAt,
      validUntil: evaluation.validUntil,
      registrySequence: state.registrySequence,
    };
    return decision;
  }

  /**
   * The receipt a verifier archives: the hash of the question exactly as asked, and the answer,
   * signed. Anyone can check it offline with the JWKS at /trust/v1/keys.
   */
  private receipt(input: IssuerTrustInput, queryHash: string, decision: Omit<TrustDecision, 'receipt'>): Promise<string> {
    // The question in short (a PEM by its fingerprint), so that a receipt says what it answers.
    const { certificatePem, intermediatesPem, ...rest } = input;
    const query = { ...rest, ...(certificatePem ? { certificateSha256: decision.certificate?.sha256 } : {}), at: decision.at.toISOString() };
    void intermediatesPem;
    return this.signingKey.sign(
      {
        iss: 'tessera',
        queryHash,
        query: JSON.parse(canonicalQuestion(query)) as unknown,
        status: decision.status,
        trusted: decision.trusted,
        reasons: decision.reasons.map((r) => r.code),
        warnings: decision.warnings.map((w) => w.code),
        organisationId: decision.organisation?.id ?? null,
        certificateSha256: decision.certificate?.sha256 ?? null,
        accreditationIds: decision.accreditations.map((a) => a.id),
        at: decision.at.toISOString(),
        evaluatedAt: decision.evaluatedAt.toISOString(),
        validUntil: decision.validUntil?.toISOString() ?? null,
        registrySequence: decision.registrySequence,
      },
      'tessera-trust-receipt+jwt',
    );
  }
}

/** How long a signed answer to a question about "now" may be given again (while nothing it read changes). */
const REUSE_NOW_ANSWERS_MS = 1_000;
/**
 * Bounded: a flood of distinct questions cannot grow it without limit (an answer with its receipt
 * is a few kilobytes; 10,000 of them were about 50 MB). Answers about "now" are reused for a
 * second only, and more distinct questions a second than this are more than one api signs.
 */
const MAX_SIGNED_ANSWERS = 2_000;
/** Longer questions (with a PEM) are kept by their hash, so that the answers kept stay small. */
const MAX_QUESTION_KEY_LENGTH = 1_024;

/** Signed answers of the current registry sequence; a new sequence drops them all. */
class SignedAnswers {
  private sequence = -1;
  private byQuestion = new Map<string, { decision: Promise<TrustDecision>; reusableUntil: number }>();

  get(sequence: number, question: string, now: Date): Promise<TrustDecision> | undefined {
    if (sequence !== this.sequence) return undefined;
    const entry = this.byQuestion.get(question);
    return entry && now.getTime() < entry.reusableUntil ? entry.decision : undefined;
  }

  /** Kept as soon as it is computed, before it is signed: the sequences set come in order. */
  set(sequence: number, question: string, decision: Promise<TrustDecision>, reusableUntil: number): void {
    if (sequence < this.sequence) return;
    if (sequence !== this.sequence || this.byQuestion.size >= MAX_SIGNED_ANSWERS) {
      this.sequence = sequence;
      this.byQuestion = new Map();
    }
    this.byQuestion.set(question, { decision, reusableUntil });
  }

  /** An answer whose signing failed is not given again: the next question signs anew. */
  forget(question: string, decision: Promise<TrustDecision>): void {
    if (this.byQuestion.get(question)?.decision === decision) this.byQuestion.delete(question);
  }
}

/** A registered certificate as the answer shows it (the trust index keeps its dates as numbers). */
function registeredCertificate(certificate: IndexedCertificate): DecisionCertificate {
  const { sha256, subjectDn, issuerDn, organizationIdentifier, qualifiedESeal } = certificate;
  return { sha256, subjectDn, issuerDn, notBefore: new Date(certificate.notBefore), notAfter: new Date(certificate.notAfter), organizationIdentifier, qualifiedESeal, registered: true };
}

function dateOrNull(time: number | null): Date | null {
  return time === null ? null : new Date(time);
}

/** Whom an unknown certificate names, so that the verifier knows whom it asked about. */
function unknownCertificate(certificate: DecisionCertificate): string {
  const identifier = certificate.organizationIdentifier
    ? `organizationIdentifier ${certificate.organizationIdentifier}`
    : 'no organizationIdentifier';
  return `Certificate ${certificate.sha256} (subject ${certificate.subjectDn}, ${identifier}) is not registered, and no organisation in the registry ` +
    (certificate.organizationIdentifier ? 'both carries that legal identifier and is reached by the certificate\'s chain to a trust anchor.' : 'can be identified by it.');
}
