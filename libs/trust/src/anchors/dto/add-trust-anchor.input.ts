import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MAX_PEM_LENGTH } from '../../decision/dto/issuer-trust.input.js';

@InputType()
export class AddTrustAnchorInput {
  @Field({ description: 'The CA certificate, PEM.' })
  @IsString()
  @MaxLength(MAX_PEM_LENGTH)
  certificatePem: string;
}
