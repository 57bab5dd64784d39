import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, ParseIdPipe } from '#platform';
import { OrganisationEntity } from '#registry';
import { CatalogueLoaders } from '../catalogue.loaders.js';
import { AnnexICompliance, annexICompliance } from './annex-i.js';
import { CreateOpportunityInput, OpportunityVersionInput, UpdateOpportunityInput } from './dto/opportunity.inputs.js';
import { listTexts } from './opportunity-details.js';
import { LearningOpportunityEntity, LocalizedText } from './opportunity.entity.js';
import { OpportunityService } from './opportunity.service.js';
import type { DocumentOpportunity } from '../search/hit-from-document.js';

@Resolver(() => LearningOpportunityEntity)
export class OpportunityResolver {
  constructor(
    private readonly opportunities: OpportunityService,
    private readonly loaders: CatalogueLoaders,
  ) {}

  @Mutation(() => LearningOpportunityEntity, { description: 'The provider itself or ADMIN. Creates a DRAFT.' })
  createOpportunity(@CurrentCaller() caller: Caller, @Args('input') input: CreateOpportunityInput): Promise<LearningOpportunityEntity> {
    return this.opportunities.create(caller, input);
  }

  @Mutation(() => LearningOpportunityEntity, { description: 'The provider itself or ADMIN. Fields left out stay; null clears.' })
  updateOpportunity(@CurrentCaller() caller: Caller, @Args('input') input: UpdateOpportunityInput): Promise<LearningOpportunityEntity> {
    return this.opportunities.update(caller, input);
  }

  @Mutation(() => LearningOpportunityEntity, { description: 'The provider itself or ADMIN. DRAFT → PUBLISHED: public and searchable.' })
  publishOpportunity(@CurrentCaller() caller: Caller, @Args('input') input: OpportunityVersionInput): Promise<LearningOpportunityEntity> {
    return this.opportunities.publish(caller, input);
  }

  @Mutation(() => LearningOpportunityEntity, { description: 'The provider itself or ADMIN. → ARCHIVED (final): no longer public.' })
  archiveOpportunity(@CurrentCaller() caller: Caller, @Args('input') input: OpportunityVersionInput): Promise<LearningOpportunityEntity> {
    return this.opportunities.archive(caller, input);
  }

  @Query(() => LearningOpportunityEntity, { nullable: true, description: 'A published opportunity; drafts and archived ones only for their provider and ADMIN.' })
  learningOpportunity(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<LearningOpportunityEntity | null> {
    return this.opportunities.findVisible(caller, id);
  }

  @ResolveField(() => [LocalizedText])
  title(@Parent() opportunity: LearningOpportunityEntity): LocalizedText[] {
    return listTexts(opportunity.title);
  }

  @ResolveField(() => [LocalizedText])
  description(@Parent() opportunity: LearningOpportunityEntity): LocalizedText[] {
    return listTexts(opportunity.description);
  }

  @ResolveField(() => OrganisationEntity, { description: 'The awarding body.' })
  async provider(@Parent() opportunity: DocumentOpportunity, @Context() context: object): Promise<OrganisationEntity> {
    // A search hit served from its index document carries what it may be asked (see documentAnswers).
    if (opportunity.searchProvider) return opportunity.searchProvider as OrganisationEntity;
    return (await this.loaders.provider(context).load(opportunity.providerId))!;
  }

  @ResolveField(() => AnnexICompliance, { description: "Which of the Council Recommendation's Annex I mandatory elements it carries." })
  async annexI(@Parent() opportunity: LearningOpportunityEntity, @Context() context: object): Promise<AnnexICompliance> {
    return annexICompliance(opportunity, await this.loaders.provider(context).load(opportunity.providerId));
  }
}
