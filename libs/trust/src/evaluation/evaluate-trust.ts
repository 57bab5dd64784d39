import {
  accreditationInForceAt,
  decisionGrants,
  decisionPeriodAt,
  entryAt,
  nextChangeFrom,
  organisationActiveAt,
  recognitionCovers,
  recognitionHoldsAt,
} from '#registry';
import { iscedFCovers } from '#platform';
import type {
  AccreditationFacts,
  AgencyRecognitionFacts,
  CertificateFacts,
  DidFacts,
  EpochMs,
  OrganisationFacts,
  RegistryFacts,
  Revocation,
  StatusEntry,
  TrustAnchorStatus,
  ValidityPeriod,
} from './trust-facts.js';

/*
 * DESIGN §3, steps 2–5, as a pure function of the registry's facts and a time. Step 1 (finding
 * the organisation behind a certificate, DID or identifier) is done by the caller
 * (TrustDecisionService's identification); this only refuses a key that does not name the
 * organisation it was given with. Steps 3 and 4 are the registry's "accredited at t" (the parts
 * exported by #registry's accredited-at.ts, used here to decide and to explain), plus scope: the
 * registry's filter, the catalogue's search windows and this answer cannot disagree.
 *
 * The facts carry times as epoch milliseconds (how the trust index keeps them), so inside, `at` is
 * one too; only the answer's `validUntil` is a Date again.
 */

export const TRUST_STATUSES = ['TRUSTED', 'NOT_TRUSTED', 'UNKNOWN_ISSUER'] as const;
export type TrustStatus = (typeof TRUST_STATUSES)[number];

/** In the order of DESIGN §3's steps, which is also the order reasons are reported in. */
export const TRUST_REASON_CODES = [
  'UNKNOWN_ISSUER',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_REVOKED',
  'CERTIFICATE_CHAIN_UNTRUSTED',
  'CERTIFICATE_KEY_USAGE',
  'DID_REVOKED',
  'ORGANISATION_SUSPENDED',
  'ORGANISATION_DEREGISTERED',
  'ACCREDITATION_NEGATIVE',
  'ACCREDITATION_NOT_YET_VALID',
  'ACCREDITATION_EXPIRED',
  'ACCREDITATION_SUSPENDED',
  'ACCREDITATION_WITHDRAWN',
  'ACCREDITATION_SUPERSEDED',
  'AGENCY_NOT_RECOGNISED',
  'OUT_OF_SCOPE_EQF_LEVEL',
  'OUT_OF_SCOPE_FIELD',
  'OUT_OF_SCOPE_JURISDICTION',
  'OUT_OF_SCOPE_OPPORTUNITY',
  'NO_ACCREDITATION',
] as const;
export type TrustReasonCode = (typeof TRUST_REASON_CODES)[number];

export const TRUST_WARNING_CODES = [
  'REVIEW_OVERDUE',
  'CONDITIONAL_DECISION',
  'CERTIFICATE_NOT_REGISTERED',
  'CERTIFICATE_NOT_QUALIFIED',
] as const;
export type TrustWarningCode = (typeof TRUST_WARNING_CODES)[number];

/** What the credential is for; an absent (or null) dimension is not checked. */
export interface TrustScope {
  readonly eqfLevel?: number | null;
  readonly iscedFCode?: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country?: string | null;
  readonly opportunityId?: string | null;
}

/** The key the issuer was identified by, when it was not identified by an identifier alone. */
export type IssuerKey =
  | { readonly kind: 'certificate'; readonly certificate: CertificateFacts }
  | { readonly kind: 'did'; readonly did: DidFacts };

export interface TrustQuery {
  /** The organisation step 1 found; null when it found none. */
  readonly organisationId: string | null;
  readonly key?: IssuerKey | null;
  readonly scope?: TrustScope | null;
}

export interface TrustMessage<C extends string> {
  readonly code: C;
  /** One plain English sentence. */
  readonly message: string;
}

export interface TrustEvaluation {
  readonly status: TrustStatus;
  readonly trusted: boolean;
  /** Empty when trusted; otherwise one entry per code, in TRUST_REASON_CODES order. */
  readonly reasons: readonly TrustMessage<TrustReasonCode>[];
  /** One entry per code, in TRUST_WARNING_CODES order. */
  readonly warnings: readonly TrustMessage<TrustWarningCode>[];
  /** null only for UNKNOWN_ISSUER. */
  readonly organisationId: string | null;
  /** The accreditations that grant trust at the time asked; empty unless trusted. */
  readonly grantingAccreditationIds: readonly string[];
  /**
   * When the answer stops holding as far as the registry knows: the earliest of the key's end
   * (certificate notAfter, inclusive; a revocation recorded for later; the chain's and anchor's
   * ends), the organisation's next non-active status, and the latest end among the granting
   * accreditations, each ended by its expiresAt, its agency's recognition or its next non-active
   * status. null when not trusted or when nothing bounds it.
   */
  readonly validUntil: Date | null;
}

