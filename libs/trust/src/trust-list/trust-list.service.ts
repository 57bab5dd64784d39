import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isNativeError } from 'node:util/types';
import { setImmediate } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, DomainError, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { TrustIndexService } from '../trust-index/trust-index.service.js';
import { SpooledFile } from './spooled-file.js';
import type { EpochMs } from '../evaluation/trust-facts.js';
import type { IndexedAccreditation, IndexedAnchor, IndexedCertificate, IndexedDid, IndexedOrganisation, IndexedRecognition, TrustState } from '../trust-index/trust-state.js';

/** How long a downloaded list is meant to be used before fetching a new one. */
const LIST_LIFETIME_MS = 24 * 3600 * 1000;
/**
 * A list is re-signed once it is this old, even when nothing changed, so that the `nextUpdate` a
 * verifier downloads is always at least half a lifetime away and never in the past.
 */
const REISSUE_AFTER_MS = LIST_LIFETIME_MS / 2;

/** How many issuers are serialised between two turns of the event loop (a few milliseconds' work). */
const ISSUERS_PER_PIECE = 200;

/**
 * The whole signed trust list, for verifiers that check offline: every issuer with its
 * identifiers, certificate fingerprints, DIDs and accreditations (scope and status history), the
 * agencies with their recognitions, and the trust anchors. One JWS per registry sequence.
 *
 * With 100k organisations and 200k certificates the JWS is 199 MB of text, 26 MB gzipped. Built
 * whole and signed with jose, it blocked the event loop for 15 s and took the api to 1.9 GB. So it
 * is made in pieces: the records of one state are taken synchronously (TrustState replaces a
 * record and its organisation's lists, never changes them, so the references stay that state's),
 * then serialised a few hundred issuers at a time with a turn of the event loop between, signed
 * as the pieces pass (SigningKeyService.signInPieces) and gzipped on the thread pool. At that
 * size, measured: 5–6 s, the event loop blocked at most ~60 ms (taking the records: 40–60 ms),
 * the api at 470–520 MB meanwhile. Only the gzipped bytes are kept, in a file with no name in
 * DATA_DIR/trust-list (SpooledFile) rather than in the api's memory: clients that take gzip get
 * them as they are, others get them inflated as they are sent.
 */
@Injectable()
export class TrustListService implements OnApplicationShutdown {
  /** The list being made or made for the current sequence, so that requests arriving meanwhile share one signature. */
  private cached: { registrySequence: number; file: Promise<SpooledFile>; reissueAt: number } | null = null;
  /** The last list made that is still the current one: retired once another replaces it. */
  private published: SpooledFile | null = null;
  private readonly folder: string;
  private readonly logger = new Logger('TrustList');

  constructor(
    private readonly index: TrustIndexService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
    @Inject(TESSERA_CONFIG) config: TesseraConfig,
  ) {
    this.folder = join(config.dataDir, 'trust-list');
  }

  /** The current signed list (a compact JWS), gzipped: a stream of it and its length. */
  current(): Promise<TrustListDownload> {
    const state = this.index.current();
    const now = this.clock.now();
    if (this.cached?.registrySequence !== state.registrySequence || now.getTime() >= this.cached.reissueAt) {
      const pieces = this.signingKey.signInPieces(listJson(recordsOf(state), now), 'tessera-trust-list+jwt');
      const file = SpooledFile.write(this.folder, pieces, createGzip()).catch((error: unknown) => {
        // A full or unwritable DATA_DIR is the operator's to fix, and it passes: the caller is told
        // to retry, the log says why. Anything else is a fault of ours and stays one.
        if (!isSystemError(error)) throw error;
        this.logger.error({ msg: 'the trust list could not be written', folder: this.folder, err: error.message });
        throw new DomainError('SERVICE_UNAVAILABLE', 'the trust list cannot be made right now; try again shortly');
      });
      const cached = { registrySequence: state.registrySequence, file, reissueAt: now.getTime() + REISSUE_AFTER_MS };
      cached.file.then(
        (file) => {
          if (this.cached !== cached) return file.retire(); // a newer list was asked for meanwhile
          this.published?.retire();
          this.published = file;
        },
        // A failed signing is not kept: the next request signs again.
        () => {
          if (this.cached === cached) this.cached = null;
        },
      );
      this.cached = cached;
    }
    return this.cached.file.then((file) => ({ gzipped: file.read(), bytes: file.bytes }));
  }

  onApplicationShutdown(): void {
    this.published?.retire();
  }
}

