import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, Clock, CurrentCaller, ParseIdPipe } from '#platform';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { RegistryLoaders } from '../registry.loaders.js';
import { statusAt } from '../time-rules.js';
import { accreditationInForceAt } from './accredited-at.js';
import { AccreditationEntity } from './accreditation.entity.js';
import { AccreditationService } from './accreditation.service.js';
import { type AccreditationStatus, AccreditationStatusEntryEntity, AccreditationStatusEnum } from './accreditation-status-entry.entity.js';
import { ChangeAccreditationStatusInput, DueForReviewArgs, RecordAccreditationInput } from './dto/accreditation.inputs.js';

@Resolver(() => AccreditationEntity)
export class AccreditationResolver {
  constructor(
    private readonly accreditations: AccreditationService,
    private readonly loaders: RegistryLoaders,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => AccreditationEntity, { description: 'QUALITY_AGENCY for itself while recognised, or ADMIN on behalf of an agency.' })
  recordAccreditation(@CurrentCaller() caller: Caller, @Args('input') input: RecordAccreditationInput): Promise<AccreditationEntity> {
    return this.accreditations.record(caller, input);
  }

  @Mutation(() => AccreditationEntity, { description: 'The accrediting agency or ADMIN: suspend, withdraw (final) or reinstate.' })
  changeAccreditationStatus(@CurrentCaller() caller: Caller, @Args('input') input: ChangeAccreditationStatusInput): Promise<AccreditationEntity> {
    return this.accreditations.changeStatus(caller, input);
  }

  @Query(() => AccreditationEntity, { nullable: true })
  accreditation(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<AccreditationEntity | null> {
    return this.accreditations.findById(id);
  }

  @Query(() => [AccreditationEntity], { description: 'Standing decisions whose review date is before `before`, earliest first.' })
  accreditationsDueForReview(@Args() args: DueForReviewArgs): Promise<AccreditationEntity[]> {
    return this.accreditations.dueForReview(args);
  }

  @ResolveField(() => OrganisationEntity)
  async accreditedOrganisation(@Parent() accreditation: AccreditationEntity, @Context() context: object): Promise<OrganisationEntity> {
    return (await this.loaders.organisation(context).load(accreditation.accreditedOrganisationId))!;
  }

  @ResolveField(() => OrganisationEntity)
  async accreditingAgent(@Parent() accreditation: AccreditationEntity, @Context() context: object): Promise<OrganisationEntity> {
    return (await this.loaders.organisation(context).load(accreditation.accreditingAgentId))!;
  }

  @ResolveField(() => AccreditationEntity, { nullable: true })
  supersedes(@Parent() accreditation: AccreditationEntity, @Context() context: object): Promise<AccreditationEntity | null> {
    return accreditation.supersedesId ? this.loaders.accreditation(context).load(accreditation.supersedesId) : Promise.resolve(null);
  }

  @ResolveField(() => [AccreditationStatusEntryEntity], { description: 'Every status change, in the order they take effect.' })
  statusHistory(@Parent() accreditation: AccreditationEntity, @Context() context: object): Promise<AccreditationStatusEntryEntity[]> {
    return this.loaders.accreditationStatusEntries(context).load(accreditation.id);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether this decision is in force at `at` (default now): not NEGATIVE, within validFrom..expiresAt, ACTIVE, by an agency ' +
      "recognised then for the provider's country. Whether the provider is accredited also needs the provider active: Organisation.accredited.",
  })
  async inForce(
    @Parent() accreditation: AccreditationEntity,
    @Context() context: object,
    @Args('at', { nullable: true, type: () => Date }) at?: Date,
  ): Promise<boolean> {
    const [statusHistory, recognitions, provider] = await Promise.all([
      this.loaders.accreditationStatusEntries(context).load(accreditation.id),
      this.loaders.recognitionsOfAgency(context).load(accreditation.accreditingAgentId),
      this.loaders.organisation(context).load(accreditation.accreditedOrganisationId),
    ]);
    return accreditationInForceAt({ ...accreditation, statusHistory }, recognitions, provider!.country, at ?? this.clock.now());
  }

  @ResolveField(() => AccreditationStatusEnum, {
    nullable: true,
    description: 'The recorded status at `at` (default now); null before the decision date. Expiry is not a status: compare with expiresAt.',
  })
  async status(
    @Parent() accreditation: AccreditationEntity,
    @Context() context: object,
    @Args('at', { nullable: true, type: () => Date }) at?: Date,
  ): Promise<AccreditationStatus | null> {
    return statusAt(await this.loaders.accreditationStatusEntries(context).load(accreditation.id), at ?? this.clock.now());
  }
}
