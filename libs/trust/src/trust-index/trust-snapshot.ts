import type {
  AccreditationFacts,
  AgencyRecognitionFacts,
  CertificateFacts,
  DidFacts,
  OrganisationFacts,
  RegistryFacts,
  TrustAnchorFacts,
} from '../evaluation/trust-facts.js';

/** An organisation as the trust index keeps it: the facts the evaluation needs, and what answers show. */
export interface IndexedOrganisation extends OrganisationFacts {
  readonly legalName: string;
  readonly kind: 'PROVIDER' | 'QUALITY_AGENCY';
  readonly otherIdentifiers: readonly { scheme: string; value: string }[];
}

/** A registered certificate: its facts plus what answers and the trust list show. */
export interface IndexedCertificate extends CertificateFacts {
  readonly id: string;
  readonly subjectDn: string;
  readonly issuerDn: string;
  readonly serialNumber: string;
}

export interface IndexedDid extends DidFacts {
  readonly id: string;
}

export interface IndexedAnchor extends TrustAnchorFacts {
  readonly sha256: string;
  readonly pem: string;
  readonly subjectDn: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** The richer accreditation record the trust list publishes. */
export interface IndexedAccreditation extends AccreditationFacts {
  readonly type: string;
  readonly title: string;
  readonly issuedAt: Date;
  readonly reportUrl: string | null;
  readonly supersedesId: string | null;
  readonly statusHistory: readonly { status: AccreditationFacts['statusHistory'][number]['status']; effectiveAt: Date; reason: string }[];
}

export interface SnapshotContents {
  registrySequence: number;
  organisations: IndexedOrganisation[];
  accreditations: IndexedAccreditation[];
  recognitions: AgencyRecognitionFacts[];
  anchors: IndexedAnchor[];
  certificates: IndexedCertificate[];
  dids: IndexedDid[];
}

/**
 * One consistent, immutable view of everything a trust answer depends on, read in one database
 * snapshot. Lookups are map reads: this is the hot path of every verifier's question.
 */
export class TrustSnapshot implements RegistryFacts {
  readonly registrySequence: number;
  readonly builtAt = new Date();
  readonly anyAnchorsExist: boolean;
  private readonly organisationsById: Map<string, IndexedOrganisation>;
  private readonly organisationsByIdentifier = new Map<string, IndexedOrganisation>();
  private readonly accreditationsByOrganisation = new Map<string, IndexedAccreditation[]>();
  private readonly recognitionsByAgency = new Map<string, AgencyRecognitionFacts[]>();
  private readonly anchorsById: Map<string, IndexedAnchor>;
  private readonly certificatesBySha256: Map<string, IndexedCertificate>;
  private readonly didsByValue: Map<string, IndexedDid>;
  private readonly certificatesByOrganisation = new Map<string, IndexedCertificate[]>();
  private readonly didsByOrganisation = new Map<string, IndexedDid[]>();

  constructor(readonly contents: SnapshotContents) {
    this.registrySequence = contents.registrySequence;
    this.organisationsById = new Map(contents.organisations.map((o) => [o.id, o]));
    for (const organisation of contents.organisations) {
      this.organisationsByIdentifier.set(organisation.legalIdentifier, organisation);
      for (const other of organisation.otherIdentifiers) {
        // A legal identifier wins over another scheme's identifier that happens to look the same.
        if (!this.organisationsByIdentifier.has(other.value)) this.organisationsByIdentifier.set(other.value, organisation);
      }
    }
    for (const accreditation of contents.accreditations) push(this.accreditationsByOrganisation, accreditation.accreditedOrganisationId, accreditation);
    for (const recognition of contents.recognitions) push(this.recognitionsByAgency, recognition.agencyId, recognition);
    this.anchorsById = new Map(contents.anchors.map((a) => [a.id, a]));
    this.anyAnchorsExist = contents.anchors.length > 0;
    this.certificatesBySha256 = new Map(contents.certificates.map((c) => [c.sha256, c]));
    this.didsByValue = new Map(contents.dids.map((d) => [d.did, d]));
    for (const certificate of contents.certificates) push(this.certificatesByOrganisation, certificate.registeredOrganisationId!, certificate);
    for (const did of contents.dids) push(this.didsByOrganisation, did.organisationId, did);
  }

  organisation(id: string): IndexedOrganisation | undefined {
    return this.organisationsById.get(id);
  }

  organisationByIdentifier(identifier: string): IndexedOrganisation | undefined {
    return this.organisationsByIdentifier.get(identifier);
  }

  accreditationsOf(organisationId: string): readonly IndexedAccreditation[] {
    return this.accreditationsByOrganisation.get(organisationId) ?? [];
  }

  recognitionsOf(agencyId: string): readonly AgencyRecognitionFacts[] {
    return this.recognitionsByAgency.get(agencyId) ?? [];
  }

  trustAnchor(id: string): IndexedAnchor | undefined {
    return this.anchorsById.get(id);
  }

  certificate(sha256: string): IndexedCertificate | undefined {
    return this.certificatesBySha256.get(sha256);
  }

  did(did: string): IndexedDid | undefined {
    return this.didsByValue.get(did);
  }

  certificatesOf(organisationId: string): readonly IndexedCertificate[] {
    return this.certificatesByOrganisation.get(organisationId) ?? [];
  }

  didsOf(organisationId: string): readonly IndexedDid[] {
    return this.didsByOrganisation.get(organisationId) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