/** The signed list as sent: its gzipped bytes as a stream, and how many there are. */
export interface TrustListDownload {
  gzipped: Readable;
  bytes: number;
}

/** What the list publishes, as references into one state: taken synchronously, read later. */
interface ListedRecords {
  registrySequence: number;
  anchors: IndexedAnchor[];
  agencies: { organisation: IndexedOrganisation; recognitions: readonly IndexedRecognition[] }[];
  issuers: {
    organisation: IndexedOrganisation;
    certificates: readonly IndexedCertificate[];
    dids: readonly IndexedDid[];
    accreditations: readonly IndexedAccreditation[];
  }[];
}

function recordsOf(state: TrustState): ListedRecords {
  const records: ListedRecords = { registrySequence: state.registrySequence, anchors: [...state.anchors()], agencies: [], issuers: [] };
  for (const organisation of state.organisations()) {
    if (organisation.kind === 'QUALITY_AGENCY') records.agencies.push({ organisation, recognitions: state.recognitionsOf(organisation.id) });
    else if (organisation.kind === 'PROVIDER') {
      const id = organisation.id;
      records.issuers.push({ organisation, certificates: state.certificatesOf(id), dids: state.didsOf(id), accreditations: state.accreditationsOf(id) });
    }
  }
  return records;
}

/** The list's JSON in pieces, the issuers a slice at a time with a turn of the event loop before each. */
async function* listJson(records: ListedRecords, issuedAt: Date): AsyncGenerator<string> {
  const head = JSON.stringify({
    sequenceNumber: records.registrySequence,
    issuedAt: issuedAt.toISOString(),
    nextUpdate: new Date(issuedAt.getTime() + LIST_LIFETIME_MS).toISOString(),
    // `listing`: the trusted list (territory, service) an anchor comes from; such an anchor anchors nothing before its first entry.
    trustAnchors: records.anchors.map((a) => ({ id: a.id, sha256: a.sha256, subjectDn: a.subjectDn, notBefore: iso(a.notBefore), notAfter: iso(a.notAfter), listing: a.listing ?? null, statusHistory: a.statusHistory.map(effectiveIso) })),
    agencies: records.agencies.map(({ organisation: o, recognitions }) => ({
      id: o.id,
      legalName: o.legalName,
      legalIdentifier: o.legalIdentifier,
      country: o.country,
      recognitions: recognitions.map((r) => ({ ...r, validFrom: iso(r.validFrom), validUntil: isoOrNull(r.validUntil) })),
    })),
  });
  yield `${head.slice(0, -1)},"issuers":[`;
  for (let start = 0; start < records.issuers.length; start += ISSUERS_PER_PIECE) {
    await setImmediate();
    const slice = JSON.stringify(records.issuers.slice(start, start + ISSUERS_PER_PIECE).map(issuerEntry));
    yield `${start > 0 ? ',' : ''}${slice.slice(1, -1)}`;
  }
  yield ']}';
}

function issuerEntry({ organisation: o, certificates, dids, accreditations }: ListedRecords['issuers'][number]): Record<string, unknown> {
  return {
    id: o.id,
    legalName: o.legalName,
    legalIdentifier: o.legalIdentifier,
    otherIdentifiers: o.otherIdentifiers,
    country: o.country,
    statusHistory: o.statusHistory.map(effectiveIso),
    certificates: certificates.map((c) => ({ sha256: c.sha256, subjectDn: c.subjectDn, notBefore: iso(c.notBefore), notAfter: iso(c.notAfter), qualifiedESeal: c.qualifiedESeal, revocations: c.revocations.map(effectiveIso) })),
    dids: dids.map((d) => ({ did: d.did, revocations: d.revocations.map(effectiveIso) })),
    accreditations: accreditations.map((a) => ({
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
  };
}

// The trust index keeps times as epoch milliseconds; the list publishes ISO instants.
const iso = (time: EpochMs): string => new Date(time).toISOString();
const isoOrNull = (time: EpochMs | null): string | null => (time === null ? null : iso(time));
/** A status entry or revocation with its `effectiveAt` as an ISO instant, its fields in their order. */
const effectiveIso = <E extends { effectiveAt: EpochMs }>(entry: E): Omit<E, 'effectiveAt'> & { effectiveAt: string } => ({ ...entry, effectiveAt: iso(entry.effectiveAt) });

/** An error from the operating system (ENOSPC, EACCES, EEXIST…), as Node reports one (from any realm: not `instanceof`). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return isNativeError(error) && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