interface Finding<C extends string> {
  readonly code: C;
  /** A lower-case clause; clauses of one code are joined into one sentence. */
  readonly clause: string;
}

type Reason = Finding<TrustReasonCode>;
type Warning = Finding<TrustWarningCode>;

interface Grant {
  readonly accreditation: AccreditationFacts;
  readonly end: EpochMs | null;
}

export function evaluateTrust(query: TrustQuery, facts: RegistryFacts, atDate: Date): TrustEvaluation {
  const at = atDate.getTime();
  const organisation = query.organisationId === null ? undefined : facts.organisation(query.organisationId);
  if (organisation === undefined) {
    return unknownIssuer(
      query.organisationId === null
        ? 'no registered certificate, DID or identifier names an organisation in the registry'
        : `organisation ${query.organisationId} is not in the registry`,
    );
  }
  const key = query.key ?? null;
  const mismatch = key === null ? null : keyMismatch(key, organisation);
  if (mismatch !== null) return unknownIssuer(mismatch);

  const keyCheck = checkKey(key, organisation, facts, at);
  const organisationReasons = checkOrganisation(organisation, at);
  const organisationActive = organisationActiveAt(organisation.statusHistory, at);
  const accreditationCheck = checkAccreditations(organisation, query.scope ?? {}, facts, at);
  const trusted =
    keyCheck.reasons.length === 0 && organisationActive && accreditationCheck.grants.length > 0;

  if (!trusted) {
    const accreditationReasons = accreditationCheck.grants.length > 0 ? [] : accreditationCheck.reasons;
    return {
      status: 'NOT_TRUSTED',
      trusted: false,
      reasons: merge([...keyCheck.reasons, ...organisationReasons, ...accreditationReasons], TRUST_REASON_CODES),
      warnings: merge(keyCheck.warnings, TRUST_WARNING_CODES),
      organisationId: organisation.id,
      grantingAccreditationIds: [],
      validUntil: null,
    };
  }
  const { grants } = accreditationCheck;
  return {
    status: 'TRUSTED',
    trusted: true,
    reasons: [],
    warnings: merge([...keyCheck.warnings, ...grants.flatMap((g) => grantWarnings(g.accreditation, at))], TRUST_WARNING_CODES),
    organisationId: organisation.id,
    grantingAccreditationIds: grants.map((g) => g.accreditation.id),
    validUntil: dateOrNull(trustEnd(key, organisation, facts, grants, at)),
  };
}

/**
 * DESIGN §3 step 1 for a certificate: registered to the organisation, or — so that renewed seals
 * work without re-registration — chaining to an anchor and carrying the organisation's legal
 * identifier. Validity dates are deliberately not judged here but in step 2.
 */
export function certificateIdentifies(certificate: CertificateFacts, organisation: OrganisationFacts): boolean {
  if (certificate.registeredOrganisationId !== null) return certificate.registeredOrganisationId === organisation.id;
  return certificate.chain.anchorId !== null && certificate.organizationIdentifier === organisation.legalIdentifier;
}

function unknownIssuer(clause: string): TrustEvaluation {
  return {
    status: 'UNKNOWN_ISSUER',
    trusted: false,
    reasons: merge([{ code: 'UNKNOWN_ISSUER', clause }], TRUST_REASON_CODES),
    warnings: [],
    organisationId: null,
    grantingAccreditationIds: [],
    validUntil: null,
  };
}

/** A key that names another organisation must not lend it that organisation's accreditations. */
function keyMismatch(key: IssuerKey, organisation: OrganisationFacts): string | null {
  if (key.kind === 'did') {
    return key.did.organisationId === organisation.id
      ? null
      : `DID ${key.did.did} is registered to another organisation than ${organisation.id}`;
  }
  const { certificate } = key;
  if (certificateIdentifies(certificate, organisation)) return null;
  return certificate.registeredOrganisationId !== null
    ? `certificate ${certificate.sha256} is registered to another organisation than ${organisation.id}`
    : `certificate ${certificate.sha256} is not registered and does not both chain to a trust anchor and carry the legal identifier of organisation ${organisation.id}`;
}

