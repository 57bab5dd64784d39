import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsString, Length } from 'class-validator';

/** What every status change says besides the new status: why, from when, and which version it read. */
@InputType({ isAbstract: true })
export abstract class StatusChangeInput {
  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;

  @Field({ nullable: true, description: 'When it holds in the world; default now, may be in the future.' })
  @IsOptional()
  @IsDate()
  effectiveAt?: Date;

  @Field(() => Int, { description: 'The version you read; a stale one is a CONFLICT.' })
  @IsInt()
  version: number;
}
