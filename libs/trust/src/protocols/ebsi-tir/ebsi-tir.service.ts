import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { accreditationInForceAt, organisationActiveAt, recognitionHoldsAt } from '#registry';
import { DID_SYNTAX } from '../../decision/dto/issuer-trust.input.js';
import { SigningKeyService } from '../../signing/signing-key.service.js';
import { TrustIndexService } from '../../trust-index/trust-index.service.js';
import type { IndexedDid, TrustState } from '../../trust-index/trust-state.js';
import {
  accreditationCredentialId,
  accreditationRevisions,
  type AttestationRevision,
  attributeIdOf,
  type EbsiIssuerType,
  recognitionCredentialId,
  recognitionRevisions,
  revisionAt,
} from './attestations.js';
import { EbsiProblem } from './ebsi-problem.js';
import { type EbsiPage, type PageRequest, paginate } from './ebsi-paging.js';

export const EBSI_TIR_PATH = '/ebsi/trusted-issuers-registry/v5';

/** One attribute as EBSI lists it. */
export interface EbsiAttribute {
  hash: string;
  body: string;
  issuerType: EbsiIssuerType;
  tao: string;
  rootTao: string;
}

/** Every answer names the registry state it was built from (DESIGN §3, Exactness). */
export interface Answer<T> {
  body: T;
  registrySequence: number;
}

/** One attribute before it is signed: its revisions, its `tao`, and whether it accredits at a time. */
interface EbsiAttributeSource {
  id: string;
  revisions: AttestationRevision[];
  tao: string;
  holdsAt(at: Date): boolean;
}

function didUsableAt(did: IndexedDid, at: Date): boolean {
  return !did.revocations.some((r) => r.effectiveAt <= at.getTime());
}

/** Signed bodies kept for reuse; bounded, dropped whole when full (signing again gives the same bytes). */
const MAX_SIGNED_BODIES = 5_000;

/**
 * EBSI's Trusted Issuers Registry v5, read-only, over the trust index: every answer is built
 * synchronously from one TrustState, so an attribute's body and the listing beside it are of
 * the same registry sequence. Issuers are the registered DIDs; a provider's attributes are its
 * accreditations (TI), an agency's its recognitions (TAO). See README.md for the field mapping.
 */
@Injectable()
export class EbsiTirService {
  private sortedDids: { state: TrustState; sequence: number; dids: string[] } | null = null;
  private readonly signedBodies = new Map<string, string>();

  constructor(
    private readonly index: TrustIndexService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
    @Inject(TESSERA_CONFIG) private readonly config: TesseraConfig,
  ) {}

  issuers(page: PageRequest, baseUrl: string): Answer<EbsiPage<{ did: string; href: string }>> {
    const state = this.index.current();
    const listing = paginate(this.didsOf(state), page, `${baseUrl}${EBSI_TIR_PATH}/issuers`);
    return { body: { ...listing, items: listing.items.map((did) => ({ did, href: `${baseUrl}${EBSI_TIR_PATH}/issuers/${did}` })) }, registrySequence: state.registrySequence };
  }

  issuer(didCandidates: readonly string[]): Answer<{ did: string; attributes: EbsiAttribute[] }> {
    const state = this.index.current();
    const did = this.findDid(state, didCandidates);
    const now = this.clock.now();
    return {
      body: { did: did.did, attributes: this.attributesOf(state, did).map((a) => this.current(a, now)) },
      registrySequence: state.registrySequence,
    };
  }

  attributes(didCandidates: readonly string[], page: PageRequest, baseUrl: string): Answer<EbsiPage<{ id: string; href: string }>> {
    const state = this.index.current();
    const did = this.findDid(state, didCandidates);
    const url = `${baseUrl}${EBSI_TIR_PATH}/issuers/${did.did}/attributes`;
    const listing = paginate(this.attributesOf(state, did), page, url);
    return { body: { ...listing, items: listing.items.map((a) => ({ id: a.id, href: `${url}/${a.id}` })) }, registrySequence: state.registrySequence };
  }

  attributeOf(didCandidates: readonly string[], attributeId: string): Answer<{ did: string; attribute: EbsiAttribute }> {
    const state = this.index.current();
    const did = this.findDid(state, didCandidates);
    const found = this.findAttribute(state, did, attributeId);
    return { body: { did: did.did, attribute: this.current(found, this.clock.now()) }, registrySequence: state.registrySequence };
  }

  revisions(didCandidates: readonly string[], attributeId: string, page: PageRequest, baseUrl: string): Answer<EbsiPage<EbsiAttribute>> {
    const state = this.index.current();
    const did = this.findDid(state, didCandidates);
    const found = this.findAttribute(state, did, attributeId);
    const url = `${baseUrl}${EBSI_TIR_PATH}/issuers/${did.did}/attributes/${found.id}/revisions`;
    const listing = paginate(found.revisions, page, url);
    return { body: { ...listing, items: listing.items.map((r) => this.toAttribute(r, found.tao)) }, registrySequence: state.registrySequence };
  }

