import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalJson } from '#audit';
import { Clock, DomainError } from '#platform';
import { type ParsedCertificate, parseCertificatePem } from '../certificates/parse-certificate.js';
import { certificateFromField, chainFromField } from '../certificate-input.js';
import { validityOfPath, verifyChainToAnchors } from '../certificates/verify-chain.js';
import type { CertificateFacts } from '../evaluation/trust-facts.js';
import { evaluateTrust, type IssuerKey, type TrustEvaluation } from '../evaluation/evaluate-trust.js';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { TrustIndexService } from '../trust-index/trust-index.service.js';
import type { TrustSnapshot } from '../trust-index/trust-snapshot.js';
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
  /** Parsed anchors per snapshot, for identifying certificates that are not registered. */
  private readonly parsedAnchors = new WeakMap<TrustSnapshot, ParsedCertificate[]>();
  private readonly answers = new AnswersOfTheSecond();

  constructor(
    private readonly index: TrustIndexService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
  ) {}

  async decide(input: IssuerTrustInput): Promise<TrustDecision> {
    const given = IDENTITY_FIELDS.filter((field) => input[field] !== undefined && input[field] !== null);
    if (given.length !== 1) {
      throw DomainError.badInput([
        { field: 'input', message: `give exactly one of ${IDENTITY_FIELDS.join(', ')}${given.length > 1 ? ` (got ${given.join(', ')})` : ''}` },
      ]);
    }
    const snapshot = this.index.current();
    // Answers are given to the second: the same question in the same second against the same
    // registry state has the same answer, so it is signed once (signing is most of a lookup's cost).
    const evaluatedAt = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    const queryHash = createHash('sha256').update(canonicalJson({ ...input })).digest('hex');
    const cached = this.answers.get(snapshot, evaluatedAt, queryHash);
    if (cached) return cached;

    const at = input.at ?? evaluatedAt;
    const identified = await this.identify(input, snapshot);
    const scope = { eqfLevel: input.eqfLevel, iscedFCode: input.iscedFCode, country: input.country, opportunityId: input.opportunityId };
    const evaluation = evaluateTrust({ organisationId: identified.organisationId, key: identified.key, scope }, snapshot, at);
    const decision = this.answer(input, queryHash, identified, evaluation, snapshot, at, evaluatedAt);
    this.answers.set(snapshot, evaluatedAt, queryHash, decision);
    return decision;
  }

  private async identify(input: IssuerTrustInput, snapshot: TrustSnapshot): Promise<Identification> {
    if (input.organisationId) return { organisationId: input.organisationId, key: null, certificate: null };
    if (input.organisationIdentifier) {
      return { organisationId: snapshot.organisationByIdentifier(input.organisationIdentifier.trim())?.id ?? null, key: null, certificate: null };
    }
    if (input.did) {
      const did = snapshot.did(input.did);
      return { organisationId: did?.organisationId ?? null, key: did ? { kind: 'did', did } : null, certificate: null };
    }
    if (input.certificateSha256) {
      const certificate = snapshot.certificate(input.certificateSha256.toLowerCase());
      return certificate
        ? { organisationId: certificate.registeredOrganisationId, key: { kind: 'certificate', certificate }, certificate: { ...certificate, registered: true } }
        : { organisationId: null, key: null, certificate: null };
    }
    return this.identifyByPem(input.certificatePem!, input.intermediatesPem, snapshot);
  }

  /**
   * A registered certificate names its organisation. One that is not registered still does when
   * its chain leads to a trust anchor and it carries a registered legal identifier — so that a
   * renewed seal keeps working without re-registration (DESIGN §3 step 1).
   */
  private async identifyByPem(pem: string, intermediatesPem: string | undefined, snapshot: TrustSnapshot): Promise<Identification> {
    const leaf = certificateFromField(pem, 'input.certificatePem');
    const registered = snapshot.certificate(leaf.sha256);
    if (registered) {
      return { organisationId: registered.registeredOrganisationId, key: { kind: 'certificate', certificate: registered }, certificate: { ...registered, registered: true } };
    }
    const intermediates = intermediatesPem ? chainFromField(intermediatesPem, 'input.intermediatesPem') : [];
    const chain = await verifyChainToAnchors(leaf, intermediates, this.anchorsOf(snapshot));
    const anchor = chain.anchored ? snapshot.contents.anchors.find((a) => a.sha256 === chain.anchor.sha256) : undefined;
    const facts: CertificateFacts = {
      sha256: leaf.sha256,
      organizationIdentifier: leaf.organizationIdentifier,
      notBefore: leaf.notBefore,
      notAfter: leaf.notAfter,
      keyUsageAllowsSigning: leaf.keyUsageAllowsSigning,
      qualifiedESeal: leaf.qualifiedESeal,
      registeredOrganisationId: null,
      revocations: [],
      chain: { anchorId: anchor?.id ?? null, validity: chain.anchored ? validityOfPath(chain.path) : [] },
    };
    const organisation = leaf.organizationIdentifier ? snapshot.organisationByIdentifier(leaf.organizationIdentifier) : undefined;
    return {
      organisationId: organisation?.id ?? null,
      key: { kind: 'certificate', certificate: facts },
      certificate: { ...leaf, registered: false },
    };
  }

  private anchorsOf(snapshot: TrustSnapshot): ParsedCertificate[] {
    let anchors = this.parsedAnchors.get(snapshot);
    if (!anchors) {
      anchors = snapshot.contents.anchors.map((a) => parseCertificatePem(a.pem));
      this.parsedAnchors.set(snapshot, anchors);
    }
    return anchors;
  }

  private answer(
    input: IssuerTrustInput,
    queryHash: string,
    identified: Identification,
    evaluation: TrustEvaluation,
    snapshot: TrustSnapshot,
    at: Date,
    evaluatedAt: Date,
  ): TrustDecision {
    const organisation = evaluation.organisationId ? snapshot.organisation(evaluation.organisationId) : undefined;
    const granting = evaluation.grantingAccreditationIds.map((id) => snapshot.accreditationsOf(evaluation.organisationId!).find((a) => a.id === id)!);
    const decision: Omit<TrustDecision, 'receipt'> = {
      trusted: evaluation.trusted,
      status: evaluation.status,
      reasons: [...evaluation.reasons],
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
        accreditingAgentName: snapshot.organisation(a.accreditingAgentId)?.legalName ?? '',
        type: a.type,
        title: a.title,
        decision: a.decision,
        validFrom: a.validFrom,
        expiresAt: a.expiresAt,
        reviewDate: a.reviewDate,
      })),
      at,
      evaluatedAt,
      validUntil: evaluation.validUntil,
      registrySequence: snapshot.registrySequence,
    };
    return { ...decision, receipt: this.receipt(input, queryHash, decision) };
  }

  /**
   * The receipt a verifier archives: the hash of the question exactly as asked, and the answer,
   * signed. Anyone can check it offline with the JWKS at /trust/v1/keys.
   */
  private receipt(input: IssuerTrustInput, queryHash: string, decision: Omit<TrustDecision, 'receipt'>): string {
    // The question in short (a PEM by its fingerprint), so that a receipt says what it answers.
    const { certificatePem, intermediatesPem, ...rest } = input;
    const query = { ...rest, ...(certificatePem ? { certificateSha256: decision.certificate?.sha256 } : {}), at: decision.at.toISOString() };
    void intermediatesPem;
    return this.signingKey.sign(
      {
        iss: 'tessera',
        queryHash,
        query: JSON.parse(canonicalJson(query)) as unknown,
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

/** Signed answers of the current second and snapshot; anything older is dropped whole. */
class AnswersOfTheSecond {
  private snapshot: TrustSnapshot | null = null;
  private second = 0;
  private byQuery = new Map<string, TrustDecision>();

  get(snapshot: TrustSnapshot, evaluatedAt: Date, queryHash: string): TrustDecision | undefined {
    return this.snapshot === snapshot && this.second === evaluatedAt.getTime() ? this.byQuery.get(queryHash) : undefined;
  }

  set(snapshot: TrustSnapshot, evaluatedAt: Date, queryHash: string, decision: TrustDecision): void {
    if (this.snapshot !== snapshot || this.second !== evaluatedAt.getTime()) {
      this.snapshot = snapshot;
      this.second = evaluatedAt.getTime();
      this.byQuery = new Map();
    }
    // Bounded: a flood of distinct questions in one second cannot grow it without limit.
    if (this.byQuery.size < 10_000) this.byQuery.set(queryHash, decision);
  }
}
