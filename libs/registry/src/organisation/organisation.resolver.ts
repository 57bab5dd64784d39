import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { accreditedAt, recordStatusAt } from '../accreditation/accredited-at.js';
import { type Caller, Clock, CurrentCaller, ParseIdPipe } from '#platform';
import { AccreditationEntity } from '../accreditation/accreditation.entity.js';
import { AgencyRecognitionEntity } from '../recognition/agency-recognition.entity.js';
import { RegistryLoaders } from '../registry.loaders.js';
import { OrganisationConnection } from './dto/organisation.connection.js';
import { ChangeOrganisationStatusInput, OrganisationsArgs, RegisterOrganisationInput } from './dto/organisation.inputs.js';
import { OrganisationEntity } from './organisation.entity.js';
import { OrganisationService } from './organisation.service.js';
import { type OrganisationStatus, OrganisationStatusEntryEntity, OrganisationStatusEnum } from './organisation-status-entry.entity.js';

@Resolver(() => OrganisationEntity)
export class OrganisationResolver {
  constructor(
    private readonly service: OrganisationService,
    private readonly loaders: RegistryLoaders,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => OrganisationEntity, { description: 'ADMIN. Registers a provider or a quality agency.' })
  registerOrganisation(@CurrentCaller() caller: Caller, @Args('input') input: RegisterOrganisationInput): Promise<OrganisationEntity> {
    return this.service.register(caller, input);
  }

  @Mutation(() => OrganisationEntity, { description: 'ADMIN. Suspends, reactivates or deregisters (final) an organisation.' })
  changeOrganisationStatus(@CurrentCaller() caller: Caller, @Args('input') input: ChangeOrganisationStatusInput): Promise<OrganisationEntity> {
    return this.service.changeStatus(caller, input);
  }

  @Query(() => OrganisationEntity, { nullable: true })
  organisation(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<OrganisationEntity | null> {
    return this.service.findById(id);
  }

  @Query(() => OrganisationConnection, { description: 'Organisations by legal name; filter, then page with `after`.' })
  async organisations(@Args() args: OrganisationsArgs): Promise<OrganisationConnection> {
    const page = await this.service.list(args);
    return {
      edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      totalCount: page.totalCount,
    };
  }

  @ResolveField(() => [OrganisationStatusEntryEntity], { description: 'Every status change, in the order they take effect.' })
  statusHistory(@Parent() organisation: OrganisationEntity, @Context() context: object): Promise<OrganisationStatusEntryEntity[]> {
    return this.loaders.organisationStatusEntries(context).load(organisation.id);
  }

  @ResolveField(() => OrganisationStatusEnum, { description: 'The status at `at` (default now).' })
  async status(
    @Parent() organisation: OrganisationEntity,
    @Context() context: object,
    @Args('at', { nullable: true, type: () => Date }) at?: Date,
  ): Promise<OrganisationStatus> {
    const entries = await this.loaders.organisationStatusEntries(context).load(organisation.id);
    // Before it was registered, nothing said otherwise: an organisation counts as active (the registry's rule).
    return recordStatusAt(entries, at ?? this.clock.now());
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the organisation is accredited at `at` (default now): active itself, with a positive decision in force, ACTIVE, ' +
      "by an agency recognised then for its country — the same rule as the accreditationState filter, search's accreditedOnly and trust.",
  })
  async accredited(
    @Parent() organisation: OrganisationEntity,
    @Context() context: object,
    @Args('at', { nullable: true, type: () => Date }) at?: Date,
  ): Promise<boolean> {
    const [statusHistory, accreditations] = await Promise.all([
      this.loaders.organisationStatusEntries(context).load(organisation.id),
      this.loaders.accreditationsOfProvider(context).load(organisation.id),
    ]);
    const decisions = await Promise.all(
      accreditations.map(async (a) => ({
        ...a,
        statusHistory: await this.loaders.accreditationStatusEntries(context).load(a.id),
        agencyRecognitions: await this.loaders.recognitionsOfAgency(context).load(a.accreditingAgentId),
      })),
    );
    return accreditedAt({ country: organisation.country, statusHistory, accreditations: decisions }, at ?? this.clock.now());
  }

  @ResolveField(() => [AccreditationEntity], { description: 'Decisions about this organisation (as a provider).' })
  accreditations(@Parent() organisation: OrganisationEntity, @Context() context: object): Promise<AccreditationEntity[]> {
    return this.loaders.accreditationsOfProvider(context).load(organisation.id);
  }

  @ResolveField(() => [AccreditationEntity], { description: 'Decisions this organisation made (as a quality agency).' })
  decisions(@Parent() organisation: OrganisationEntity, @Context() context: object): Promise<AccreditationEntity[]> {
    return this.loaders.decisionsOfAgency(context).load(organisation.id);
  }

  @ResolveField(() => [AgencyRecognitionEntity], { description: "The operator's recognitions of this quality agency." })
  recognitions(@Parent() organisation: OrganisationEntity, @Context() context: object): Promise<AgencyRecognitionEntity[]> {
    return this.loaders.recognitionsOfAgency(context).load(organisation.id);
  }
}
