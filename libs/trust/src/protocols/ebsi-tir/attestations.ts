import { createHash } from 'node:crypto';
import type { EpochMs } from '../../evaluation/trust-facts.js';
import type { IndexedAccreditation, IndexedOrganisation, IndexedRecognition } from '../../trust-index/trust-state.js';

/*
 * What an EBSI Trusted Issuers Registry attribute says, as plain data (README.md maps each field).
 * A payload depends only on registry facts — never on the time it is asked for — so that, signed
 * deterministically, the same revision has the same body and the same `hash` on every instance.
 */

export const W3C_CREDENTIALS_V1 = 'https://www.w3.org/2018/credentials/v1';

/** EBSI's issuer types; `Revoked` is EBSI's own value for an attribute that no longer accredits. */
export type EbsiIssuerType = 'RootTAO' | 'TAO' | 'TI' | 'Revoked';

/** One revision of an attribute: the VC-JWT claims to sign and the metadata EBSI lists beside the body. */
export interface AttestationRevision {
  readonly claims: Record<string, unknown>;
  readonly issuerType: EbsiIssuerType;
  /** When this revision holds in the world (its status entry's effectiveAt; a recognition's validFrom). */
  readonly effectiveAt: EpochMs;
}

/** The attribute id: SHA-256 (hex) of the id of the credential it carries, so it never changes between revisions. */
export function attributeIdOf(credentialId: string): string {
  return createHash('sha256').update(credentialId).digest('hex');
}

export function accreditationCredentialId(accreditation: Pick<IndexedAccreditation, 'id'>): string {
  return `urn:uuid:${accreditation.id}`;
}

export function recognitionCredentialId(recognition: Pick<IndexedRecognition, 'id'>): string {
  return `urn:uuid:${recognition.id}`;
}

// The trust index keeps times as epoch milliseconds; claims carry seconds and ISO instants.
const seconds = (time: EpochMs) => Math.floor(time / 1000);
function iso(time: EpochMs): string;
function iso(time: EpochMs | null): string | null;
function iso(time: EpochMs | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

/**
 * An accreditation as a `VerifiableAccreditationToAttest` from the registry to the provider's DID,
 * one revision per status-history entry (oldest first, in effect order): revision k carries the
 * history up to entry k, so an older revision's body never changes when a newer one is added.
 * A revision whose status is not ACTIVE, or a NEGATIVE decision, is EBSI's `Revoked`.
 */
export function accreditationRevisions(
  accreditation: IndexedAccreditation,
  parties: { registryDid: string; subjectDid: string; provider: IndexedOrganisation | undefined; agency: IndexedOrganisation | undefined },
): AttestationRevision[] {
  const history = accreditation.statusHistory.length > 0 ? accreditation.statusHistory : [{ status: 'ACTIVE' as const, effectiveAt: accreditation.validFrom, reason: '' }];
  const id = accreditationCredentialId(accreditation);
  return history.map((entry, k) => {
    const vc = {
      '@context': [W3C_CREDENTIALS_V1],
      id,
      type: ['VerifiableCredential', 'VerifiableAttestation', 'VerifiableAccreditation', 'VerifiableAccreditationToAttest'],
      issuer: parties.registryDid,
      issuanceDate: iso(accreditation.issuedAt),
      issued: iso(accreditation.issuedAt),
      validFrom: iso(accreditation.validFrom),
      ...(accreditation.expiresAt !== null ? { expirationDate: iso(accreditation.expiresAt) } : {}),
      credentialSubject: {
        id: parties.subjectDid,
        // EBSI's own claim: where the accreditation counts (empty = anywhere).
        accreditedFor: [{ limitJurisdiction: [...accreditation.limitJurisdictions] }],
        accreditation: {
          id: accreditation.id,
          type: accreditation.type,
          title: accreditation.title,
          decision: accreditation.decision,
          accreditedOrganisation: { id: accreditation.accreditedOrganisationId, legalIdentifier: parties.provider?.legalIdentifier ?? null },
          accreditingAgent: { id: accreditation.accreditingAgentId, legalIdentifier: parties.agency?.legalIdentifier ?? null },
          issuedAt: iso(accreditation.issuedAt),
          validFrom: iso(accreditation.validFrom),
          reviewDate: iso(accreditation.reviewDate),
          expiresAt: iso(accreditation.expiresAt),
          reportUrl: accreditation.reportUrl,
          supersedesId: accreditation.supersedesId,
          limitEqfLevels: [...accreditation.limitEqfLevels],
          limitFields: [...accreditation.limitFields],
          limitJurisdictions: [...accreditation.limitJurisdictions],
          limitOpportunities: [...accreditation.limitOpportunities],
          status: entry.status,
          statusHistory: history.slice(0, k + 1).map((e) => ({ status: e.status, effectiveAt: iso(e.effectiveAt), reason: e.reason })),
        },
      },
    };
    return {
      claims: {
        iss: parties.registryDid,
        sub: parties.subjectDid,
        jti: id,
        iat: seconds(entry.effectiveAt),
        nbf: seconds(accreditation.validFrom),
        ...(accreditation.expiresAt !== null ? { exp: seconds(accreditation.expiresAt) } : {}),
        vc,
      },
      issuerType: entry.status === 'ACTIVE' && accreditation.decision !== 'NEGATIVE' ? 'TI' : 'Revoked',
      effectiveAt: entry.effectiveAt,
    };
  });
}

/**
 * An agency's recognition as a `VerifiableAccreditationToAccredit` from the registry (the root) to
 * the agency's DID: EBSI's TAO. A recognition is a window without a status history: one revision.
 */
export function recognitionRevisions(
  recognition: IndexedRecognition,
  parties: { registryDid: string; subjectDid: string; agency: IndexedOrganisation | undefined },
): AttestationRevision[] {
  const id = recognitionCredentialId(recognition);
  const vc = {
    '@context': [W3C_CREDENTIALS_V1],
    id,
    type: ['VerifiableCredential', 'VerifiableAttestation', 'VerifiableAccreditation', 'VerifiableAccreditationToAccredit'],
    issuer: parties.registryDid,
    issuanceDate: iso(recognition.validFrom),
    validFrom: iso(recognition.validFrom),
    ...(recognition.validUntil !== null ? { expirationDate: iso(recognition.validUntil) } : {}),
    credentialSubject: {
      id: parties.subjectDid,
      accreditedFor: [{ limitJurisdiction: [...recognition.jurisdictions] }],
      recognition: {
        id: recognition.id,
        agency: { id: recognition.agencyId, legalIdentifier: parties.agency?.legalIdentifier ?? null },
        validFrom: iso(recognition.validFrom),
        validUntil: iso(recognition.validUntil),
        jurisdictions: [...recognition.jurisdictions],
      },
    },
  };
  return [
    {
      claims: {
        iss: parties.registryDid,
        sub: parties.subjectDid,
        jti: id,
        iat: seconds(recognition.validFrom),
        nbf: seconds(recognition.validFrom),
        ...(recognition.validUntil !== null ? { exp: seconds(recognition.validUntil) } : {}),
        vc,
      },
      issuerType: 'TAO',
      effectiveAt: recognition.validFrom,
    },
  ];
}

/** The revision that holds at `at`: the last that took effect by then, or the first when none has yet. */
export function revisionAt(revisions: readonly AttestationRevision[], at: Date): AttestationRevision {
  let current = revisions[0];
  for (const revision of revisions) if (revision.effectiveAt <= at.getTime()) current = revision;
  return current;
}
