import { type AccreditationRecord, NONE, type OrganisationRecord, type RecognitionRecord } from '#registry';
import type { CertificateFacts, DidFacts, EpochMs, RegistryFacts, TrustAnchorFacts } from '../evaluation/trust-facts.js';

/** An organisation as the trust index keeps it: the registry's record, which the evaluation reads as OrganisationFacts. */
export type IndexedOrganisation = OrganisationRecord;
/** An accreditation with everything the trust list publishes. */
export type IndexedAccreditation = AccreditationRecord;
export type IndexedRecognition = RecognitionRecord;

/**
 * A registered certificate: its facts plus what answers and the trust list show (its serial number
 * and PEM stay in the database: no answer shows them).
 */
export interface IndexedCertificate extends CertificateFacts {
  readonly id: string;
  readonly subjectDn: string;
  readonly issuerDn: string;
}

export interface IndexedDid extends DidFacts {
  readonly id: string;
}

export interface IndexedAnchor extends TrustAnchorFacts {
  readonly sha256: string;
  readonly pem: string;
  readonly subjectDn: string;
  readonly notBefore: EpochMs;
  readonly notAfter: EpochMs;
}

/** Records read for a set of changes; each replaces the record with the same id. */
export interface TrustRecords {
  organisations: readonly IndexedOrganisation[];
  accreditations: readonly IndexedAccreditation[];
  recognitions: readonly IndexedRecognition[];
  anchors: readonly IndexedAnchor[];
  certificates: readonly IndexedCertificate[];
  dids: readonly IndexedDid[];
}

/** Identifiers are matched as an operator would read them: surrounding space and case do not count. */
export function normaliseIdentifier(identifier: string): string {
  return identifier.trim().toUpperCase();
}

/**
 * Everything a trust answer depends on, in memory, at one registry sequence. Records are never
 * removed (the registry deletes nothing); a change replaces the records it names, all of them in
 * one synchronous `apply`, so an answer computed without awaiting in between sees exactly one
 * registry state — the one `registrySequence` names.
 *
 * Kept compact (DESIGN §7: 100k organisations and 200k certificates in the api's memory): times
 * are numbers and repeated values shared (the readers), a record that names an organisation or an
 * anchor holds that record's own id string rather than a copy (here), and records are found by
 * what answers look them up by, with no second map by id where the key never changes (a
 * certificate's fingerprint, a DID, an accreditation's organisation).
 */
export class TrustState implements RegistryFacts {
  registrySequence = 0;
  /** Grows whenever an anchor changes, so that derived data (parsed anchors) knows to rebuild. */
  anchorsVersion = 0;
  private readonly organisationsById = new Map<string, IndexedOrganisation>();
  /** Normalised identifier → every organisation carrying it (legal or other); usually one. */
  private readonly identifierOwners = new Map<string, string[]>();
  private readonly accreditationsByOrganisation = new Map<string, IndexedAccreditation[]>();
  private readonly recognitionsByAgency = new Map<string, IndexedRecognition[]>();
  private readonly anchorsById = new Map<string, IndexedAnchor>();
  private readonly certificatesBySha256 = new Map<string, IndexedCertificate>();
  private readonly certificatesByOrganisation = new Map<string, IndexedCertificate[]>();
  private readonly didsByValue = new Map<string, IndexedDid>();
  private readonly didsByOrganisation = new Map<string, IndexedDid[]>();

  static build(records: TrustRecords, registrySequence: number): TrustState {
    const state = new TrustState();
    state.apply(records, registrySequence);
    return state;
  }

  /** Replaces the given records and moves to `registrySequence`; synchronous, so no answer sees half of it. */
  apply(records: TrustRecords, registrySequence: number): void {
    // Organisations first: the records after them name them.
    for (const organisation of records.organisations) this.putOrganisation(organisation);
    for (const accreditation of records.accreditations) this.putAccreditation(accreditation);
    for (const recognition of records.recognitions) this.putRecognition(recognition);
    for (const anchor of records.anchors) this.anchorsById.set(anchor.id, anchor);
    if (records.anchors.length > 0) this.anchorsVersion++;
    for (const certificate of records.certificates) this.putCertificate(certificate);
    for (const did of records.dids) this.putDid(did);
    this.registrySequence = registrySequence;
  }

  get anyAnchorsExist(): boolean {
    return this.anchorsById.size > 0;
  }

  organisation(id: string): IndexedOrganisation | undefined {
    return this.organisationsById.get(id);
  }

  /** By legal identifier, or else by another registered identifier; a legal identifier wins. */
  organisationByIdentifier(identifier: string): IndexedOrganisation | undefined {
    const key = normaliseIdentifier(identifier);
    const owners = this.identifierOwners.get(key);
    if (!owners) return undefined;
    const candidates = owners.map((id) => this.organisationsById.get(id)!);
    return candidates.find((o) => normaliseIdentifier(o.legalIdentifier) === key) ?? candidates[0];
  }

