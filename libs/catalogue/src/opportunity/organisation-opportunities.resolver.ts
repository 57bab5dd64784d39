import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '#platform';
import { OrganisationEntity } from '#registry';
import { CatalogueLoaders } from '../catalogue.loaders.js';
import { LearningOpportunityEntity } from './opportunity.entity.js';
import { OpportunitiesArgs } from './dto/opportunities.args.js';

/** The catalogue's field on the registry's Organisation. */
@Resolver(() => OrganisationEntity)
export class OrganisationOpportunitiesResolver {
  constructor(private readonly loaders: CatalogueLoaders) {}

  @ResolveField(() => [LearningOpportunityEntity], {
    description: 'Its learning opportunities, most recently changed first: published ones for everyone, all for itself and ADMIN.',
  })
  opportunities(
    @Parent() organisation: OrganisationEntity,
    @Context() context: object,
    @CurrentCaller() caller: Caller,
    @Args() args: OpportunitiesArgs,
  ): Promise<LearningOpportunityEntity[]> {
    return this.loaders.opportunitiesOf(context, caller, args.status, args.first).load(organisation.id);
  }
}
