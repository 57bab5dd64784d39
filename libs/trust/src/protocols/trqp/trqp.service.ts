import { Inject, Injectable } from '@nestjs/common';
import { Clock, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import { recognitionHoldsAt } from '#registry';
import { IssuerTrustInput } from '../../decision/dto/issuer-trust.input.js';
import type { TrustDecision } from '../../decision/trust-decision.types.js';
import { TrustDecisionService } from '../../decision/trust-decision.service.js';
import { questionHash } from '../../signing/question-hash.js';
import { SigningKeyService } from '../../signing/signing-key.service.js';
import { TrustIndexService } from '../../trust-index/trust-index.service.js';
import type { IndexedOrganisation, TrustState } from '../../trust-index/trust-state.js';
import { identityOf, readTrqpRequest, type TrqpRequest } from './trqp-request.js';

/** The TRQP v2 response fields (the ToIP schemas), plus Tessera's evidence beside them. */
interface TrqpAnswer {
  entity_id: string;
  authority_id: string;
  action: string;
  resource: string;
  time_requested?: string;
  time_evaluated: string;
  message: string;
  context?: Record<string, string>;
  /** The signed answer: for authorization the very receipt of /trust/v1 for the same question. */
  receipt: string;
  /** The registry state that answered (DESIGN §3, Exactness). */
  registry_sequence: number;
}

export type AuthorizationAnswer = TrqpAnswer & { authorized: boolean };
export type RecognitionAnswer = TrqpAnswer & { recognized: boolean };

/**
 * ToIP's Trust Registry Query Protocol v2 over Tessera's answers (DESIGN §8.4). Authorization is
 * the §3 decision of TrustDecisionService — the same evaluation and receipt as /trust/v1 —
 * narrowed to one agency when `authority_id` names one; recognition reads the agency's
 * recognitions in the trust index. Both read one registry state. See README.md for the mapping.
 */
@Injectable()
export class TrqpService {
  constructor(
    private readonly decisions: TrustDecisionService,
    private readonly index: TrustIndexService,
    private readonly signingKey: SigningKeyService,
    private readonly clock: Clock,
    @Inject(TESSERA_CONFIG) private readonly config: TesseraConfig,
  ) {}

  async authorization(body: unknown): Promise<AuthorizationAnswer> {
    const request = readTrqpRequest(body, 'authorization');
    const input = Object.assign(new IssuerTrustInput(), identityOf(request.entityId), request.scope, request.at ? { at: request.at } : {});
    for (;;) {
      const decision = await this.decisions.decide(input);
      const state = this.index.current();
      // The authority is looked up in the state the decision was computed from, never another: the
      // index can move on only while the decision's receipt was signed, so asking again converges at
      // once.
      if (state.registrySequence !== decision.registrySequence) continue;
      const { authorized, message } = this.judgeAuthorization(request, decision, state);
      return { ...this.echo(request, decision.evaluatedAt, decision.receipt, decision.registrySequence), authorized, message };
    }
  }

  async recognition(body: unknown): Promise<RecognitionAnswer> {
    const request = readTrqpRequest(body, 'recognition');
    const state = this.index.current();
    const evaluatedAt = this.clock.now();
    const at = request.at ?? evaluatedAt;
    const agency = this.agencyNamed(state, request.entityId);
    let recognized = false;
    let message: string;
    let holding: { id: string; validUntil: number | null }[] = [];
    if (request.authorityId !== this.config.registryDid) {
      message = `This registry answers recognition questions only as its own authority, ${this.config.registryDid}; ${request.authorityId} is not it.`;
    } else if (!agency) {
      message = `${request.entityId} names no quality-assurance agency in the registry.`;
    } else {
      const country = request.scope.country;
      const inTime = state.recognitionsOf(agency.id).filter((r) => recognitionHoldsAt(r, at));
      holding = inTime.filter((r) => country === undefined || r.jurisdictions.length === 0 || r.jurisdictions.includes(country));
      recognized = holding.length > 0;
      message = recognized
        ? `${agency.legalName} (${agency.legalIdentifier}) is recognised by the registry at ${at.toISOString()}${country ? ` for ${country}` : ''}.`
        : inTime.length > 0
          ? `${agency.legalName} (${agency.legalIdentifier}) is recognised at ${at.toISOString()}, but not for ${country}.`
          : `${agency.legalName} (${agency.legalIdentifier}) is not recognised by the registry at ${at.toISOString()}.`;
    }
    const query = { question: 'trqp-recognition', entityId: request.entityId, authorityId: request.authorityId, action: request.action, resource: request.resource, at: at.toISOString() };
    const validUntil = recognized && holding.every((r) => r.validUntil !== null) ? new Date(Math.max(...holding.map((r) => r.validUntil!))) : null;
    const receipt = await this.signingKey.sign(
      {
        iss: 'tessera',
        queryHash: questionHash(query, 'body'),
        query,
        recognized,
        agencyId: agency?.id ?? null,
        recognitionIds: holding.map((r) => r.id),
        at: at.toISOString(),
        evaluatedAt: evaluatedAt.toISOString(),
        validUntil: validUntil?.toISOString() ?? null,
        registrySequence: state.registrySequence,
      },
      'tessera-recognition-receipt+jwt',
    );
    return { ...this.echo(request, evaluatedAt, receipt, state.registrySequence), recognized, message };
  }

  /** With the registry as authority, the §3 answer; with an agency, only an accreditation that agency made counts. */
  private judgeAuthorization(request: TrqpRequest, decision: TrustDecision, state: TrustState): { authorized: boolean; message: string } {
    const reasons = decision.reasons.map((r) => r.message).join(' ');
    const at = decision.at.toISOString();
    const grantedBy = (list: TrustDecision['accreditations']) => list.map((a) => `"${a.title}" by ${a.accreditingAgentName}`).join(', ');
    if (request.authorityId === this.config.registryDid) {
      return decision.trusted
        ? { authorized: true, message: `${decision.organisation!.legalName} may issue ${request.resource} at ${at}: accredited (${grantedBy(decision.accreditations)}).` }
        : { authorized: false, message: reasons };
    }
    const agency = this.agencyNamed(state, request.authorityId);
    if (!agency) {
      return { authorized: false, message: `${request.authorityId} is neither this registry (${this.config.registryDid}) nor a quality-assurance agency in it.` };
    }
    if (!decision.trusted) return { authorized: false, message: reasons };
    const byAgency = decision.accreditations.filter((a) => a.accreditingAgentId === agency.id);
    return byAgency.length > 0
      ? { authorized: true, message: `${decision.organisation!.legalName} may issue ${request.resource} at ${at}: accredited by ${agency.legalName} (${grantedBy(byAgency)}).` }
      : { authorized: false, message: `${decision.organisation!.legalName} is trusted at ${at}, but through no accreditation by ${agency.legalName}: only ${grantedBy(decision.accreditations)}.` };
  }

  /** An agency by one of its DIDs or by its legal (or other registered) identifier. */
  private agencyNamed(state: TrustState, identifier: string): IndexedOrganisation | undefined {
    const organisation = identifier.startsWith('did:') ? state.organisation(state.did(identifier)?.organisationId ?? '') : state.organisationByIdentifier(identifier);
    return organisation?.kind === 'QUALITY_AGENCY' ? organisation : undefined;
  }

  private echo(request: TrqpRequest, evaluatedAt: Date, receipt: string, registrySequence: number): TrqpAnswer {
    return {
      entity_id: request.entityId,
      authority_id: request.authorityId,
      action: request.action,
      resource: request.resource,
      ...(request.context?.time !== undefined ? { time_requested: request.context.time } : {}),
      time_evaluated: evaluatedAt.toISOString(),
      message: '',
      ...(request.context !== undefined ? { context: request.context } : {}),
      receipt,
      registry_sequence: registrySequence,
    };
  }
}
