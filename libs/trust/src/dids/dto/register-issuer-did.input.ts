import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID, Length, Matches } from 'class-validator';
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
}
