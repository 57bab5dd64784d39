import {
  certificateIdentifies,
  evaluateTrust,
  TRUST_REASON_CODES,
  TRUST_WARNING_CODES,
  type TrustEvaluation,
  type TrustQuery,
  type TrustScope,
} from './evaluate-trust.js';
import type {
  AccreditationFacts,
  AgencyRecognitionFacts,
  CertificateFacts,
  DidFacts,
  OrganisationFacts,
  RegistryFacts,
  TrustAnchorFacts,
} from './trust-facts.js';

// ---- Factories: one accredited German provider with a registered, anchored, qualified seal ----

const d = (iso: string): Date => new Date(iso);
/** Facts carry times as epoch milliseconds, as the trust index keeps them. */
const ms = (iso: string): number => Date.parse(iso);
/** A time to ask at, `ms` from a fact's time (or from another time to ask at). */
const plusMs = (time: Date | number, delta: number): Date => new Date(+time + delta);

const AT = d('2025-06-01T12:00:00.000Z');
const LEGAL_ID = 'VATDE-123456789';
const SHA = 'ab'.repeat(32);

function organisation(overrides: Partial<OrganisationFacts> = {}): OrganisationFacts {
  return {
    id: 'org-1',
    legalIdentifier: LEGAL_ID,
    country: 'DE',
    statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2020-01-01T00:00:00Z') }],
    ...overrides,
  };
}

function recognition(overrides: Partial<AgencyRecognitionFacts> = {}): AgencyRecognitionFacts {
  return {
    agencyId: 'agency-1',
    validFrom: ms('2020-01-01T00:00:00Z'),
    validUntil: ms('2030-01-01T00:00:00Z'),
    jurisdictions: [],
    ...overrides,
  };
}

function accreditation(overrides: Partial<AccreditationFacts> = {}): AccreditationFacts {
  return {
    id: 'acc-1',
    accreditedOrganisationId: 'org-1',
    accreditingAgentId: 'agency-1',
    decision: 'POSITIVE',
    validFrom: ms('2021-01-01T00:00:00Z'),
    expiresAt: ms('2027-01-01T00:00:00Z'),
    reviewDate: ms('2026-01-01T00:00:00Z'),
    limitEqfLevels: [],
    limitFields: [],
    limitJurisdictions: [],
    limitOpportunities: [],
    statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2021-01-01T00:00:00Z') }],
    ...overrides,
  };
}

function certificate(overrides: Partial<CertificateFacts> = {}): CertificateFacts {
  return {
    sha256: SHA,
    organizationIdentifier: LEGAL_ID,
    notBefore: ms('2024-01-01T00:00:00Z'),
    notAfter: ms('2026-01-01T00:00:00Z'),
    keyUsageAllowsSigning: true,
    qualifiedESeal: true,
    registeredOrganisationId: 'org-1',
    revocations: [],
    chain: {
      anchorId: 'anchor-1',
      validity: [
        { notBefore: ms('2018-01-01T00:00:00Z'), notAfter: ms('2028-01-01T00:00:00Z') },
        { notBefore: ms('2015-01-01T00:00:00Z'), notAfter: ms('2035-01-01T00:00:00Z') },
      ],
    },
    ...overrides,
  };
}