// ---- Step 2: the key ----

function checkKey(
  key: IssuerKey | null,
  organisation: OrganisationFacts,
  facts: RegistryFacts,
  at: EpochMs,
): { reasons: Reason[]; warnings: Warning[] } {
  if (key === null) return { reasons: [], warnings: [] };
  if (key.kind === 'did') return { reasons: didReasons(key.did, at), warnings: [] };
  return {
    reasons: certificateReasons(key.certificate, facts, at),
    warnings: certificateWarnings(key.certificate, organisation),
  };
}

function certificateReasons(certificate: CertificateFacts, facts: RegistryFacts, at: EpochMs): Reason[] {
  const name = `certificate ${certificate.sha256}`;
  const reasons: Reason[] = [];
  if (at < certificate.notBefore) {
    reasons.push({ code: 'CERTIFICATE_NOT_YET_VALID', clause: `${name} is valid only from ${iso(certificate.notBefore)}` });
  }
  if (at > certificate.notAfter) {
    reasons.push({ code: 'CERTIFICATE_EXPIRED', clause: `${name} was valid only until ${iso(certificate.notAfter)}` });
  }
  const revocation = revocationAt(certificate.revocations, at);
  if (revocation !== null) {
    reasons.push({ code: 'CERTIFICATE_REVOKED', clause: `${name} was revoked with effect from ${iso(revocation.effectiveAt)} (${revocation.reason})` });
  }
  if (facts.anyAnchorsExist) reasons.push(...chainReasons(certificate, facts, at));
  if (!certificate.keyUsageAllowsSigning) {
    reasons.push({ code: 'CERTIFICATE_KEY_USAGE', clause: `the key usage of ${name} does not allow signing` });
  }
  return reasons;
}

function chainReasons(certificate: CertificateFacts, facts: RegistryFacts, at: EpochMs): Reason[] {
  const code = 'CERTIFICATE_CHAIN_UNTRUSTED';
  const name = `certificate ${certificate.sha256}`;
  const { anchorId, validity } = certificate.chain;
  if (anchorId === null) return [{ code, clause: `the chain of ${name} does not lead to a trust anchor` }];

  const reasons: Reason[] = [];
  const anchor = facts.trustAnchor(anchorId);
  const anchorStatus = anchor === undefined ? null : entryAt(anchor.statusHistory, at);
  if (anchor === undefined) {
    reasons.push({ code, clause: `the chain of ${name} leads to trust anchor ${anchorId}, which is not in the registry` });
  } else if (anchor.listing) {
    reasons.push(...listedAnchorReasons(anchor.listing, anchor.statusHistory, anchorStatus, name, at));
  } else if (anchorStatus !== null && anchorStatus.status === 'REVOKED') {
    reasons.push({ code, clause: `trust anchor ${anchorId} of ${name} was revoked with effect from ${iso(anchorStatus.effectiveAt)}` });
  }
  if (validity.some((period) => !isValidAt(period, at))) {
    reasons.push({ code, clause: `a certificate in the chain of ${name} is not valid at ${iso(at)}` });
  }
  return reasons;
}

/**
 * An anchor from a trusted list anchors a chain only while its service is listed as active
 * (DESIGN §8.2): not before its first status entry, not while withdrawn.
 */
function listedAnchorReasons(
  listing: { readonly territory: string; readonly serviceName: string },
  history: readonly StatusEntry<TrustAnchorStatus>[],
  status: StatusEntry<TrustAnchorStatus> | null,
  name: string,
  at: EpochMs,
): Reason[] {
  const code = 'CERTIFICATE_CHAIN_UNTRUSTED';
  const service = `"${listing.serviceName}" (a CA/QC service for eSeals in the ${listing.territory} trusted list)`;
  if (status === null) {
    const first = earliest(history.map((entry) => entry.effectiveAt));
    return [{ code, clause: `the chain of ${name} leads to ${service}, which was not yet listed at ${iso(at)}${first ? `; it is listed from ${iso(first)}` : ''}` }];
  }
  if (status.status === 'REVOKED') {
    return [{ code, clause: `the chain of ${name} leads to ${service}, which is withdrawn since ${iso(status.effectiveAt)}` }];
  }
  return [];
}

