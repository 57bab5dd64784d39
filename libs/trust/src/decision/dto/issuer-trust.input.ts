import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsCountryCode, IsEqfLevel, IsIscedFCode } from '#platform';

/** Largest PEM (certificate or intermediates) a question may carry. */
export const MAX_PEM_LENGTH = 64 * 1024;
/** did:<method>:<method-specific id>, per DID Core §3.1 (percent-encoding allowed). */
export const DID_SYNTAX = /^did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*(?::(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*)*$/;

/**
 * "Was this issuer trusted for this at that time?" — one identity (exactly one of the first five
 * fields), a time and an optional scope. The same input serves GraphQL and REST.
 */
@InputType()
export class IssuerTrustInput {
  @Field({ nullable: true, description: 'The sealing certificate, PEM.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PEM_LENGTH)
  certificatePem?: string;

  @Field({ nullable: true, description: 'Intermediate CA certificates for an unregistered certificate, PEM.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PEM_LENGTH)
  intermediatesPem?: string;

  @Field({ nullable: true, description: 'SHA-256 of a registered certificate: 64 hex digits.' })
  @IsOptional()
  @Matches(/^[0-9A-Fa-f]{64}$/, { message: 'must be a SHA-256 fingerprint: 64 hexadecimal digits, no colons' })
  certificateSha256?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(7, 2048)
  @Matches(DID_SYNTAX, { message: 'must be a DID, e.g. did:ebsi:zvHWX359A3CvfJnCYaAiAde' })
  did?: string;

  @Field({ nullable: true, description: 'A legal identifier (e.g. VATES-A00000000) or another registered identifier.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  organisationIdentifier?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field({ nullable: true, description: 'When the credential was sealed; default now.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'must be an ISO 8601 date-time' })
  at?: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsEqfLevel()
  eqfLevel?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsIscedFCode()
  iscedFCode?: string;

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;
}

export const IDENTITY_FIELDS = ['certificatePem', 'certificateSha256', 'did', 'organisationIdentifier', 'organisationId'] as const;
