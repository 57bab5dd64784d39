import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { admitDirectCall, AnonymousBudget, CallerResolver, InputValidationPipe, type RequestWithCaller, toGraphQLError } from '#platform';
import { IssuerTrustInput } from './dto/issuer-trust.input.js';
import type { TrustDecision } from './trust-decision.types.js';
import { TrustDecisionService } from './trust-decision.service.js';

/**
 * GraphQL `issuerTrust` — the verifier's hot path over GraphQL (DESIGN §7) — resolved without
 * Nest's per-call machinery (external context, guards, pipes consumer, filters), as
 * GET /trust/v1/issuers/{id} is (IssuerLookupRoute). The field is declared by
 * TrustDecisionResolver; at start its resolver in the schema is replaced by this one, which calls
 * the steps every resolver goes through directly: authentication (`CallerResolver`, as the
 * AuthenticationGuard), the anonymous budget (as the RateLimitGuard), the same validation pipe on
 * `input`, the same decision, and errors mapped as the ErrorsFilter maps them.
 */
@Injectable()
export class IssuerTrustField implements OnApplicationBootstrap {
  private readonly validation = new InputValidationPipe();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly decisions: TrustDecisionService,
    private readonly callers: CallerResolver,
    private readonly budget: AnonymousBudget,
  ) {}

  /** After every module's init: the schema is built by then and no query has been compiled yet. */
  onApplicationBootstrap(): void {
    const field = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema.getQueryType()?.getFields().issuerTrust;
    if (!field) throw new Error('the schema has no Query.issuerTrust (TrustDecisionResolver declares it)');
    field.resolve = (_source, args: { input?: unknown }, context: { reply: FastifyReply }) => this.resolve(args.input, context.reply);
  }

  private async resolve(value: unknown, reply: FastifyReply): Promise<TrustDecision> {
    try {
      await admitDirectCall(this.callers, this.budget, reply.request as RequestWithCaller, reply);
      const input = (await this.validation.transform(value, { type: 'body', metatype: IssuerTrustInput, data: 'input' })) as IssuerTrustInput;
      return await this.decisions.decide(input);
    } catch (exception) {
      throw toGraphQLError(exception);
    }
  }
}
