import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { MAX_VERIFICATION_METHODS } from '../did-verification-methods.js';
import { DidVerificationMethodInput } from './did-verification-method.js';
import { DID_SYNTAX } from '../../decision/dto/issuer-trust.input.js';

@InputType()
export class RegisterIssuerDidInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field()
  @Length(7, 2048)
  @Matches(DID_SYNTAX, { message: 'must be a DID, e.g. did:ebsi:zvHWX359A3CvfJnCYaAiAde' })
  did: string;

  @Field(() => [DidVerificationMethodInput], { nullable: true, description: 'The public keys the DID signs with; needed to verify its credentials unless it is a did:key or did:jwk.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VERIFICATION_METHODS)
  @ValidateNested({ each: true })
  @Type(() => DidVerificationMethodInput)
  verificationMethods?: DidVerificationMethodInput[];
}