function anchor(overrides: Partial<TrustAnchorFacts> = {}): TrustAnchorFacts {
  return { id: 'anchor-1', statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2015-01-01T00:00:00Z') }], ...overrides };
}

function did(overrides: Partial<DidFacts> = {}): DidFacts {
  return { did: 'did:example:org-1', organisationId: 'org-1', revocations: [], ...overrides };
}

interface World {
  organisations?: OrganisationFacts[];
  accreditations?: AccreditationFacts[];
  recognitions?: AgencyRecognitionFacts[];
  anchors?: TrustAnchorFacts[];
}

function registry(world: World = {}): RegistryFacts {
  const organisations = world.organisations ?? [organisation()];
  const accreditations = world.accreditations ?? [accreditation()];
  const recognitions = world.recognitions ?? [recognition()];
  const anchors = world.anchors ?? [anchor()];
  return {
    organisation: (id) => organisations.find((o) => o.id === id),
    accreditationsOf: (id) => accreditations.filter((a) => a.accreditedOrganisationId === id),
    recognitionsOf: (id) => recognitions.filter((r) => r.agencyId === id),
    trustAnchor: (id) => anchors.find((a) => a.id === id),
    anyAnchorsExist: anchors.length > 0,
  };
}

const byOrganisation = (scope?: TrustScope): TrustQuery => ({ organisationId: 'org-1', scope });
const byCertificate = (cert: CertificateFacts = certificate(), scope?: TrustScope): TrustQuery => ({
  organisationId: 'org-1',
  key: { kind: 'certificate', certificate: cert },
  scope,
});
const byDid = (facts: DidFacts = did()): TrustQuery => ({ organisationId: 'org-1', key: { kind: 'did', did: facts } });

/** Every code any test saw, so that the last test can prove each one is exercised. */
const seen = { reasons: new Set<string>(), warnings: new Set<string>() };

/** `at` may be a fact's own time (epoch milliseconds). */
function evaluate(query: TrustQuery, world: World = {}, at: Date | number = AT): TrustEvaluation {
  const result = evaluateTrust(query, registry(world), new Date(at));
  result.reasons.forEach((r) => seen.reasons.add(r.code));
  result.warnings.forEach((w) => seen.warnings.add(w.code));
  return result;
}

const reasonCodes = (result: TrustEvaluation): string[] => result.reasons.map((r) => r.code);
const warningCodes = (result: TrustEvaluation): string[] => result.warnings.map((w) => w.code);
const messageOf = (result: TrustEvaluation, code: string): string =>
  [...result.reasons, ...result.warnings].find((m) => m.code === code)?.message ?? '';

function expectTrusted(result: TrustEvaluation): void {
  expect(result.reasons).toEqual([]);
  expect(result.status).toBe('TRUSTED');
  expect(result.trusted).toBe(true);
}

function expectNotTrusted(result: TrustEvaluation, codes: string[]): void {
  expect(reasonCodes(result)).toEqual(codes);
  expect(result.status).toBe('NOT_TRUSTED');
  expect(result.trusted).toBe(false);
  expect(result.grantingAccreditationIds).toEqual([]);
  expect(result.validUntil).toBeNull();
}

// ---- Tests ----

describe('evaluateTrust', () => {
  describe('the baseline', () => {
    it('trusts an accredited provider identified by a registered, anchored, qualified certificate', () => {
      const result = evaluate(byCertificate());
      expectTrusted(result);
      expect(result).toEqual({
        status: 'TRUSTED',
        trusted: true,
        reasons: [],
        warnings: [],
        organisationId: 'org-1',
        grantingAccreditationIds: ['acc-1'],
        validUntil: d('2026-01-01T00:00:00Z'),
      });
    });

    it('trusts it by organisation alone, without any key check', () => {
      const result = evaluate(byOrganisation(), { anchors: [anchor({ statusHistory: [{ status: 'REVOKED', effectiveAt: AT.getTime() }] })] });
      expectTrusted(result);
      expect(result.organisationId).toBe('org-1');
    });
  });

  describe('UNKNOWN_ISSUER', () => {
    it('answers UNKNOWN_ISSUER when step 1 found nobody', () => {
      const result = evaluate({ organisationId: null });
      expect(result).toMatchObject({ status: 'UNKNOWN_ISSUER', trusted: false, organisationId: null, validUntil: null });
      expect(reasonCodes(result)).toEqual(['UNKNOWN_ISSUER']);
      expect(result.warnings).toEqual([]);
    });

    it('answers UNKNOWN_ISSUER for an organisation id the registry does not hold', () => {
      const result = evaluate({ organisationId: 'org-ghost' });
      expect(result.status).toBe('UNKNOWN_ISSUER');
      expect(messageOf(result, 'UNKNOWN_ISSUER')).toBe('Organisation org-ghost is not in the registry.');
    });

    it('does not let a certificate registered to another organisation borrow org-1\'s accreditations', () => {
      const result = evaluate(byCertificate(certificate({ registeredOrganisationId: 'org-2' })));
      expect(result.status).toBe('UNKNOWN_ISSUER');
      expect(result.grantingAccreditationIds).toEqual([]);
    });

    it('does not let a DID of another organisation borrow org-1\'s accreditations', () => {
      expect(evaluate(byDid(did({ organisationId: 'org-2' }))).status).toBe('UNKNOWN_ISSUER');
    });

    it('rejects an unregistered certificate whose organizationIdentifier is another one', () => {
      const cert = certificate({ registeredOrganisationId: null, organizationIdentifier: 'VATDE-999999999' });
      expect(evaluate(byCertificate(cert)).status).toBe('UNKNOWN_ISSUER');
    });

    it('rejects an unregistered certificate whose chain leads to no anchor', () => {
      const cert = certificate({ registeredOrganisationId: null, chain: { anchorId: null, validity: [] } });
      expect(evaluate(byCertificate(cert)).status).toBe('UNKNOWN_ISSUER');
    });
  });

  describe('step 1 for certificates: certificateIdentifies', () => {
    it('accepts a registered certificate for its own organisation only', () => {
      expect(certificateIdentifies(certificate(), organisation())).toBe(true);
      expect(certificateIdentifies(certificate(), organisation({ id: 'org-2' }))).toBe(false);
    });

    it('accepts an unregistered certificate by anchor and legal identifier, whatever its dates', () => {
      const renewed = certificate({ registeredOrganisationId: null, notBefore: ms('2030-01-01T00:00:00Z'), notAfter: ms('2031-01-01T00:00:00Z') });
      expect(certificateIdentifies(renewed, organisation())).toBe(true);
      expect(certificateIdentifies({ ...renewed, organizationIdentifier: null }, organisation())).toBe(false);
    });
  });

  describe('step 2: the certificate', () => {
    const cert = certificate();

    it('is valid from notBefore inclusive (CERTIFICATE_NOT_YET_VALID one millisecond earlier)', () => {
      expectTrusted(evaluate(byCertificate(cert), {}, cert.notBefore));
      const early = evaluate(byCertificate(cert), {}, plusMs(cert.notBefore, -1));
      expectNotTrusted(early, ['CERTIFICATE_NOT_YET_VALID']);
      expect(messageOf(early, 'CERTIFICATE_NOT_YET_VALID')).toBe(`Certificate ${SHA} is valid only from 2024-01-01T00:00:00.000Z.`);
    });

    it('is valid through notAfter inclusive (CERTIFICATE_EXPIRED one millisecond later)', () => {
      expectTrusted(evaluate(byCertificate(cert), {}, cert.notAfter));
      const late = evaluate(byCertificate(cert), {}, plusMs(cert.notAfter, 1));
      expectNotTrusted(late, ['CERTIFICATE_EXPIRED']);
      expect(messageOf(late, 'CERTIFICATE_EXPIRED')).toContain('2026-01-01T00:00:00.000Z');
    });

    it('honours a revocation recorded for the future only from its effectiveAt (inclusive)', () => {
      const revokedAt = ms('2025-09-01T00:00:00Z');
      const revoked = certificate({ revocations: [{ effectiveAt: revokedAt, reason: 'key compromise' }] });
      expectTrusted(evaluate(byCertificate(revoked), {}, AT));
      expectTrusted(evaluate(byCertificate(revoked), {}, plusMs(revokedAt, -1)));
      const atRevocation = evaluate(byCertificate(revoked), {}, revokedAt);
      expectNotTrusted(atRevocation, ['CERTIFICATE_REVOKED']);
      expect(messageOf(atRevocation, 'CERTIFICATE_REVOKED')).toContain('key compromise');
      expectNotTrusted(evaluate(byCertificate(revoked), {}, d('2025-10-01T00:00:00Z')), ['CERTIFICATE_REVOKED']);
    });

    it('reports CERTIFICATE_KEY_USAGE when the key may not sign', () => {
      expectNotTrusted(evaluate(byCertificate(certificate({ keyUsageAllowsSigning: false }))), ['CERTIFICATE_KEY_USAGE']);
    });

    describe('CERTIFICATE_CHAIN_UNTRUSTED', () => {
      it('is reported when anchors exist and the chain leads to none', () => {
        const result = evaluate(byCertificate(certificate({ chain: { anchorId: null, validity: [] } })));
        expectNotTrusted(result, ['CERTIFICATE_CHAIN_UNTRUSTED']);
        expect(messageOf(result, 'CERTIFICATE_CHAIN_UNTRUSTED')).toContain('does not lead to a trust anchor');
      });

      it('is not checked while the registry holds no anchors at all', () => {
        expectTrusted(evaluate(byCertificate(certificate({ chain: { anchorId: null, validity: [] } })), { anchors: [] }));
      });

      it('is reported when the anchor named is not in the registry', () => {
        const cert = certificate({ chain: { anchorId: 'anchor-ghost', validity: [] } });
        expectNotTrusted(evaluate(byCertificate(cert)), ['CERTIFICATE_CHAIN_UNTRUSTED']);
      });

      it('is reported when a chain certificate is not valid at the time asked, with inclusive edges', () => {
        const intermediateEnd = ms('2025-03-01T00:00:00Z');
        const cert = certificate({
          notBefore: ms('2024-01-01T00:00:00Z'),
          chain: { anchorId: 'anchor-1', validity: [{ notBefore: ms('2020-01-01T00:00:00Z'), notAfter: intermediateEnd }] },
        });
        expectTrusted(evaluate(byCertificate(cert), {}, intermediateEnd));
        const result = evaluate(byCertificate(cert), {}, plusMs(intermediateEnd, 1));
        expectNotTrusted(result, ['CERTIFICATE_CHAIN_UNTRUSTED']);
        expect(messageOf(result, 'CERTIFICATE_CHAIN_UNTRUSTED')).toContain('not valid at 2025-03-01T00:00:00.001Z');
      });

      it('is reported from the moment the anchor is revoked, and not before', () => {
        const anchors = [anchor({ statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2015-01-01T00:00:00Z') }, { status: 'REVOKED', effectiveAt: AT.getTime() }] })];
        expectTrusted(evaluate(byCertificate(), { anchors }, plusMs(AT, -1)));
        expectNotTrusted(evaluate(byCertificate(), { anchors }, AT), ['CERTIFICATE_CHAIN_UNTRUSTED']);
      });

      it('is not reported for an anchor reinstated after a revocation', () => {
        const anchors = [
          anchor({
            statusHistory: [
              { status: 'ACTIVE', effectiveAt: ms('2015-01-01T00:00:00Z') },
              { status: 'REVOKED', effectiveAt: ms('2024-01-01T00:00:00Z') },
              { status: 'ACTIVE', effectiveAt: ms('2025-01-01T00:00:00Z') },
            ],
          }),
        ];
        expectTrusted(evaluate(byCertificate(), { anchors }));
        expectNotTrusted(evaluate(byCertificate(), { anchors }, d('2024-06-01T00:00:00Z')), ['CERTIFICATE_CHAIN_UNTRUSTED']);
      });

      describe('for an anchor from a trusted list (DESIGN §8.2)', () => {
        const listing = { territory: 'SI', serviceName: 'Halcom CA PO e-seal 2' };
        const listed = [
          anchor({
            listing,
            statusHistory: [
              { status: 'ACTIVE', effectiveAt: ms('2023-06-10T15:16:00Z') },
              { status: 'REVOKED', effectiveAt: ms('2025-09-01T00:00:00Z') },
            ],
          }),
        ];

        it('is reported before the service was first listed, naming it and the date it is listed from', () => {
          const sealedEarly = byCertificate(certificate({ notBefore: ms('2022-01-01T00:00:00Z') }));
          const result = evaluate(sealedEarly, { anchors: listed }, d('2023-06-10T15:15:59.999Z'));
          expectNotTrusted(result, ['CERTIFICATE_CHAIN_UNTRUSTED']);
          expect(messageOf(result, 'CERTIFICATE_CHAIN_UNTRUSTED')).toContain(
            '"Halcom CA PO e-seal 2" (a CA/QC service for eSeals in the SI trusted list), which was not yet listed at 2023-06-10T15:15:59.999Z; it is listed from 2023-06-10T15:16:00.000Z',
          );
          // An operator's anchor with the same history holds before its first entry.
          expectTrusted(evaluate(sealedEarly, { anchors: [anchor({ statusHistory: listed[0].statusHistory })] }, d('2023-06-10T15:15:59.999Z')));
          expectTrusted(evaluate(sealedEarly, { anchors: listed }, d('2023-06-10T15:16:00Z')));
        });

        it('trusts while the service is granted, until the withdrawal, and reports the withdrawal from its instant on', () => {
          const result = evaluate(byCertificate(), { anchors: listed }, d('2024-01-01T00:00:00Z'));
          expectTrusted(result);
          expect(result.validUntil).toEqual(d('2025-09-01T00:00:00Z'));
          const withdrawn = evaluate(byCertificate(), { anchors: listed }, d('2025-09-01T00:00:00Z'));
          expectNotTrusted(withdrawn, ['CERTIFICATE_CHAIN_UNTRUSTED']);
          expect(messageOf(withdrawn, 'CERTIFICATE_CHAIN_UNTRUSTED')).toContain('which is withdrawn since 2025-09-01T00:00:00.000Z');
        });
      });
    });

    describe('warnings', () => {
      it('warns CERTIFICATE_NOT_REGISTERED for a renewed seal identified by anchor and legal identifier, and still trusts it', () => {
        const result = evaluate(byCertificate(certificate({ registeredOrganisationId: null })));
        expectTrusted(result);
        expect(warningCodes(result)).toEqual(['CERTIFICATE_NOT_REGISTERED']);
      });

      it('judges an unregistered certificate\'s dates in step 2, not step 1', () => {
        const result = evaluate(byCertificate(certificate({ registeredOrganisationId: null })), {}, d('2026-06-01T00:00:00Z'));
        expectNotTrusted(result, ['CERTIFICATE_EXPIRED']);
        expect(warningCodes(result)).toEqual(['CERTIFICATE_NOT_REGISTERED']);
      });

      it('warns CERTIFICATE_NOT_QUALIFIED without flipping the answer', () => {
        const result = evaluate(byCertificate(certificate({ qualifiedESeal: false })));
        expectTrusted(result);
        expect(warningCodes(result)).toEqual(['CERTIFICATE_NOT_QUALIFIED']);
      });

      it('keeps the key\'s warnings on a NOT_TRUSTED answer', () => {
        const result = evaluate(byCertificate(certificate({ qualifiedESeal: false, keyUsageAllowsSigning: false })));
        expectNotTrusted(result, ['CERTIFICATE_KEY_USAGE']);
        expect(warningCodes(result)).toEqual(['CERTIFICATE_NOT_QUALIFIED']);
      });
    });
  });

  describe('step 2: the DID', () => {
    it('trusts an unrevoked DID, bounded by the accreditation only', () => {
      const result = evaluate(byDid());
      expectTrusted(result);
      expect(result.validUntil).toEqual(d('2027-01-01T00:00:00Z'));
    });

    it('reports DID_REVOKED from the revocation\'s effectiveAt (inclusive)', () => {
      const revoked = did({ revocations: [{ effectiveAt: AT.getTime(), reason: 'controller lost' }] });
      expectTrusted(evaluate(byDid(revoked), {}, plusMs(AT, -1)));
      const result = evaluate(byDid(revoked), {}, AT);
      expectNotTrusted(result, ['DID_REVOKED']);
      expect(messageOf(result, 'DID_REVOKED')).toBe('DID did:example:org-1 was revoked with effect from 2025-06-01T12:00:00.000Z (controller lost).');
    });
  });

  describe('step 3: the organisation', () => {
    const since = (status: 'SUSPENDED' | 'DEREGISTERED' | 'ACTIVE', iso: string) => ({ status, effectiveAt: ms(iso) });

    it('reports ORGANISATION_SUSPENDED from the suspension\'s effectiveAt (inclusive)', () => {
      const organisations = [organisation({ statusHistory: [since('ACTIVE', '2020-01-01T00:00:00Z'), { status: 'SUSPENDED', effectiveAt: AT.getTime() }] })];
      expectTrusted(evaluate(byOrganisation(), { organisations }, plusMs(AT, -1)));
      const result = evaluate(byOrganisation(), { organisations }, AT);
      expectNotTrusted(result, ['ORGANISATION_SUSPENDED']);
      expect(messageOf(result, 'ORGANISATION_SUSPENDED')).toContain('org-1');
    });

    it('reports ORGANISATION_DEREGISTERED', () => {
      const organisations = [organisation({ statusHistory: [since('ACTIVE', '2020-01-01T00:00:00Z'), since('DEREGISTERED', '2025-01-01T00:00:00Z')] })];
      expectNotTrusted(evaluate(byOrganisation(), { organisations }), ['ORGANISATION_DEREGISTERED']);
    });

    it('trusts an organisation reinstated after a suspension, and one with no status in force yet', () => {
      const reinstated = organisation({
        statusHistory: [since('ACTIVE', '2020-01-01T00:00:00Z'), since('SUSPENDED', '2024-01-01T00:00:00Z'), since('ACTIVE', '2025-01-01T00:00:00Z')],
      });
      expectTrusted(evaluate(byOrganisation(), { organisations: [reinstated] }));
      expectTrusted(evaluate(byOrganisation(), { organisations: [organisation({ statusHistory: [] })] }));
    });

    it('reads an unsorted history by effectiveAt, not by position', () => {
      const organisations = [organisation({ statusHistory: [since('SUSPENDED', '2025-01-01T00:00:00Z'), since('ACTIVE', '2020-01-01T00:00:00Z')] })];
      expectNotTrusted(evaluate(byOrganisation(), { organisations }), ['ORGANISATION_SUSPENDED']);
    });
  });

  describe('step 4: the accreditation', () => {
    const world = (overrides: Partial<AccreditationFacts>): World => ({ accreditations: [accreditation(overrides)] });

    it('reports ACCREDITATION_NEGATIVE for a negative decision', () => {
      const result = evaluate(byOrganisation(), world({ decision: 'NEGATIVE' }));
      expectNotTrusted(result, ['ACCREDITATION_NEGATIVE']);
      expect(messageOf(result, 'ACCREDITATION_NEGATIVE')).toBe('Accreditation acc-1 records a negative decision.');
    });

    it('is valid from validFrom inclusive (ACCREDITATION_NOT_YET_VALID one millisecond earlier)', () => {
      const validFrom = ms('2025-06-01T12:00:00.000Z');
      const w = world({ validFrom, statusHistory: [] });
      expectTrusted(evaluate(byOrganisation(), w, validFrom));
      expectNotTrusted(evaluate(byOrganisation(), w, plusMs(validFrom, -1)), ['ACCREDITATION_NOT_YET_VALID']);
    });

    it('expires at expiresAt (exclusive): ACCREDITATION_EXPIRED at exactly expiresAt', () => {
      const expiresAt = ms('2027-01-01T00:00:00Z');
      expectTrusted(evaluate(byOrganisation(), {}, plusMs(expiresAt, -1)));
      const result = evaluate(byOrganisation(), {}, expiresAt);
      expectNotTrusted(result, ['ACCREDITATION_EXPIRED']);
      expect(messageOf(result, 'ACCREDITATION_EXPIRED')).toBe('Accreditation acc-1 expired at 2027-01-01T00:00:00.000Z.');
    });

    it('never expires without expiresAt', () => {
      expectTrusted(evaluate(byOrganisation(), world({ expiresAt: null }), d('2029-01-01T00:00:00Z')));
    });

    it('reports ACCREDITATION_SUSPENDED from effectiveAt (inclusive) and trusts again once reinstated', () => {
      const history: AccreditationFacts['statusHistory'] = [
        { status: 'ACTIVE', effectiveAt: ms('2021-01-01T00:00:00Z') },
        { status: 'SUSPENDED', effectiveAt: AT.getTime() },
        { status: 'ACTIVE', effectiveAt: ms('2025-09-01T00:00:00Z') },
      ];
      const w = world({ statusHistory: history });
      expectTrusted(evaluate(byOrganisation(), w, plusMs(AT, -1)));
      const result = evaluate(byOrganisation(), w, AT);
      expectNotTrusted(result, ['ACCREDITATION_SUSPENDED']);
      expect(messageOf(result, 'ACCREDITATION_SUSPENDED')).toBe('Accreditation acc-1 was suspended with effect from 2025-06-01T12:00:00.000Z.');
      expectTrusted(evaluate(byOrganisation(), w, d('2025-09-01T00:00:00Z')));
    });

    it('reports ACCREDITATION_WITHDRAWN', () => {
      const w = world({ statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2021-01-01T00:00:00Z') }, { status: 'WITHDRAWN', effectiveAt: ms('2025-01-01T00:00:00Z') }] });
      expectNotTrusted(evaluate(byOrganisation(), w), ['ACCREDITATION_WITHDRAWN']);
    });

    it('lets a superseded accreditation answer for times before it was superseded, and not after', () => {
      const supersededAt = ms('2025-03-01T00:00:00Z');
      const w = world({ statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2021-01-01T00:00:00Z') }, { status: 'SUPERSEDED', effectiveAt: supersededAt }] });
      const before = evaluate(byOrganisation(), w, d('2024-06-01T00:00:00Z'));
      expectTrusted(before);
      expect(before.grantingAccreditationIds).toEqual(['acc-1']);
      expectNotTrusted(evaluate(byOrganisation(), w, supersededAt), ['ACCREDITATION_SUPERSEDED']);
      expectNotTrusted(evaluate(byOrganisation(), w, AT), ['ACCREDITATION_SUPERSEDED']);
    });

    it('hands over from a superseded accreditation to its successor', () => {
      const supersededAt = ms('2025-03-01T00:00:00Z');
      const old = accreditation({ statusHistory: [{ status: 'ACTIVE', effectiveAt: ms('2021-01-01T00:00:00Z') }, { status: 'SUPERSEDED', effectiveAt: supersededAt }] });
      const successor = accreditation({ id: 'acc-2', validFrom: supersededAt, expiresAt: ms('2031-01-01T00:00:00Z'), statusHistory: [] });
      expect(evaluate(byOrganisation(), { accreditations: [old, successor] }, plusMs(supersededAt, -1)).grantingAccreditationIds).toEqual(['acc-1']);
      expect(evaluate(byOrganisation(), { accreditations: [old, successor] }, supersededAt).grantingAccreditationIds).toEqual(['acc-2']);
    });

    it('treats an accreditation without a status in force as ACTIVE', () => {
      expectTrusted(evaluate(byOrganisation(), world({ statusHistory: [] })));
    });

    it('takes the later-recorded of two entries with the same effectiveAt', () => {
      const effectiveAt = ms('2025-01-01T00:00:00Z');
      const suspendedThenActive = world({ statusHistory: [{ status: 'SUSPENDED', effectiveAt }, { status: 'ACTIVE', effectiveAt }] });
      const activeThenSuspended = world({ statusHistory: [{ status: 'ACTIVE', effectiveAt }, { status: 'SUSPENDED', effectiveAt }] });
      expectTrusted(evaluate(byOrganisation(), suspendedThenActive));
      expectNotTrusted(evaluate(byOrganisation(), activeThenSuspended), ['ACCREDITATION_SUSPENDED']);
    });

    it('reports NO_ACCREDITATION for an organisation that holds none', () => {
      const result = evaluate(byOrganisation(), { accreditations: [accreditation({ accreditedOrganisationId: 'org-2' })] });
      expectNotTrusted(result, ['NO_ACCREDITATION']);
      expect(messageOf(result, 'NO_ACCREDITATION')).toBe('Organisation org-1 holds no accreditation.');
    });

    describe('AGENCY_NOT_RECOGNISED', () => {
      const from = ms('2020-01-01T00:00:00Z');
      const until = ms('2030-01-01T00:00:00Z');
      const open = world({ expiresAt: null, validFrom: ms('2019-01-01T00:00:00Z'), statusHistory: [] });

      it('is reported when the agency has no recognition at all', () => {
        const result = evaluate(byOrganisation(), { recognitions: [] });
        expectNotTrusted(result, ['AGENCY_NOT_RECOGNISED']);
        expect(messageOf(result, 'AGENCY_NOT_RECOGNISED')).toBe(
          'Agency agency-1, which made accreditation acc-1, is not recognised at 2025-06-01T12:00:00.000Z.',
        );
      });

      it('holds from validFrom inclusive to validUntil exclusive', () => {
        expectNotTrusted(evaluate(byOrganisation(), open, plusMs(from, -1)), ['AGENCY_NOT_RECOGNISED']);
        expectTrusted(evaluate(byOrganisation(), open, from));
        expectTrusted(evaluate(byOrganisation(), open, plusMs(until, -1)));
        expectNotTrusted(evaluate(byOrganisation(), open, until), ['AGENCY_NOT_RECOGNISED']);
      });

      it('never ends without validUntil', () => {
        expectTrusted(evaluate(byOrganisation(), { ...open, recognitions: [recognition({ validUntil: null })] }, d('2040-01-01T00:00:00Z')));
      });

      it('is reported in the gap between two recognition windows', () => {
        const recognitions = [
          recognition({ validUntil: ms('2023-01-01T00:00:00Z') }),
          recognition({ validFrom: ms('2024-01-01T00:00:00Z') }),
        ];
        expectNotTrusted(evaluate(byOrganisation(), { recognitions }, d('2023-06-01T00:00:00Z')), ['AGENCY_NOT_RECOGNISED']);
        expectTrusted(evaluate(byOrganisation(), { recognitions }, d('2022-06-01T00:00:00Z')));
        expectTrusted(evaluate(byOrganisation(), { recognitions }, AT));
      });

      it('requires the provider\'s country when the recognition names jurisdictions', () => {
        const result = evaluate(byOrganisation(), { recognitions: [recognition({ jurisdictions: ['FR', 'BE'] })] });
        expectNotTrusted(result, ['AGENCY_NOT_RECOGNISED']);
        expect(messageOf(result, 'AGENCY_NOT_RECOGNISED')).toContain('is not recognised for DE');
        expectTrusted(evaluate(byOrganisation(), { recognitions: [recognition({ jurisdictions: ['FR', 'DE'] })] }));
      });

      it('is about the accrediting agency, not another one', () => {
        expectNotTrusted(evaluate(byOrganisation(), { recognitions: [recognition({ agencyId: 'agency-2' })] }), ['AGENCY_NOT_RECOGNISED']);
      });
    });

    describe('scope', () => {
      const limited = world({ limitEqfLevels: [5, 6], limitFields: ['06'], limitJurisdictions: ['DE', 'AT'], limitOpportunities: ['opp-1'] });

      it('does not check a dimension the query leaves out, however limited the accreditation', () => {
        expectTrusted(evaluate(byOrganisation(), limited));
        expectTrusted(evaluate(byOrganisation({ eqfLevel: null, iscedFCode: null, country: null, opportunityId: null }), limited));
      });

      it('trusts a query inside every limit', () => {
        expectTrusted(evaluate(byOrganisation({ eqfLevel: 6, iscedFCode: '0613', country: 'AT', opportunityId: 'opp-1' }), limited));
      });

      it('treats empty limit lists as unlimited', () => {
        expectTrusted(evaluate(byOrganisation({ eqfLevel: 8, iscedFCode: '0988', country: 'PT', opportunityId: 'opp-9' })));
      });

      it('reports OUT_OF_SCOPE_EQF_LEVEL', () => {
        const result = evaluate(byOrganisation({ eqfLevel: 7 }), limited);
        expectNotTrusted(result, ['OUT_OF_SCOPE_EQF_LEVEL']);
        expect(messageOf(result, 'OUT_OF_SCOPE_EQF_LEVEL')).toBe('Accreditation acc-1 covers EQF levels 5, 6, not 7.');
      });

      it('covers detailed ISCED-F codes by broad or narrow prefix: 06 covers 0613', () => {
        expectTrusted(evaluate(byOrganisation({ iscedFCode: '0613' }), world({ limitFields: ['06'] })));
        expectTrusted(evaluate(byOrganisation({ iscedFCode: '0613' }), world({ limitFields: ['061'] })));
        expectTrusted(evaluate(byOrganisation({ iscedFCode: '061' }), world({ limitFields: ['061'] })));
      });

      it('reports OUT_OF_SCOPE_FIELD when no limit is a prefix: 061 does not cover 0688, nor a broader 06', () => {
        expectNotTrusted(evaluate(byOrganisation({ iscedFCode: '0688' }), world({ limitFields: ['061'] })), ['OUT_OF_SCOPE_FIELD']);
        expectNotTrusted(evaluate(byOrganisation({ iscedFCode: '06' }), world({ limitFields: ['061'] })), ['OUT_OF_SCOPE_FIELD']);
        expectNotTrusted(evaluate(byOrganisation({ iscedFCode: '0713' }), limited), ['OUT_OF_SCOPE_FIELD']);
      });

      it('reports OUT_OF_SCOPE_JURISDICTION', () => {
        expectNotTrusted(evaluate(byOrganisation({ country: 'FR' }), limited), ['OUT_OF_SCOPE_JURISDICTION']);
      });

      it('reports OUT_OF_SCOPE_OPPORTUNITY', () => {
        expectNotTrusted(evaluate(byOrganisation({ opportunityId: 'opp-2' }), limited), ['OUT_OF_SCOPE_OPPORTUNITY']);
      });

      it('reports every dimension out of scope at once', () => {
        const result = evaluate(byOrganisation({ eqfLevel: 4, iscedFCode: '0011', country: 'IT', opportunityId: 'opp-3' }), limited);
        expectNotTrusted(result, ['OUT_OF_SCOPE_EQF_LEVEL', 'OUT_OF_SCOPE_FIELD', 'OUT_OF_SCOPE_JURISDICTION', 'OUT_OF_SCOPE_OPPORTUNITY']);
      });
    });
  });

  describe('step 5: several accreditations and the answer', () => {
    const withdrawn = accreditation({
      id: 'acc-old',
      decision: 'POSITIVE_WITH_CONDITIONS',
      reviewDate: ms('2022-01-01T00:00:00Z'),
      statusHistory: [{ status: 'WITHDRAWN', effectiveAt: ms('2024-01-01T00:00:00Z') }],
    });

    it('trusts when one accreditation grants and another is withdrawn, listing only the granting one', () => {
      const result = evaluate(byOrganisation(), { accreditations: [withdrawn, accreditation({ id: 'acc-new' })] });
      expectTrusted(result);
      expect(result.grantingAccreditationIds).toEqual(['acc-new']);
      expect(result.warnings).toEqual([]);
    });

    it('lists every granting accreditation', () => {
      const result = evaluate(byOrganisation(), { accreditations: [accreditation(), accreditation({ id: 'acc-2' })] });
      expect(result.grantingAccreditationIds).toEqual(['acc-1', 'acc-2']);
    });

    it('reports every reason found across key, organisation and accreditations, in step order', () => {
      const organisations = [organisation({ statusHistory: [{ status: 'SUSPENDED', effectiveAt: ms('2025-01-01T00:00:00Z') }] })];
      const accreditations = [
        accreditation({ expiresAt: ms('2025-01-01T00:00:00Z') }),
        accreditation({ id: 'acc-2', decision: 'NEGATIVE', limitEqfLevels: [4] }),
      ];
      const cert = certificate({ notAfter: ms('2025-05-01T00:00:00Z'), keyUsageAllowsSigning: false });
      const result = evaluate(byCertificate(cert, { eqfLevel: 6 }), { organisations, accreditations });
      expectNotTrusted(result, [
        'CERTIFICATE_EXPIRED',
        'CERTIFICATE_KEY_USAGE',
        'ORGANISATION_SUSPENDED',
        'ACCREDITATION_NEGATIVE',
        'ACCREDITATION_EXPIRED',
        'OUT_OF_SCOPE_EQF_LEVEL',
      ]);
      expect(messageOf(result, 'ACCREDITATION_NEGATIVE')).toContain('acc-2');
    });

    it('reports one reason per code, its message naming every accreditation concerned in one sentence', () => {
      const accreditations = [
        accreditation({ expiresAt: ms('2025-01-01T00:00:00Z') }),
        accreditation({ id: 'acc-2', expiresAt: ms('2025-02-01T00:00:00Z') }),
      ];
      const result = evaluate(byOrganisation(), { accreditations });
      expectNotTrusted(result, ['ACCREDITATION_EXPIRED']);
      expect(messageOf(result, 'ACCREDITATION_EXPIRED')).toBe(
        'Accreditation acc-1 expired at 2025-01-01T00:00:00.000Z; accreditation acc-2 expired at 2025-02-01T00:00:00.000Z.',
      );
    });

    it('reports only the key\'s reasons when an accreditation would grant but the key fails', () => {
      const result = evaluate(byCertificate(certificate({ keyUsageAllowsSigning: false })), { accreditations: [withdrawn, accreditation()] });
      expectNotTrusted(result, ['CERTIFICATE_KEY_USAGE']);
    });

    describe('warnings', () => {
      it('warns REVIEW_OVERDUE when a granting accreditation\'s reviewDate is before the time asked, not at it', () => {
        const reviewDate = ms('2025-06-01T12:00:00.000Z');
        const w = { accreditations: [accreditation({ reviewDate })] };
        expect(warningCodes(evaluate(byOrganisation(), w, reviewDate))).toEqual([]);
        const result = evaluate(byOrganisation(), w, plusMs(reviewDate, 1));
        expectTrusted(result);
        expect(warningCodes(result)).toEqual(['REVIEW_OVERDUE']);
        expect(messageOf(result, 'REVIEW_OVERDUE')).toBe('Accreditation acc-1 was due for review on 2025-06-01T12:00:00.000Z.');
        expect(warningCodes(evaluate(byOrganisation(), { accreditations: [accreditation({ reviewDate: null })] }))).toEqual([]);
      });

      it('warns CONDITIONAL_DECISION for a granting POSITIVE_WITH_CONDITIONS decision', () => {
        const result = evaluate(byOrganisation(), { accreditations: [accreditation({ decision: 'POSITIVE_WITH_CONDITIONS' })] });
        expectTrusted(result);
        expect(warningCodes(result)).toEqual(['CONDITIONAL_DECISION']);
      });

      it('never flips the answer, all four warnings together', () => {
        const cert = certificate({ registeredOrganisationId: null, qualifiedESeal: false });
        const accreditations = [accreditation({ decision: 'POSITIVE_WITH_CONDITIONS', reviewDate: ms('2024-01-01T00:00:00Z') })];
        const result = evaluate(byCertificate(cert), { accreditations });
        expectTrusted(result);
        expect(warningCodes(result)).toEqual([...TRUST_WARNING_CODES]);
      });

      it('does not warn about accreditations that do not grant', () => {
        const result = evaluate(byOrganisation(), { accreditations: [withdrawn] });
        expectNotTrusted(result, ['ACCREDITATION_WITHDRAWN']);
        expect(result.warnings).toEqual([]);
      });
    });

    describe('validUntil', () => {
      it('is the certificate\'s notAfter when the certificate ends first', () => {
        expect(evaluate(byCertificate()).validUntil).toEqual(d('2026-01-01T00:00:00Z'));
      });

      it('is the accreditation\'s expiresAt when it ends before the certificate', () => {
        const accreditations = [accreditation({ expiresAt: ms('2025-09-01T00:00:00Z') })];
        expect(evaluate(byCertificate(), { accreditations }).validUntil).toEqual(d('2025-09-01T00:00:00Z'));
      });

      it('is the agency recognition\'s end when it comes before expiresAt', () => {
        const recognitions = [recognition({ validUntil: ms('2026-06-01T00:00:00Z') })];
        expect(evaluate(byOrganisation(), { recognitions }).validUntil).toEqual(d('2026-06-01T00:00:00Z'));
      });

      it('takes the longest-lasting recognition in force', () => {
        const recognitions = [recognition({ validUntil: ms('2026-06-01T00:00:00Z') }), recognition({ validUntil: null })];
        expect(evaluate(byOrganisation(), { recognitions }).validUntil).toEqual(d('2027-01-01T00:00:00Z'));
      });

      it('lasts as long as the longest-lasting granting accreditation', () => {
        const accreditations = [accreditation(), accreditation({ id: 'acc-2', expiresAt: ms('2029-01-01T00:00:00Z') })];
        expect(evaluate(byOrganisation(), { accreditations }).validUntil).toEqual(d('2029-01-01T00:00:00Z'));
        expect(evaluate(byCertificate(), { accreditations }).validUntil).toEqual(d('2026-01-01T00:00:00Z'));
      });

      it('ignores non-granting accreditations', () => {
        const accreditations = [accreditation(), accreditation({ id: 'acc-2', expiresAt: ms('2029-01-01T00:00:00Z'), decision: 'NEGATIVE' })];
        expect(evaluate(byOrganisation(), { accreditations }).validUntil).toEqual(d('2027-01-01T00:00:00Z'));
      });

      it('is null when nothing bounds it', () => {
        const result = evaluate(byOrganisation(), { accreditations: [accreditation({ expiresAt: null })], recognitions: [recognition({ validUntil: null })] });
        expectTrusted(result);
        expect(result.validUntil).toBeNull();
      });
    });
  });

  describe('the code lists', () => {
    it('hold each code once', () => {
      expect(new Set(TRUST_REASON_CODES).size).toBe(TRUST_REASON_CODES.length);
      expect(new Set(TRUST_WARNING_CODES).size).toBe(TRUST_WARNING_CODES.length);
    });

    it('every message is one sentence starting with a capital and ending with a full stop', () => {
      const result = evaluate(byCertificate(certificate({ keyUsageAllowsSigning: false, qualifiedESeal: false })), { recognitions: [] });
      for (const { message } of [...result.reasons, ...result.warnings]) expect(message).toMatch(/^[A-Z][^]*[^.]\.$/);
    });

    // Runs last in this file, after every test above has recorded the codes it saw.
    it('every reason and warning code is exercised by some test above', () => {
      expect([...seen.reasons].sort()).toEqual([...TRUST_REASON_CODES].sort());
      expect([...seen.warnings].sort()).toEqual([...TRUST_WARNING_CODES].sort());
    });
  });
});
