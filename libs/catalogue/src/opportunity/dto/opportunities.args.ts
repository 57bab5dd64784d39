import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OPPORTUNITY_STATUSES, type OpportunityStatus, OpportunityStatusEnum } from '../opportunity.enums.js';

@ArgsType()
export class OpportunitiesArgs {
  @Field(() => OpportunityStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(OPPORTUNITY_STATUSES)
  status?: OpportunityStatus;

  @Field(() => Int, { defaultValue: 20, description: 'At most 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number;
}
