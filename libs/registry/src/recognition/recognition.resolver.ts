import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '#platform';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { RegistryLoaders } from '../registry.loaders.js';
import { AgencyRecognitionEntity } from './agency-recognition.entity.js';
import { RecogniseQualityAgencyInput } from './dto/recognise-quality-agency.input.js';
import { RecognitionService } from './recognition.service.js';

@Resolver(() => AgencyRecognitionEntity)
export class RecognitionResolver {
  constructor(
    private readonly recognitions: RecognitionService,
    private readonly loaders: RegistryLoaders,
  ) {}

  @Mutation(() => AgencyRecognitionEntity, { description: "ADMIN. Recognises a quality agency's decisions for a period." })
  recogniseQualityAgency(@CurrentCaller() caller: Caller, @Args('input') input: RecogniseQualityAgencyInput): Promise<AgencyRecognitionEntity> {
    return this.recognitions.recognise(caller, input);
  }

  @ResolveField(() => OrganisationEntity)
  async agency(@Parent() recognition: AgencyRecognitionEntity, @Context() context: object): Promise<OrganisationEntity> {
    return (await this.loaders.organisation(context).load(recognition.agencyId))!;
  }
}