  /** Every registered DID, sorted, computed once per registry state. */
  private didsOf(state: TrustState): string[] {
    if (this.sortedDids?.state !== state || this.sortedDids.sequence !== state.registrySequence) {
      const dids = [...state.organisations()].flatMap((o) => state.didsOf(o.id).map((d) => d.did));
      this.sortedDids = { state, sequence: state.registrySequence, dids: dids.sort() };
    }
    return this.sortedDids.dids;
  }

  /**
   * The path's DID as sent (a did:web keeps its `%3A`) or percent-decoded (a client that encoded
   * the whole DID); whichever is registered.
   */
  private findDid(state: TrustState, candidates: readonly string[]): IndexedDid {
    if (!candidates.some((c) => DID_SYNTAX.test(c))) throw EbsiProblem.badDid();
    for (const candidate of candidates) {
      const did = state.did(candidate);
      if (did && state.organisation(did.organisationId)) return did;
    }
    throw EbsiProblem.issuerNotFound(candidates[candidates.length - 1]);
  }

  private findAttribute(state: TrustState, did: IndexedDid, attributeId: string) {
    if (!/^(0x)?[0-9a-fA-F]{64}$/.test(attributeId)) throw EbsiProblem.badAttributeId();
    const wanted = attributeId.replace(/^0x/, '').toLowerCase();
    const found = this.attributesOf(state, did).find((a) => a.id === wanted);
    if (!found) throw EbsiProblem.attributeNotFound(attributeId);
    return found;
  }

  /**
   * The attribute as it stands at `at`: the revision in force then, listed as `TI` (`TAO`) only
   * while the registry's one rule says the provider is accredited by it (the agency recognised)
   * and the DID is not revoked — a suspended provider is not accredited, whatever its decisions
   * say (DESIGN §6) — else EBSI's `Revoked`. Revisions keep the type of their own status.
   */
  private current(attribute: EbsiAttributeSource, at: Date): EbsiAttribute {
    const revision = revisionAt(attribute.revisions, at);
    return { ...this.toAttribute(revision, attribute.tao), issuerType: attribute.holdsAt(at) ? revision.issuerType : 'Revoked' };
  }

  /** A provider's accreditations or an agency's recognitions, each with its revisions and its `tao`. */
  private attributesOf(state: TrustState, did: IndexedDid): EbsiAttributeSource[] {
    const registryDid = this.config.registryDid;
    const organisation = state.organisation(did.organisationId)!;
    if (organisation.kind === 'QUALITY_AGENCY') {
      return state.recognitionsOf(organisation.id).map((recognition) => ({
        id: attributeIdOf(recognitionCredentialId(recognition)),
        revisions: recognitionRevisions(recognition, { registryDid, subjectDid: did.did, agency: organisation }),
        tao: registryDid,
        holdsAt: (at: Date) => didUsableAt(did, at) && recognitionHoldsAt(recognition, at),
      }));
    }
    return state.accreditationsOf(organisation.id).map((accreditation) => {
      const agency = state.organisation(accreditation.accreditingAgentId);
      return {
        id: attributeIdOf(accreditationCredentialId(accreditation)),
        revisions: accreditationRevisions(accreditation, { registryDid, subjectDid: did.did, provider: organisation, agency }),
        tao: this.agencyDid(state, accreditation.accreditingAgentId) ?? registryDid,
        holdsAt: (at: Date) =>
          didUsableAt(did, at) &&
          organisationActiveAt(organisation.statusHistory, at) &&
          accreditationInForceAt(accreditation, state.recognitionsOf(accreditation.accreditingAgentId), organisation.country, at),
      };
    });
  }

  /** The agency's first DID (by id) not revoked now, else its first; none when it has registered none. */
  private agencyDid(state: TrustState, agencyId: string): string | undefined {
    const dids = state.didsOf(agencyId);
    const now = this.clock.now().getTime();
    return (dids.find((d) => !d.revocations.some((r) => r.effectiveAt <= now)) ?? dids[0])?.did;
  }

  private toAttribute(revision: AttestationRevision, tao: string): EbsiAttribute {
    const body = this.sign(revision.claims);
    return { hash: createHash('sha256').update(body).digest('hex'), body, issuerType: revision.issuerType, tao, rootTao: this.config.registryDid };
  }

  private sign(claims: Record<string, unknown>): string {
    const key = createHash('sha256').update(JSON.stringify(claims)).digest('base64url');
    let body = this.signedBodies.get(key);
    if (body === undefined) {
      body = this.signingKey.signDeterministic(claims, { typ: 'JWT' });
      if (this.signedBodies.size >= MAX_SIGNED_BODIES) this.signedBodies.clear();
      this.signedBodies.set(key, body);
    }
    return body;
  }
}
