import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { admitDirectCall, AnonymousBudget, CallerResolver, InputValidationPipe, problemDocument, type RequestWithCaller, toPublicError } from '#platform';
import { IssuerLookupQuery } from './dto/issuer-lookup.query.js';
import { IssuerTrustInput } from './dto/issuer-trust.input.js';
import type { TrustDecision } from './trust-decision.types.js';
import { TrustDecisionService } from './trust-decision.service.js';

export const ISSUER_LOOKUP_PATH = '/trust/v1/issuers/:identifier';

/**
 * `GET /trust/v1/issuers/{identifier}` — the verifier's hot path (DESIGN §7) — as a plain Fastify
 * route: Nest's router, guards, interceptors and pipes cost more than the answer. The steps are
 * the ones every other route goes through, called directly: authentication (`CallerResolver`),
 * the anonymous budget, the same validation pipe for the query string, the same decision, the
 * same problem+json errors. A decision reused for a while (see TrustDecisionService) is
 * serialised once.
 */
@Injectable()
export class IssuerLookupRoute implements OnModuleInit {
  private readonly validation = new InputValidationPipe();
  private readonly serialised = new WeakMap<TrustDecision, string>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly decisions: TrustDecisionService,
    private readonly callers: CallerResolver,
    private readonly budget: AnonymousBudget,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get<{ Params: { identifier: string }; Querystring: Record<string, unknown> }>(ISSUER_LOOKUP_PATH, (request, reply) => this.handle(request, reply));
  }

  private async handle(request: FastifyRequest<{ Params: { identifier: string }; Querystring: Record<string, unknown> }>, reply: FastifyReply): Promise<FastifyReply> {
    try {
      await admitDirectCall(this.callers, this.budget, request as RequestWithCaller, reply);
      // The pipe turns an empty query string into an empty query; most lookups have none.
      const query = isEmpty(request.query) ? {} : ((await this.validation.transform(request.query, { type: 'query', metatype: IssuerLookupQuery })) as IssuerLookupQuery);
      const decision = await this.decisions.decide(Object.assign(new IssuerTrustInput(), query, IssuerLookupQuery.identity(request.params.identifier)));
      return reply.header('content-type', 'application/json; charset=utf-8').send(this.json(decision));
    } catch (error) {
      const problem = toPublicError(error);
      return reply.status(problem.status).header('content-type', 'application/problem+json').send(JSON.stringify(problemDocument(problem, request.id)));
    }
  }

  private json(decision: TrustDecision): string {
    let json = this.serialised.get(decision);
    if (json === undefined) {
      json = JSON.stringify(decision);
      this.serialised.set(decision, json);
    }
    return json;
  }
}

function isEmpty(query: object): boolean {
  for (const _ in query) return false;
  return true;
}