function certificateWarnings(certificate: CertificateFacts, organisation: OrganisationFacts): Warning[] {
  const name = `certificate ${certificate.sha256}`;
  const warnings: Warning[] = [];
  if (certificate.registeredOrganisationId === null) {
    warnings.push({
      code: 'CERTIFICATE_NOT_REGISTERED',
      clause: `${name} is not registered; it identifies organisation ${organisation.id} by its organizationIdentifier and its chain to a trust anchor`,
    });
  }
  if (!certificate.qualifiedESeal) {
    warnings.push({ code: 'CERTIFICATE_NOT_QUALIFIED', clause: `${name} does not carry the QcStatements of a qualified electronic seal` });
  }
  return warnings;
}

function didReasons(did: DidFacts, at: EpochMs): Reason[] {
  const revocation = revocationAt(did.revocations, at);
  if (revocation === null) return [];
  return [{ code: 'DID_REVOKED', clause: `DID ${did.did} was revoked with effect from ${iso(revocation.effectiveAt)} (${revocation.reason})` }];
}

// ---- Step 3: the organisation ----

/** Why the organisation is not active at `at` (none before its first entry: the registry's rule). */
function checkOrganisation(organisation: OrganisationFacts, at: EpochMs): Reason[] {
  const entry = entryAt(organisation.statusHistory, at);
  if (entry === null) return [];
  const name = `organisation ${organisation.id}`;
  switch (entry.status) {
    case 'ACTIVE':
      return [];
    case 'SUSPENDED':
      return [{ code: 'ORGANISATION_SUSPENDED', clause: `${name} was suspended with effect from ${iso(entry.effectiveAt)}` }];
    case 'DEREGISTERED':
      return [{ code: 'ORGANISATION_DEREGISTERED', clause: `${name} was deregistered with effect from ${iso(entry.effectiveAt)}` }];
  }
}

// ---- Step 4: the accreditations ----

function checkAccreditations(
  organisation: OrganisationFacts,
  scope: TrustScope,
  facts: RegistryFacts,
  at: EpochMs,
): { grants: Grant[]; reasons: Reason[] } {
  const accreditations = facts.accreditationsOf(organisation.id);
  if (accreditations.length === 0) {
    return { grants: [], reasons: [{ code: 'NO_ACCREDITATION', clause: `organisation ${organisation.id} holds no accreditation` }] };
  }
  const grants: Grant[] = [];
  const reasons: Reason[] = [];
  for (const accreditation of accreditations) {
    const recognitions = recognitionsInForce(accreditation.accreditingAgentId, organisation.country, facts, at);
    const scopeFailures = scopeReasons(accreditation, scope);
    // The grant is the registry's rule plus scope; the reasons below only explain a refusal.
    if (accreditationInForceAt(accreditation, recognitions, organisation.country, at) && scopeFailures.length === 0) {
      const recognitionEnd = latest(recognitions.map((r) => r.validUntil));
      grants.push({ accreditation, end: earliest([accreditation.expiresAt, recognitionEnd, nextChangeFrom(accreditation.statusHistory, at, 'ACTIVE')]) });
      continue;
    }
    reasons.push(
      ...decisionReasons(accreditation),
      ...periodReasons(accreditation, at),
      ...statusReasons(accreditation, at),
      ...recognitionReasons(accreditation, organisation, recognitions, facts, at),
      ...scopeFailures,
    );
  }
  return { grants, reasons };
}

function decisionReasons(accreditation: AccreditationFacts): Reason[] {
  if (decisionGrants(accreditation.decision)) return [];
  return [{ code: 'ACCREDITATION_NEGATIVE', clause: `accreditation ${accreditation.id} records a negative decision` }];
}

function periodReasons(accreditation: AccreditationFacts, at: EpochMs): Reason[] {
  const name = `accreditation ${accreditation.id}`;
  switch (decisionPeriodAt(accreditation, at)) {
    case 'NOT_YET_VALID':
      return [{ code: 'ACCREDITATION_NOT_YET_VALID', clause: `${name} is valid only from ${iso(accreditation.validFrom)}` }];
    case 'EXPIRED':
      return [{ code: 'ACCREDITATION_EXPIRED', clause: `${name} expired at ${iso(accreditation.expiresAt!)}` }];
    case 'IN_FORCE':
      return [];
  }
}

