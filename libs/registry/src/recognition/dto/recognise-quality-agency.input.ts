import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsCountryCode } from '#platform';

@InputType()
export class RecogniseQualityAgencyInput {
  @Field(() => ID)
  @IsUUID()
  agencyId: string;

  @Field()
  @IsDate()
  validFrom: Date;

  @Field({ nullable: true, description: 'Exclusive; none = until further notice.' })
  @IsOptional()
  @IsDate()
  validUntil?: Date;

  @Field({ description: 'e.g. "EQAR-registered" or the national act that recognises it' })
  @IsString()
  @Length(1, 500)
  basis: string;

  @Field(() => [String], { nullable: true, description: 'Countries where its decisions count; none = anywhere.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCountryCode({ each: true })
  jurisdictions?: string[];
}
