/**
 * The registry's facts as the trust evaluation (DESIGN §3) reads them. Plain data: whoever builds
 * them (the in-memory trust index) has already parsed certificates and verified chain signatures,
 * so nothing here depends on X.509, the database or the clock. Times are epoch milliseconds, as
 * the trust index keeps them (DESIGN §7: compact enough for the whole registry in memory).
 */
import type { EpochMs } from '#registry';

export type { EpochMs };

/** One entry of an append-only status history; the entry in force at t is the last with effectiveAt ≤ t. */
export interface StatusEntry<S extends string> {
  readonly status: S;
  readonly effectiveAt: EpochMs;
}

export type OrganisationStatus = 'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED';
export type AccreditationStatus = 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'SUPERSEDED';
export type AccreditationDecision = 'POSITIVE' | 'POSITIVE_WITH_CONDITIONS' | 'NEGATIVE';
export type TrustAnchorStatus = 'ACTIVE' | 'REVOKED';

export interface OrganisationFacts {
  readonly id: string;
  /** eIDAS organizationIdentifier form, e.g. VATES-A00000000; what an unregistered seal must carry. */
  readonly legalIdentifier: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly statusHistory: readonly StatusEntry<OrganisationStatus>[];
}

export interface AgencyRecognitionFacts {
  readonly agencyId: string;
  readonly validFrom: EpochMs;
  /** Exclusive, like an accreditation's expiresAt; null = open-ended. */
  readonly validUntil: EpochMs | null;
  /** Countries the agency's decisions count for; empty = anywhere. */
  readonly jurisdictions: readonly string[];
}

export interface AccreditationFacts {
  readonly id: string;
  readonly accreditedOrganisationId: string;
  readonly accreditingAgentId: string;
  readonly decision: AccreditationDecision;
  readonly validFrom: EpochMs;
  /** Exclusive: at == expiresAt is expired. null = open-ended (e.g. a permanent licence). */
  readonly expiresAt: EpochMs | null;
  readonly reviewDate: EpochMs | null;
  /** Every limit list: empty = unlimited in that dimension. */
  readonly limitEqfLevels: readonly number[];
  /** ISCED-F codes; a broad (2-digit) or narrow (3-digit) code covers the codes that start with it. */
  readonly limitFields: readonly string[];
  readonly limitJurisdictions: readonly string[];
  readonly limitOpportunities: readonly string[];
  readonly statusHistory: readonly StatusEntry<AccreditationStatus>[];
}

export interface Revocation {
  readonly effectiveAt: EpochMs;
  readonly reason: string;
}

export interface ValidityPeriod {
  readonly notBefore: EpochMs;
  /** Inclusive, as in X.509. */
  readonly notAfter: EpochMs;
}

export interface CertificateFacts extends ValidityPeriod {
  /** Lower-case hex, no colons. */
  readonly sha256: string;
  /** The subject's organizationIdentifier (OID 2.5.4.97), if it has one. */
  readonly organizationIdentifier: string | null;
  readonly keyUsageAllowsSigning: boolean;
  /** Carries the QcStatements of a qualified electronic seal. */
  readonly qualifiedESeal: boolean;
  /** The organisation it is registered to; null when the registry does not hold it. */
  readonly registeredOrganisationId: string | null;
  /** Empty for an unregistered certificate: only the registry records revocations. */
  readonly revocations: readonly Revocation[];
  readonly chain: CertificateChainFacts;
}

export interface CertificateChainFacts {
  /**
   * The anchor the chain's signatures and CA constraints verify to, decided without a clock when
   * the chain was built; null when it verifies to none.
   */
  readonly anchorId: string | null;
  /**
   * The validity of every certificate above the leaf, the anchor included. The leaf's own dates
   * are the certificate's and are reported under their own codes.
   */
  readonly validity: readonly ValidityPeriod[];
}

export interface TrustAnchorFacts {
  readonly id: string;
  readonly statusHistory: readonly StatusEntry<TrustAnchorStatus>[];
  /**
   * Set when the anchor comes from an ETSI trusted list (DESIGN §8.2): then it anchors nothing
   * before its first status entry (not yet listed). An operator's anchor (null) holds from before
   * it was added, so that old seals can be checked against an anchor added today.
   */
  readonly listing?: { readonly territory: string; readonly serviceName: string } | null;
}

export interface DidFacts {
  readonly did: string;
  readonly organisationId: string;
  readonly revocations: readonly Revocation[];
}

/** Look-ups over the whole registry; the trust index answers them from memory. */
export interface RegistryFacts {
  organisation(id: string): OrganisationFacts | undefined;
  /** Every accreditation of the organisation, whatever its decision, dates or status. */
  accreditationsOf(organisationId: string): readonly AccreditationFacts[];
  /** Every recognition ever given to the agency (several windows are possible). */
  recognitionsOf(agencyId: string): readonly AgencyRecognitionFacts[];
  trustAnchor(id: string): TrustAnchorFacts | undefined;
  /** Whether any trust anchor is registered, whatever its status: only then are chains checked. */
  readonly anyAnchorsExist: boolean;
}
