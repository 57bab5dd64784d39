import { type IndexedAccreditation, type IndexedAnchor, type IndexedCertificate, type IndexedDid, type IndexedOrganisation, type IndexedRecognition, type TrustRecords, TrustState } from './trust-state.js';

/**
 * Property: applying changes one batch at a time gives the same state as reading everything
 * afresh — after every batch, for random sequences of changes (seeded, so a failure reproduces).
 */

/** mulberry32: a small seeded generator, so that each run checks the same sequences. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = (kind: string, n: number) => `00000000-0000-4000-8000-${kind}${String(n).padStart(11, '0')}`;
/** Epoch milliseconds, as the trust index keeps times. */
const day = (n: number) => Date.UTC(2024, 0, 1 + n);

class World {
  readonly organisations = new Map<string, IndexedOrganisation>();
  readonly accreditations = new Map<string, IndexedAccreditation>();
  readonly recognitions = new Map<string, IndexedRecognition>();
  readonly anchors = new Map<string, IndexedAnchor>();
  readonly certificates = new Map<string, IndexedCertificate>();
  readonly dids = new Map<string, IndexedDid>();
  private version = 0;

  constructor(private readonly next: () => number) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Identifiers are drawn from a small pool, in mixed case, so that organisations share them. */
  private identifier(): string {
    const value = this.pick(['VATFI-1', 'VATFI-2', 'NTREE-3', 'DEQAR-4', 'VATFI-5']);
    return this.pick([value, value.toLowerCase(), ` ${value} `]);
  }

  /** One random change: a new or changed record of a random kind. */
  change(into: TrustRecords): void {
    const v = ++this.version;
    const n = Math.floor(this.next() * 6);
    const kind = this.pick(['organisation', 'accreditation', 'recognition', 'anchor', 'certificate', 'did'] as const);
    const organisationIds = [...this.organisations.keys()];
    if (kind === 'organisation' || organisationIds.length === 0) {
      const organisation: IndexedOrganisation = {
        id: id('a', n),
        kind: n % 2 === 0 ? 'PROVIDER' : 'QUALITY_AGENCY',
        legalName: `Organisation ${n} v${v}`,
        legalIdentifier: this.identifier(),
        otherIdentifiers: this.next() < 0.5 ? [] : [{ scheme: 'VAT', value: this.identifier() }],
        country: this.pick(['FI', 'EE']),
        statusHistory: this.next() < 0.7 ? [] : [{ status: 'SUSPENDED', effectiveAt: day(v), reason: 'r' }],
      };
      this.organisations.set(organisation.id, organisation);
      (into.organisations as IndexedOrganisation[]).push(organisation);
      return;
    }
    const owner = this.pick(organisationIds);
    // Ids from a pool of six per kind: most changes replace a record that exists.
    const existing = (prefix: string): string => id(prefix, Math.floor(this.next() * 6));
    switch (kind) {
      case 'accreditation': {
        const accreditationId = existing('b');
        const previous = this.accreditations.get(accreditationId);
        const accreditation: IndexedAccreditation = {
          id: accreditationId,
          accreditedOrganisationId: previous?.accreditedOrganisationId ?? owner,
          accreditingAgentId: this.pick(organisationIds),
          type: 'INSTITUTIONAL_QA',
          title: `Decision v${v}`,
          decision: this.pick(['POSITIVE', 'POSITIVE_WITH_CONDITIONS', 'NEGATIVE'] as const),
          issuedAt: day(0),
          validFrom: day(0),
          reviewDate: null,
          expiresAt: this.next() < 0.5 ? null : day(400),
          reportUrl: null,
          supersedesId: null,
          limitEqfLevels: [],
          limitFields: [],
          limitJurisdictions: [],
          limitOpportunities: [],
          statusHistory: [...(previous?.statusHistory ?? [{ status: 'ACTIVE' as const, effectiveAt: day(0), reason: 'recorded' }]), { status: 'SUSPENDED', effectiveAt: day(v), reason: 's' }],
        };
        this.accreditations.set(accreditation.id, accreditation);
        (into.accreditations as IndexedAccreditation[]).push(accreditation);
        return;
      }
      case 'recognition': {
        const recognitionId = existing('c');
        const recognition: IndexedRecognition = {
          id: recognitionId,
          agencyId: this.recognitions.get(recognitionId)?.agencyId ?? owner,
          validFrom: day(0),
          validUntil: day(v + 10),
          jurisdictions: [],
        };
        this.recognitions.set(recognition.id, recognition);
        (into.recognitions as IndexedRecognition[]).push(recognition);
        return;
      }
      case 'anchor': {
        const anchorId = existing('d');
        const anchor: IndexedAnchor = {
          id: anchorId,
          sha256: `anchor-${anchorId}`,
          pem: 'PEM',
          subjectDn: 'CN=CA',
          notBefore: day(-100),
          notAfter: day(1000),
          statusHistory: this.next() < 0.5 ? [] : [{ status: 'REVOKED', effectiveAt: day(v) }],
        };
        this.anchors.set(anchor.id, anchor);
        (into.anchors as IndexedAnchor[]).push(anchor);
        return;
      }
      case 'certificate': {
        const certificateId = existing('e');
        const previous = this.certificates.get(certificateId);
        const certificate: IndexedCertificate = {
          id: certificateId,
          sha256: `sha-${certificateId}`,
          subjectDn: 'CN=Seal',
          issuerDn: 'CN=CA',
          notBefore: day(-10),
          notAfter: day(500),
          organizationIdentifier: 'VATFI-1',
          keyUsageAllowsSigning: true,
          qualifiedESeal: true,
          registeredOrganisationId: previous?.registeredOrganisationId ?? owner,
          revocations: this.next() < 0.5 ? [] : [{ effectiveAt: day(v), reason: 'key compromise' }],
          chain: { anchorId: null, validity: [] },
        };
        this.certificates.set(certificate.id, certificate);
        (into.certificates as IndexedCertificate[]).push(certificate);
        return;
      }
      case 'did': {
        const didId = existing('f');
        const previous = this.dids.get(didId);
        const did: IndexedDid = {
          id: didId,
          did: `did:example:${didId}`,
          organisationId: previous?.organisationId ?? owner,
          revocations: this.next() < 0.5 ? [] : [{ effectiveAt: day(v), reason: 'rotated' }],
        };
        this.dids.set(did.id, did);
        (into.dids as IndexedDid[]).push(did);
        return;
      }
    }
  }

