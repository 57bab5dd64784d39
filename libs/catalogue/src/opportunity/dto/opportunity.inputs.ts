import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ASSESSMENT_TYPES,
  type AssessmentType,
  IsCountryCode,
  IsEqfLevel,
  IsIscedFCode,
  IsLanguageCode,
  LEARNING_ASSESSMENT_MODES,
  LEARNING_OPPORTUNITY_TYPES,
  LEARNING_SETTINGS,
  type LearningAssessmentMode,
  type LearningOpportunityType,
  type LearningSetting,
  SUPERVISION_VERIFICATIONS,
  type SupervisionVerification,
} from '#platform';
import {
  AssessmentTypeEnum,
  LearningAssessmentModeEnum,
  LearningOpportunityTypeEnum,
  LearningSettingEnum,
  QF_EHEA_CYCLES,
  type QfEheaCycle,
  QfEheaCycleEnum,
  STACKABILITIES,
  type Stackability,
  StackabilityEnum,
  SupervisionVerificationEnum,
} from '../opportunity.enums.js';

const WEB_URL = { protocols: ['http', 'https'], require_protocol: true };
const ONE_LANGUAGE_EACH = { message: 'must not give the same language twice' };
const byLang = (entry: { lang?: unknown } | null | undefined) => entry?.lang;

@InputType()
export class LocalizedTitleInput {
  @Field({ description: 'ISO 639-1, e.g. "de"' })
  @IsLanguageCode()
  lang: string;

  @Field()
  @IsString()
  @Length(1, 500)
  text: string;
}

@InputType()
export class LocalizedTextInput {
  @Field({ description: 'ISO 639-1, e.g. "de"' })
  @IsLanguageCode()
  lang: string;

  @Field()
  @IsString()
  @Length(1, 20_000)
  text: string;
}

@InputType()
export class LearningOutcomeInput {
  @Field()
  @IsString()
  @Length(1, 2000)
  text: string;

  @Field({ nullable: true, description: 'ESCO skill or competence IRI' })
  @IsOptional()
  @IsUrl(WEB_URL, { message: 'must be an http(s) IRI' })
  @Length(1, 500)
  escoSkill?: string;
}

@InputType()
export class PriceInput {
  @Field(() => Float, { description: 'At least 0, at most two decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number with at most two decimals' })
  @Min(0)
  @Max(1_000_000_000)
  amount: number;

  @Field({ description: 'ISO 4217, e.g. "EUR"' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code, e.g. "EUR"' })
  currency: string;
}

@InputType()
export class LocationInput {
  @Field({ description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  city?: string;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude; give lat and lng together.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude; give lat and lng together.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;
}

/**
 * The fields both creating and updating may set. In an update, a field left out stays as it
 * is and a field given as null is cleared.
 */
@InputType({ isAbstract: true })
export abstract class OpportunityDetailsInput {
  @Field(() => [LocalizedTextInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique(byLang, ONE_LANGUAGE_EACH)
  @ValidateNested({ each: true })
  @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput[] | null;

  @Field(() => [LearningOutcomeInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LearningOutcomeInput)
  learningOutcomes?: LearningOutcomeInput[] | null;

  @Field(() => Int, { nullable: true, description: 'EQF level 1–8' })
  @IsOptional()
  @IsEqfLevel()
  eqfLevel?: number | null;

  @Field(() => QfEheaCycleEnum, { nullable: true })
  @IsOptional()
  @IsIn(QF_EHEA_CYCLES)
  qfEheaCycle?: QfEheaCycle | null;

  @Field(() => String, {
    nullable: true,
    description: 'As the national framework names it ("Level 6"), or a Europass QDR NQF concept IRI (http://data.europa.eu/snb/qdr/…), which ELM exports carry as NQFLevel.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nqfLevel?: string | null;

  @Field(() => Float, { nullable: true, description: 'ECTS credits, at least 0, at most two decimals.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number with at most two decimals' })
  @Min(0)
  @Max(999)
  ectsCredits?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  workloadHours?: number | null;

  @Field(() => [String], { nullable: true, description: 'ISCED-F 2013 codes, e.g. "0613"' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIscedFCode({ each: true })
  iscedFCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 languages of instruction' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages?: string[] | null;

  @Field(() => LearningAssessmentModeEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEARNING_ASSESSMENT_MODES)
  mode?: LearningAssessmentMode | null;

  @Field(() => LearningSettingEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEARNING_SETTINGS)
  learningSetting?: LearningSetting | null;

  @Field(() => LearningOpportunityTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(LEARNING_OPPORTUNITY_TYPES)
  type?: LearningOpportunityType | null;

  @Field(() => [AssessmentTypeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ASSESSMENT_TYPES, { each: true })
  assessmentTypes?: AssessmentType[] | null;

  @Field(() => SupervisionVerificationEnum, { nullable: true })
  @IsOptional()
  @IsIn(SUPERVISION_VERIFICATIONS)
  supervisionVerification?: SupervisionVerification | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  qualityAssurance?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  prerequisites?: string | null;

  @Field(() => StackabilityEnum, { nullable: true })
  @IsOptional()
  @IsIn(STACKABILITIES)
  stackability?: Stackability | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  stacksTowards?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  gradingScheme?: string | null;

  @Field(() => PriceInput, { nullable: true, description: 'Setting a price makes the opportunity not free.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceInput)
  price?: PriceInput | null;

  @Field(() => Boolean, { nullable: true, description: 'true: free of charge (clears the price). Not together with price.' })
  @IsOptional()
  @IsBoolean()
  free?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'e.g. "voucher-eligible"' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  fundingSchemes?: string[] | null;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInput)
  location?: LocationInput | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startDate?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Not before startDate.' })
  @IsOptional()
  @IsDate()
  endDate?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Not after endDate.' })
  @IsOptional()
  @IsDate()
  applicationDeadline?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  schedule?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(WEB_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  landingPage?: string | null;
}

@InputType()
export class CreateOpportunityInput extends OpportunityDetailsInput {
  @Field(() => ID, { nullable: true, description: "The provider; defaults to the caller's own (required for ADMIN)." })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @Field(() => [LocalizedTitleInput], { description: 'At least one language.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique(byLang, ONE_LANGUAGE_EACH)
  @ValidateNested({ each: true })
  @Type(() => LocalizedTitleInput)
  title: LocalizedTitleInput[];
}

@InputType()
export class UpdateOpportunityInput extends OpportunityDetailsInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is a CONFLICT.' })
  @IsInt()
  version: number;

  @Field(() => [LocalizedTitleInput], { nullable: true, description: 'Replaces every title; may not be emptied.' })
  // Unlike the other fields, null does not clear it: a title is mandatory.
  @ValidateIf((input: UpdateOpportunityInput) => input.title !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique(byLang, ONE_LANGUAGE_EACH)
  @ValidateNested({ each: true })
  @Type(() => LocalizedTitleInput)
  title?: LocalizedTitleInput[];
}

@InputType({ description: 'Which opportunity, at which version (a stale one is a CONFLICT).' })
export class OpportunityVersionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}