  organisations(): IterableIterator<IndexedOrganisation> {
    return this.organisationsById.values();
  }

  accreditationsOf(organisationId: string): readonly IndexedAccreditation[] {
    return this.accreditationsByOrganisation.get(organisationId) ?? NONE;
  }

  recognitionsOf(agencyId: string): readonly IndexedRecognition[] {
    return this.recognitionsByAgency.get(agencyId) ?? NONE;
  }

  trustAnchor(id: string): IndexedAnchor | undefined {
    return this.anchorsById.get(id);
  }

  anchors(): IterableIterator<IndexedAnchor> {
    return this.anchorsById.values();
  }

  certificate(sha256: string): IndexedCertificate | undefined {
    return this.certificatesBySha256.get(sha256);
  }

  did(did: string): IndexedDid | undefined {
    return this.didsByValue.get(did);
  }

  certificatesOf(organisationId: string): readonly IndexedCertificate[] {
    return this.certificatesByOrganisation.get(organisationId) ?? NONE;
  }

  didsOf(organisationId: string): readonly IndexedDid[] {
    return this.didsByOrganisation.get(organisationId) ?? NONE;
  }

  /** How many records of each kind it holds (for logs and tests). */
  size(): Record<string, number> {
    let accreditations = 0;
    for (const list of this.accreditationsByOrganisation.values()) accreditations += list.length;
    return {
      organisations: this.organisationsById.size,
      accreditations,
      certificates: this.certificatesBySha256.size,
      dids: this.didsByValue.size,
      anchors: this.anchorsById.size,
    };
  }

  /** The organisation's own id string, when it is held: a record naming it then keeps no copy. */
  private organisationId(id: string): string {
    return this.organisationsById.get(id)?.id ?? id;
  }

  private putOrganisation(organisation: IndexedOrganisation): void {
    const previous = this.organisationsById.get(organisation.id);
    if (previous) for (const key of identifiersOf(previous)) removeFrom(this.identifierOwners, key, organisation.id);
    this.organisationsById.set(organisation.id, organisation);
    for (const key of identifiersOf(organisation)) addTo(this.identifierOwners, key, organisation.id);
  }

  private putAccreditation(read: IndexedAccreditation): void {
    const accreditation = {
      ...read,
      accreditedOrganisationId: this.organisationId(read.accreditedOrganisationId),
      accreditingAgentId: this.organisationId(read.accreditingAgentId),
    };
    replaceIn(this.accreditationsByOrganisation, accreditation.accreditedOrganisationId, accreditation);
  }

  private putRecognition(read: IndexedRecognition): void {
    const recognition = { ...read, agencyId: this.organisationId(read.agencyId) };
    replaceIn(this.recognitionsByAgency, recognition.agencyId, recognition);
  }

  private putCertificate(read: IndexedCertificate): void {
    const owner = read.registeredOrganisationId === null ? undefined : this.organisationsById.get(read.registeredOrganisationId);
    const certificate: IndexedCertificate = {
      ...read,
      registeredOrganisationId: owner?.id ?? read.registeredOrganisationId,
      // A seal usually carries its owner's legal identifier: the owner's string, then.
      organizationIdentifier: owner !== undefined && read.organizationIdentifier === owner.legalIdentifier ? owner.legalIdentifier : read.organizationIdentifier,
    };
    this.certificatesBySha256.set(certificate.sha256, certificate);
    replaceIn(this.certificatesByOrganisation, certificate.registeredOrganisationId!, certificate);
  }

  private putDid(read: IndexedDid): void {
    const did = { ...read, organisationId: this.organisationId(read.organisationId) };
    this.didsByValue.set(did.did, did);
    replaceIn(this.didsByOrganisation, did.organisationId, did);
  }
}

function identifiersOf(organisation: IndexedOrganisation): Set<string> {
  return new Set([organisation.legalIdentifier, ...organisation.otherIdentifiers.map((o) => o.value)].map(normaliseIdentifier));
}

/**
 * Keeps each list sorted by id, so that the order of answers does not depend on the order of
 * changes. `concat` makes a list of exactly its length (one pushed onto grows room for 16 more).
 */
function replaceIn<V extends { id: string }>(map: Map<string, V[]>, key: string, value: V): void {
  const list = (map.get(key) ?? NONE).filter((v) => v.id !== value.id).concat([value]);
  list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  map.set(key, list);
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) {
    list.push(id);
    list.sort();
  }
}

function removeFrom(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key)?.filter((v) => v !== id);
  if (!list || list.length === 0) map.delete(key);
  else map.set(key, list);
}