/** No entry in force yet means ACTIVE (the registry's rule): whether it had started is validFrom's question. */
function statusReasons(accreditation: AccreditationFacts, at: EpochMs): Reason[] {
  const entry = entryAt(accreditation.statusHistory, at);
  if (entry === null) return [];
  const clause = (verb: string) => `accreditation ${accreditation.id} was ${verb} with effect from ${iso(entry.effectiveAt)}`;
  switch (entry.status) {
    case 'ACTIVE':
      return [];
    case 'SUSPENDED':
      return [{ code: 'ACCREDITATION_SUSPENDED', clause: clause('suspended') }];
    case 'WITHDRAWN':
      return [{ code: 'ACCREDITATION_WITHDRAWN', clause: clause('withdrawn') }];
    case 'SUPERSEDED':
      return [{ code: 'ACCREDITATION_SUPERSEDED', clause: clause('superseded') }];
  }
}

function recognitionsInForce(agencyId: string, country: string, facts: RegistryFacts, at: EpochMs): AgencyRecognitionFacts[] {
  return facts.recognitionsOf(agencyId).filter((r) => recognitionHoldsAt(r, at) && recognitionCovers(r, country));
}

function recognitionReasons(
  accreditation: AccreditationFacts,
  organisation: OrganisationFacts,
  inForce: readonly AgencyRecognitionFacts[],
  facts: RegistryFacts,
  at: EpochMs,
): Reason[] {
  if (inForce.length > 0) return [];
  const agencyId = accreditation.accreditingAgentId;
  const inTime = facts.recognitionsOf(agencyId).some((r) => recognitionHoldsAt(r, at));
  const why = inTime ? `for ${organisation.country}` : `at ${iso(at)}`;
  return [
    {
      code: 'AGENCY_NOT_RECOGNISED',
      clause: `agency ${agencyId}, which made accreditation ${accreditation.id}, is not recognised ${why}`,
    },
  ];
}

function scopeReasons(accreditation: AccreditationFacts, scope: TrustScope): Reason[] {
  const equal = <T>(limit: T, value: T) => limit === value;
  return [
    ...limitReasons('OUT_OF_SCOPE_EQF_LEVEL', 'EQF levels', accreditation, accreditation.limitEqfLevels, scope.eqfLevel, equal),
    ...limitReasons('OUT_OF_SCOPE_FIELD', 'ISCED-F fields', accreditation, accreditation.limitFields, scope.iscedFCode, iscedFCovers),
    ...limitReasons('OUT_OF_SCOPE_JURISDICTION', 'jurisdictions', accreditation, accreditation.limitJurisdictions, scope.country, equal),
    ...limitReasons('OUT_OF_SCOPE_OPPORTUNITY', 'opportunities', accreditation, accreditation.limitOpportunities, scope.opportunityId, equal),
  ];
}

/** An empty limit list means unlimited; an absent query value means the dimension is not asked about. */
function limitReasons<T extends string | number>(
  code: TrustReasonCode,
  noun: string,
  accreditation: AccreditationFacts,
  limits: readonly T[],
  value: T | null | undefined,
  covers: (limit: T, value: T) => boolean,
): Reason[] {
  if (value === null || value === undefined || limits.length === 0) return [];
  if (limits.some((limit) => covers(limit, value))) return [];
  return [{ code, clause: `accreditation ${accreditation.id} covers ${noun} ${limits.join(', ')}, not ${value}` }];
}

// ---- Step 5: the answer's extras ----

function grantWarnings(accreditation: AccreditationFacts, at: EpochMs): Warning[] {
  const name = `accreditation ${accreditation.id}`;
  const warnings: Warning[] = [];
  if (accreditation.reviewDate !== null && accreditation.reviewDate < at) {
    warnings.push({ code: 'REVIEW_OVERDUE', clause: `${name} was due for review on ${iso(accreditation.reviewDate)}` });
  }
  if (accreditation.decision === 'POSITIVE_WITH_CONDITIONS') {
    warnings.push({ code: 'CONDITIONAL_DECISION', clause: `${name} was granted with conditions` });
  }
  return warnings;
}

/**
 * Trust lasts while the key does, while the organisation stays active and while at least one
 * granting accreditation does — ended by recorded dates and by status changes the registry
 * already knows for a later time (a suspension recorded ahead).
 */
function trustEnd(key: IssuerKey | null, organisation: OrganisationFacts, facts: RegistryFacts, grants: readonly Grant[], at: EpochMs): EpochMs | null {
  const ends: (EpochMs | null)[] = [latest(grants.map((g) => g.end)), nextChangeFrom(organisation.statusHistory, at, 'ACTIVE')];
  if (key?.kind === 'did') ends.push(nextRevocation(key.did.revocations, at));
  if (key?.kind === 'certificate') {
    const { certificate } = key;
    ends.push(certificate.notAfter, nextRevocation(certificate.revocations, at));
    const anchor = certificate.chain.anchorId === null ? undefined : facts.trustAnchor(certificate.chain.anchorId);
    if (facts.anyAnchorsExist && anchor) ends.push(nextChangeFrom(anchor.statusHistory, at, 'ACTIVE'), ...certificate.chain.validity.map((v) => v.notAfter));
  }
  return earliest(ends);
}

