import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { Clock } from '#platform';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { TrustIndexService } from '../trust-index/trust-index.service.js';
import type { EpochMs } from '../evaluation/trust-facts.js';
import type { TrustState } from '../trust-index/trust-state.js';

/** How long a downloaded list is meant to be used before fetching a new one. */
const LIST_LIFETIME_MS = 24 * 3600 * 1000;
/**
 * A list is re-signed once it is this old, even when nothing changed, so that the `nextUpdate` a
 * verifier downloads is always at least half a lifetime away and never in the past.
 */
const REISSUE_AFTER_MS = LIST_LIFETIME_MS / 2;

/**
 * The whole signed trust list, for verifiers that check offline: every issuer with its
 * identifiers, certificate fingerprints, DIDs and accreditations (scope and status history), the
 * agencies with their recognitions, and the trust anchors. One JWS per registry sequence.
 *
 * Kept gzipped: with 100k organisations and 200k certificates the JWS is 199 MB of text, 30 MB
 * gzipped — held as text the api stayed at 880 MB resident after serving it once. Clients that
 * take gzip get these bytes as they are (no compression per download); others get them inflated
 * as they are sent.
 */
@Injectable()
export class TrustListService {
  /** The signing in flight or done, so that requests arriving meanwhile share one signature. */
  private cached: { registrySequence: number; gzipped: Promise<Buffer>; reissueAt: number } | null = null;

  constructor(
    private readonly index: TrustIndexService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
  ) {}

  /** The current signed list (a compact JWS), gzipped. */
  current(): Promise<Buffer> {
    const state = this.index.current();
    const now = this.clock.now();
    if (this.cached?.registrySequence !== state.registrySequence || now.getTime() >= this.cached.reissueAt) {
      const gzipped = this.signingKey.sign(this.build(state, now), 'tessera-trust-list+jwt').then((jws) => gzipAsync(jws));
      const cached = { registrySequence: state.registrySequence, gzipped, reissueAt: now.getTime() + REISSUE_AFTER_MS };
      // A failed signing is not kept: the next request signs again.
      cached.gzipped.catch(() => {
        if (this.cached === cached) this.cached = null;
      });
      this.cached = cached;
    }
    return this.cached.gzipped;
  }

  /** Built synchronously from one state, so the list is of one registry sequence. */
  private build(snapshot: TrustState, issuedAt: Date): Record<string, unknown> {
    const organisations = [...snapshot.organisations()];
    const anchors = [...snapshot.anchors()];
    return {
      sequenceNumber: snapshot.registrySequence,
      issuedAt: issuedAt.toISOString(),
      nextUpdate: new Date(issuedAt.getTime() + LIST_LIFETIME_MS).toISOString(),
      // `listing`: the trusted list (territory, service) an anchor comes from; such an anchor anchors nothing before its first entry.
      trustAnchors: anchors.map((a) => ({ id: a.id, sha256: a.sha256, subjectDn: a.subjectDn, notBefore: iso(a.notBefore), notAfter: iso(a.notAfter), listing: a.listing ?? null, statusHistory: a.statusHistory.map(effectiveIso) })),
      agencies: organisations
        .filter((o) => o.kind === 'QUALITY_AGENCY')
        .map((o) => ({
          id: o.id,
          legalName: o.legalName,
          legalIdentifier: o.legalIdentifier,
          country: o.country,
          recognitions: snapshot.recognitionsOf(o.id).map((r) => ({ ...r, validFrom: iso(r.validFrom), validUntil: isoOrNull(r.validUntil) })),
        })),
      issuers: organisations
        .filter((o) => o.kind === 'PROVIDER')
        .map((o) => ({
          id: o.id,
          legalName: o.legalName,
          legalIdentifier: o.legalIdentifier,
          otherIdentifiers: o.otherIdentifiers,
          country: o.country,
          statusHistory: o.statusHistory.map(effectiveIso),
          certificates: snapshot
            .certificatesOf(o.id)
            .map((c) => ({ sha256: c.sha256, subjectDn: c.subjectDn, notBefore: iso(c.notBefore), notAfter: iso(c.notAfter), qualifiedESeal: c.qualifiedESeal, revocations: c.revocations.map(effectiveIso) })),
          dids: snapshot.didsOf(o.id).map((d) => ({ did: d.did, revocations: d.revocations.map(effectiveIso) })),
          accreditations: snapshot.accreditationsOf(o.id).map((a) => ({
            id: a.id,
            accreditingAgentId: a.accreditingAgentId,
            type: a.type,
            title: a.title,
            decision: a.decision,
            issuedAt: iso(a.issuedAt),
            validFrom: iso(a.validFrom),
            reviewDate: isoOrNull(a.reviewDate),
            expiresAt: isoOrNull(a.expiresAt),
            reportUrl: a.reportUrl,
            supersedesId: a.supersedesId,
            scope: { eqfLevels: a.limitEqfLevels, fields: a.limitFields, jurisdictions: a.limitJurisdictions, opportunities: a.limitOpportunities },
            statusHistory: a.statusHistory.map(effectiveIso),
          })),
        })),
    };
  }
}

const gzipAsync = promisify(gzip);

// The trust index keeps times as epoch milliseconds; the list publishes ISO instants.
const iso = (time: EpochMs): string => new Date(time).toISOString();
const isoOrNull = (time: EpochMs | null): string | null => (time === null ? null : iso(time));
/** A status entry or revocation with its `effectiveAt` as an ISO instant, its fields in their order. */
const effectiveIso = <E extends { effectiveAt: EpochMs }>(entry: E): Omit<E, 'effectiveAt'> & { effectiveAt: string } => ({ ...entry, effectiveAt: iso(entry.effectiveAt) });
