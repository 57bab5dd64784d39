import { Args, Query, Resolver } from '@nestjs/graphql';
import { IssuerTrustInput } from './dto/issuer-trust.input.js';
import { TrustDecision } from './trust-decision.types.js';
import { TrustDecisionService } from './trust-decision.service.js';

/**
 * Declares `issuerTrust` in the schema. At start IssuerTrustField resolves it instead, with the
 * same steps and without Nest's per-call machinery; this method is what it stands for.
 */
@Resolver(() => TrustDecision)
export class TrustDecisionResolver {
  constructor(private readonly decisions: TrustDecisionService) {}

  @Query(() => TrustDecision, { description: 'Was this issuer trusted, for this scope, at this time? Signed.' })
  issuerTrust(@Args('input') input: IssuerTrustInput): Promise<TrustDecision> {
    return this.decisions.decide(input);
  }
}
