import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length } from 'class-validator';
import { StatusChangeInput } from '../../status-change.input.js';
import { ACCREDITATION_TYPES, type AccreditationType, IsCountryCode, IsEqfLevel, IsIscedFCode } from '#platform';
import { ACCREDITATION_DECISIONS, type AccreditationDecision, AccreditationDecisionEnum, AccreditationTypeEnum } from '../accreditation.entity.js';
import { ACCREDITATION_STATUSES, type AccreditationStatus, AccreditationStatusEnum } from '../accreditation-status-entry.entity.js';

const WEB_URL = { protocols: ['http', 'https'], require_protocol: true };

@InputType()
export class RecordAccreditationInput {
  @Field(() => ID, { description: 'The provider the decision is about.' })
  @IsUUID()
  accreditedOrganisationId: string;

  @Field(() => ID, { nullable: true, description: "The deciding agency; defaults to the caller's own (required for ADMIN)." })
  @IsOptional()
  @IsUUID()
  accreditingAgentId?: string;

  @Field(() => AccreditationTypeEnum)
  @IsIn(ACCREDITATION_TYPES)
  type: AccreditationType;

  @Field()
  @IsString()
  @Length(1, 500)
  title: string;

  @Field(() => AccreditationDecisionEnum)
  @IsIn(ACCREDITATION_DECISIONS)
  decision: AccreditationDecision;

  @Field({ description: 'The decision date.' })
  @IsDate()
  issuedAt: Date;

  @Field()
  @IsDate()
  validFrom: Date;

  @Field({ nullable: true, description: 'Not after expiresAt.' })
  @IsOptional()
  @IsDate()
  reviewDate?: Date;

  @Field({ description: 'Exclusive; after validFrom.' })
  @IsDate()
  expiresAt: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(WEB_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  reportUrl?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(WEB_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  landingPage?: string;

  @Field(() => [Int], { nullable: true, description: 'EQF levels 1–8; none = all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsEqfLevel({ each: true })
  limitEqfLevels?: number[];

  @Field(() => [String], { nullable: true, description: 'ISCED-F codes; none = all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @IsIscedFCode({ each: true })
  limitFields?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 countries; none = all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @IsCountryCode({ each: true })
  limitJurisdictions?: string[];

  @Field(() => [ID], { nullable: true, description: 'Learning opportunity ids; none = all.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  limitOpportunities?: string[];

  @Field(() => ID, { nullable: true, description: 'The earlier accreditation this one replaces; it becomes SUPERSEDED from validFrom.' })
  @IsOptional()
  @IsUUID()
  supersedesId?: string;
}

@InputType()
export class ChangeAccreditationStatusInput extends StatusChangeInput {
  @Field(() => ID)
  @IsUUID()
  accreditationId: string;

  @Field(() => AccreditationStatusEnum, { description: 'SUSPENDED, WITHDRAWN (final) or ACTIVE (reinstate).' })
  @IsIn(ACCREDITATION_STATUSES)
  status: AccreditationStatus;
}

@ArgsType()
export class DueForReviewArgs {
  @Field({ description: 'Accreditations whose review date is before this instant.' })
  @IsDate()
  before: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
