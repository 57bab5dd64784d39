import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { LARGE_BODY_MUTATIONS } from '#platform';
import { TrustedListEntity } from '../trusted-list.entity.js';

/** The largest list accepted: what the request may carry (the Spanish list is 2.9 MB). */
export const MAX_TRUSTED_LIST_LENGTH = LARGE_BODY_MUTATIONS.importTrustedList;

@InputType()
export class ImportTrustedListInput {
  @Field({ description: 'The trusted list (or the EU list of trusted lists) exactly as published, XML.' })
  @IsString()
  @Length(1, MAX_TRUSTED_LIST_LENGTH)
  xml: string;

  @Field({
    nullable: true,
    description:
      'PEM certificates the list may be signed with. Required for a list of trusted lists (the ones the Commission publishes in the Official Journal); for a national list, default: the signers the last imported LOTL names for its territory.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64 * 1024)
  signerCertificatesPem?: string;
}

@ObjectType('TrustedListImport')
export class TrustedListImport {
  @Field()
  territory: string;

  @Field(() => Int)
  sequenceNumber: number;

  @Field()
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  nextUpdate: Date | null;

  @Field(() => Int, { description: 'Anchors this list made that were not anchors before.' })
  anchorsAdded: number;

  @Field(() => Int, { description: 'Existing anchors whose status history this list extended.' })
  anchorsUpdated: number;

  @Field({ description: 'True when this sequence number of this territory was imported before: nothing changed.' })
  unchanged: boolean;

  @Field(() => [String], { description: 'E.g. its NextUpdate has passed; a listed certificate was skipped, and why.' })
  warnings: string[];

  @Field(() => TrustedListEntity)
  trustedList: TrustedListEntity;
}