  everything(): TrustRecords {
    return {
      organisations: [...this.organisations.values()],
      accreditations: [...this.accreditations.values()],
      recognitions: [...this.recognitions.values()],
      anchors: [...this.anchors.values()],
      certificates: [...this.certificates.values()],
      dids: [...this.dids.values()],
    };
  }
}

/** Everything a trust answer can read from the state, as one comparable value. */
function observe(state: TrustState, world: World): unknown {
  const identifiers = ['VATFI-1', 'vatfi-2', ' NTREE-3 ', 'DEQAR-4', 'VATFI-5', 'UNKNOWN-6'];
  return {
    registrySequence: state.registrySequence,
    anyAnchorsExist: state.anyAnchorsExist,
    size: state.size(),
    byIdentifier: identifiers.map((i) => state.organisationByIdentifier(i)?.id ?? null),
    organisations: [...world.organisations.keys()].sort().map((o) => ({
      organisation: state.organisation(o),
      accreditations: state.accreditationsOf(o),
      recognitions: state.recognitionsOf(o),
      certificates: state.certificatesOf(o),
      dids: state.didsOf(o),
    })),
    anchors: [...world.anchors.keys()].sort().map((a) => state.trustAnchor(a)),
    certificates: [...world.certificates.values()].map((c) => state.certificate(c.sha256)),
    dids: [...world.dids.values()].map((d) => state.did(d.did)),
  };
}

describe('TrustState, changed incrementally', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('equals a fresh build after every batch of random changes (seed %i)', (seed) => {
    const next = random(seed);
    const world = new World(next);
    const incremental = TrustState.build({ organisations: [], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] }, 0);
    for (let sequence = 1; sequence <= 60; sequence++) {
      const batch: TrustRecords = { organisations: [], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] };
      const changes = 1 + Math.floor(next() * 3);
      for (let k = 0; k < changes; k++) world.change(batch);
      incremental.apply(batch, sequence);
      expect(observe(incremental, world)).toEqual(observe(TrustState.build(world.everything(), sequence), world));
    }
  });

  it('finds an organisation by its legal identifier ahead of another that carries it as another identifier, in any case', () => {
    const organisation = (n: number, legalIdentifier: string, other: string[]): IndexedOrganisation => ({
      id: id('a', n),
      kind: 'PROVIDER',
      legalName: `O${n}`,
      legalIdentifier,
      otherIdentifiers: other.map((value) => ({ scheme: 'VAT', value })),
      country: 'FI',
      statusHistory: [],
    });
    const state = TrustState.build({ organisations: [organisation(1, 'VATFI-2', ['VATFI-1']), organisation(2, 'VATFI-1', [])], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] }, 1);
    expect(state.organisationByIdentifier(' vatfi-1 ')?.id).toBe(id('a', 2));
    expect(state.organisationByIdentifier('VATFI-2')?.id).toBe(id('a', 1));
    // The legal owner changes its identifier: the other identifier's owner is found again.
    state.apply({ organisations: [organisation(2, 'VATFI-9', [])], accreditations: [], recognitions: [], anchors: [], certificates: [], dids: [] }, 2);
    expect(state.organisationByIdentifier('VATFI-1')?.id).toBe(id('a', 1));
    expect(state.organisationByIdentifier('vatfi-9')?.id).toBe(id('a', 2));
  });
});
