import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, IsEqfLevel, IsIscedFCode, IsLanguageCode, LEARNING_ASSESSMENT_MODES, type LearningAssessmentMode } from '#platform';
import { OPPORTUNITY_SORTS, type OpportunitySort, SORT_ORDERS, type SortOrder } from '#search';
import { LearningAssessmentModeEnum } from '../../opportunity/opportunity.enums.js';

export const OpportunitySortEnum = Object.fromEntries(OPPORTUNITY_SORTS.map((s) => [s, s])) as { [K in OpportunitySort]: K };
registerEnumType(OpportunitySortEnum, {
  name: 'OpportunitySort',
  description: 'RELEVANCE (to the query), START_DATE, ECTS or PRICE (free counts as 0); those without the value come last.',
});

export const OpportunitySortOrderEnum = Object.fromEntries(SORT_ORDERS.map((s) => [s, s])) as { [K in SortOrder]: K };
registerEnumType(OpportunitySortOrderEnum, { name: 'OpportunitySortOrder' });

@InputType()
export class NearInput {
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(20_000)
  radiusKm: number;
}

@InputType({ description: 'All filters must hold; within a list, any value may. Courses that have ended are left out unless includeFinished.' })
export class OpportunitySearchFilters {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsEqfLevel({ each: true })
  eqfLevels?: number[];

  @Field(() => [String], { nullable: true, description: 'ISCED-F code prefixes: "06" matches every ICT field, "0613" only software.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsIscedFCode({ each: true })
  iscedF?: string[];

  @Field(() => [String], { nullable: true, description: 'Where it takes place, else the provider\'s country (ISO 3166-1).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCountryCode({ each: true })
  countries?: string[];

  @Field(() => [String], { nullable: true, description: 'Languages of instruction (ISO 639-1).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsLanguageCode({ each: true })
  languages?: string[];

  @Field(() => [LearningAssessmentModeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(LEARNING_ASSESSMENT_MODES, { each: true })
  modes?: LearningAssessmentMode[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  ectsMin?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  ectsMax?: number;

  @Field(() => Date, { nullable: true, description: 'Starting at or after.' })
  @IsOptional()
  @IsDate()
  startsFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Starting at or before.' })
  @IsOptional()
  @IsDate()
  startsTo?: Date;

  @Field(() => Float, { nullable: true, description: 'In the price\'s own currency (no conversion); free ones included.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxPrice?: number;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  freeOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only providers accredited now (by a recognised agency, in force, active).' })
  @IsOptional()
  @IsBoolean()
  accreditedOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Only opportunities that carry every Annex I element." })
  @IsOptional()
  @IsBoolean()
  annexICompleteOnly?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  providerIds?: string[];

  @Field(() => NearInput, { nullable: true, description: 'Only those with coordinates within radiusKm.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @Field(() => Boolean, { nullable: true, description: 'Also courses that have ended (hidden by default).' })
  @IsOptional()
  @IsBoolean()
  includeFinished?: boolean;
}

@InputType()
export class SearchOpportunitiesInput {
  @Field({ nullable: true, description: 'Words to look for, in any language; typos are forgiven, numbers and codes are not.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  query?: string;

  @Field(() => OpportunitySearchFilters, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpportunitySearchFilters)
  filters?: OpportunitySearchFilters;

  // The defaults below are applied by the service: Mercurius' JIT does not apply defaults of
  // input object fields given through variables.
  @Field(() => OpportunitySortEnum, { nullable: true, description: 'Default RELEVANCE.' })
  @IsOptional()
  @IsIn(OPPORTUNITY_SORTS)
  sort?: OpportunitySort;

  @Field(() => OpportunitySortOrderEnum, { nullable: true, description: 'For START_DATE, ECTS and PRICE. Default ASC.' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  sortOrder?: SortOrder;

  @Field({ nullable: true, description: 'ISO 639-1 language to show titles and descriptions in (else English, else another).' })
  @IsOptional()
  @IsLanguageCode()
  locale?: string;

  @Field(() => Int, { nullable: true, description: 'From 1. Default 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @Field(() => Int, { nullable: true, description: 'At most 100. Default 20.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
