import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { StatusChangeInput } from '../../status-change.input.js';
import { IsCountryCode, IsLegalIdentifier } from '#platform';
import {
  ORGANISATION_KINDS,
  OTHER_IDENTIFIER_SCHEMES,
  type OrganisationKind,
  OrganisationKindEnum,
  type OtherIdentifierScheme,
  OtherIdentifierSchemeEnum,
} from '../organisation.entity.js';
import { ORGANISATION_STATUSES, type OrganisationStatus, OrganisationStatusEnum } from '../organisation-status-entry.entity.js';

const WEB_URL = { protocols: ['http', 'https'], require_protocol: true };

@InputType()
export class OtherIdentifierInput {
  @Field(() => OtherIdentifierSchemeEnum)
  @IsIn(OTHER_IDENTIFIER_SCHEMES)
  scheme: OtherIdentifierScheme;

  @Field()
  @IsString()
  @Length(1, 200)
  value: string;
}

@InputType()
export class RegisterOrganisationInput {
  @Field(() => OrganisationKindEnum)
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @Field()
  @IsString()
  @Length(1, 500)
  legalName: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  alternativeNames?: string[];

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "FI"' })
  @IsCountryCode()
  country: string;

  @Field({ nullable: true, description: 'NUTS code, e.g. "FI1D"' })
  @IsOptional()
  @Matches(/^[A-Z]{2}[A-Z0-9]{1,3}$/, { message: 'must be a NUTS code, e.g. "FI1D"' })
  region?: string;

  @Field({ description: 'eIDAS organizationIdentifier form, e.g. "VATES-A00000000" or "NTREE-17207834"' })
  @IsLegalIdentifier()
  legalIdentifier: string;

  @Field(() => [OtherIdentifierInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OtherIdentifierInput)
  otherIdentifiers?: OtherIdentifierInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(WEB_URL, { message: 'must be an http(s) URL' })
  @Length(1, 2000)
  homepage?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @Length(1, 320)
  email?: string;
}

@InputType()
export class ChangeOrganisationStatusInput extends StatusChangeInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field(() => OrganisationStatusEnum)
  @IsIn(ORGANISATION_STATUSES)
  status: OrganisationStatus;
}

export const ACCREDITATION_STATES = ['ACCREDITED', 'NOT_ACCREDITED'] as const;
export type AccreditationState = (typeof ACCREDITATION_STATES)[number];
export const AccreditationStateEnum = { ACCREDITED: 'ACCREDITED', NOT_ACCREDITED: 'NOT_ACCREDITED' } as const;
registerEnumType(AccreditationStateEnum, {
  name: 'AccreditationState',
  description: 'ACCREDITED: holds an accreditation that is in force now (positive, valid, active, by a recognised agency).',
});

@InputType()
export class OrganisationFilter {
  @Field(() => OrganisationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => AccreditationStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(ACCREDITATION_STATES)
  accreditationState?: AccreditationState;

  @Field({ nullable: true, description: 'Exact legal identifier.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  legalIdentifier?: string;
}

@ArgsType()
export class OrganisationsArgs {
  @Field(() => OrganisationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationFilter)
  filter?: OrganisationFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, at most 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  after?: string;
}
