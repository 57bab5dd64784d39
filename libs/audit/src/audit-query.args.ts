import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsNumberString, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const AUDITED_ENTITY_TYPES = [
  'ApiKey',
  'Organisation',
  'AgencyRecognition',
  'Accreditation',
  'LearningOpportunity',
  'TrustAnchor',
  'IssuerCertificate',
  'IssuerDid',
  /** A bulk change to the registry as a whole (the scale generator); the entity id names the load. */
  'Registry',
] as const;

@ArgsType()
export class AuditQueryArgs {
  @Field({ nullable: true, description: `One of ${AUDITED_ENTITY_TYPES.join(', ')}.` })
  @IsOptional()
  @IsIn(AUDITED_ENTITY_TYPES)
  entityType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @Field(() => ID, { nullable: true, description: 'Only events older than this one.' })
  @IsOptional()
  @IsNumberString()
  beforeId?: string;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(500)
  first: number;
}