/**
 * The first instant after `at` at which any fact this question reads changes: a status entry, a
 * validity bound, a review date. Until then the same question against the same registry state has
 * the same answer, so a signed answer may be reused (never past it); in epoch milliseconds. null:
 * nothing known changes.
 */
export function nextChangeAfter(query: TrustQuery, facts: RegistryFacts, atDate: Date): EpochMs | null {
  const at = atDate.getTime();
  const times: EpochMs[] = [];
  const organisation = query.organisationId === null ? undefined : facts.organisation(query.organisationId);
  if (organisation !== undefined) {
    times.push(...organisation.statusHistory.map((e) => e.effectiveAt));
    for (const accreditation of facts.accreditationsOf(organisation.id)) {
      times.push(accreditation.validFrom, ...accreditation.statusHistory.map((e) => e.effectiveAt));
      if (accreditation.expiresAt !== null) times.push(accreditation.expiresAt);
      if (accreditation.reviewDate !== null) times.push(accreditation.reviewDate);
      for (const recognition of facts.recognitionsOf(accreditation.accreditingAgentId)) {
        times.push(recognition.validFrom);
        if (recognition.validUntil !== null) times.push(recognition.validUntil);
      }
    }
  }
  const key = query.key ?? null;
  if (key?.kind === 'did') times.push(...key.did.revocations.map((r) => r.effectiveAt));
  if (key?.kind === 'certificate') {
    const { certificate } = key;
    times.push(certificate.notBefore, certificate.notAfter, ...certificate.revocations.map((r) => r.effectiveAt));
    for (const period of certificate.chain.validity) times.push(period.notBefore, period.notAfter);
    const anchor = certificate.chain.anchorId === null ? undefined : facts.trustAnchor(certificate.chain.anchorId);
    if (anchor) times.push(...anchor.statusHistory.map((e) => e.effectiveAt));
  }
  return earliest(times.filter((t) => t > at));
}

// ---- Time rules of keys (status histories and windows are the registry's: #registry time-rules.ts) ----

/** The earliest revocation that takes effect after `at`. */
function nextRevocation(revocations: readonly Revocation[], at: EpochMs): EpochMs | null {
  return earliest(revocations.filter((r) => r.effectiveAt > at).map((r) => r.effectiveAt));
}

/** Revocation is final: the earliest one in effect at `at`, if any. */
function revocationAt(revocations: readonly Revocation[], at: EpochMs): Revocation | null {
  let first: Revocation | null = null;
  for (const revocation of revocations) {
    if (revocation.effectiveAt > at) continue;
    if (first === null || revocation.effectiveAt < first.effectiveAt) first = revocation;
  }
  return first;
}

/** X.509: valid from notBefore through notAfter, both inclusive. */
function isValidAt(period: ValidityPeriod, at: EpochMs): boolean {
  return period.notBefore <= at && at <= period.notAfter;
}

/** null stands for "never ends", so it loses to any time. */
function earliest(ends: readonly (EpochMs | null)[]): EpochMs | null {
  let result: EpochMs | null = null;
  for (const end of ends) if (end !== null && (result === null || end < result)) result = end;
  return result;
}

/** null stands for "never ends", so it wins over any time. Callers pass at least one end. */
function latest(ends: readonly (EpochMs | null)[]): EpochMs | null {
  let result: EpochMs | null = null;
  for (const end of ends) {
    if (end === null) return null;
    if (result === null || end > result) result = end;
  }
  return result;
}

function iso(time: EpochMs): string {
  return new Date(time).toISOString();
}

function dateOrNull(time: EpochMs | null): Date | null {
  return time === null ? null : new Date(time);
}

// ---- Messages ----

/** One message per code, in the codes' declared order, its clauses joined into one sentence. */
function merge<C extends string>(findings: readonly Finding<C>[], order: readonly C[]): TrustMessage<C>[] {
  return order.flatMap((code) => {
    const clauses = [...new Set(findings.filter((f) => f.code === code).map((f) => f.clause))];
    return clauses.length === 0 ? [] : [{ code, message: sentence(clauses) }];
  });
}

function sentence(clauses: readonly string[]): string {
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
