/** The shapes of what the pages ask the api for (a subset of apps/api/schema.graphql). */

export type Mode = 'ONLINE' | 'PRESENTIAL' | 'BLENDED' | 'WORK_BASED' | 'PROJECT_BASED' | 'RESEARCH_LAB';
export type AccreditationStatus = 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'SUPERSEDED';
export type AccreditationDecision = 'POSITIVE' | 'POSITIVE_WITH_CONDITIONS' | 'NEGATIVE';
export type AnnexIElement =
  | 'TITLE'
  | 'AWARDING_BODY'
  | 'ISSUER_COUNTRY'
  | 'LEARNING_OUTCOMES'
  | 'WORKLOAD'
  | 'LEVEL'
  | 'ASSESSMENT_TYPE'
  | 'FORM_OF_PARTICIPATION'
  | 'QUALITY_ASSURANCE';

export interface LocalizedText {
  lang: string;
  text: string;
}

export interface Price {
  amount: number;
  currency: string;
}

/** Enough of an accreditation to say whether, by whom and until when a provider is accredited. */
export interface AccreditationSummary {
  id: string;
  decision: AccreditationDecision;
  validFrom: string;
  expiresAt: string;
  reviewDate: string | null;
  status: AccreditationStatus | null;
  /** The api's verdict: this decision is in force now (not NEGATIVE, in its dates, ACTIVE, by an agency recognised for the provider's country). */
  inForce: boolean;
  accreditingAgent: { legalName: string };
  /** When loaded: says since when a decision is suspended or withdrawn. */
  statusHistory?: { status: AccreditationStatus; effectiveAt: string }[];
}

export interface AccreditationDetail extends AccreditationSummary {
  title: string;
  type: string;
  issuedAt: string;
  reportUrl: string | null;
  landingPage: string | null;
  limitEqfLevels: number[];
  limitFields: string[];
  limitJurisdictions: string[];
  accreditingAgent: { legalName: string; country: string; recognitions: { validFrom: string; validUntil: string | null; jurisdictions: string[] }[] };
  statusHistory: { status: AccreditationStatus; effectiveAt: string; recordedAt: string; reason: string }[];
}

/** What a result card and a comparison column show. */
export interface OpportunityCard {
  id: string;
  eqfLevel: number | null;
  ectsCredits: number | null;
  workloadHours: number | null;
  mode: Mode | null;
  languages: string[];
  startDate: string | null;
  endDate: string | null;
  free: boolean;
  price: Price | null;
  location: { country: string; city: string | null } | null;
  provider: { id: string; legalName: string; country: string; accreditations: AccreditationSummary[] };
}

export interface FacetCount {
  value: string;
  count: number;
}

export type FacetName = 'eqfLevel' | 'mode' | 'language' | 'country' | 'iscedBroad';

export interface SearchResult {
  totalHits: number;
  page: number;
  pageSize: number;
  processingTimeMs: number;
  hits: { title: string; locale: string; accreditedNow: boolean; startsSoon: boolean; applicationDeadline: string | null; opportunity: OpportunityCard }[];
  facets: Record<FacetName, FacetCount[]>;
}

export interface OpportunityDetail extends Omit<OpportunityCard, 'provider'> {
  title: LocalizedText[];
  description: LocalizedText[];
  learningOutcomes: { text: string; escoSkill: string | null }[];
  qfEheaCycle: string | null;
  nqfLevel: string | null;
  iscedFCodes: string[];
  learningSetting: string | null;
  type: string | null;
  assessmentTypes: string[];
  supervisionVerification: string | null;
  qualityAssurance: string | null;
  prerequisites: string | null;
  stackability: string | null;
  stacksTowards: string | null;
  gradingScheme: string | null;
  fundingSchemes: string[];
  applicationDeadline: string | null;
  schedule: string | null;
  landingPage: string | null;
  annexI: { complete: boolean; missing: AnnexIElement[] };
  provider: {
    id: string;
    legalName: string;
    legalIdentifier: string;
    country: string;
    /** The api's "accredited now" (the registry's one rule: it also needs the provider itself active). */
    accredited: boolean;
    status: 'ACTIVE' | 'SUSPENDED' | 'DEREGISTERED';
    statusHistory: { status: string; effectiveAt: string }[];
    homepage: string | null;
    accreditations: AccreditationDetail[];
    certificates: { sha256: string; subjectDn: string; notBefore: string; notAfter: string; qualifiedESeal: boolean; status: 'ACTIVE' | 'REVOKED'; pem: string }[];
    dids: { did: string; status: 'ACTIVE' | 'REVOKED'; createdAt: string }[];
  };
}

export interface TrustDecision {
  trusted: boolean;
  status: 'TRUSTED' | 'NOT_TRUSTED' | 'UNKNOWN_ISSUER';
  reasons: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
  organisation: { id: string; legalName: string; legalIdentifier: string; country: string } | null;
  certificate: {
    sha256: string;
    subjectDn: string;
    issuerDn: string;
    notBefore: string;
    notAfter: string;
    organizationIdentifier: string | null;
    qualifiedESeal: boolean;
    registered: boolean;
  } | null;
  accreditations: {
    id: string;
    accreditingAgentName: string;
    type: string;
    title: string;
    decision: string;
    validFrom: string;
    expiresAt: string | null;
    reviewDate: string | null;
  }[];
  at: string;
  evaluatedAt: string;
  validUntil: string | null;
  registrySequence: number;
  receipt: string;
}
