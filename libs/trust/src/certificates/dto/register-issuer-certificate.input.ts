import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MAX_PEM_LENGTH } from '../../decision/dto/issuer-trust.input.js';

@InputType()
export class RegisterIssuerCertificateInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field({ description: 'The sealing certificate, PEM.' })
  @IsString()
  @MaxLength(MAX_PEM_LENGTH)
  certificatePem: string;

  @Field({ nullable: true, description: 'Intermediate CA certificates up to a trust anchor, PEM.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PEM_LENGTH)
  intermediatesPem?: string;

  @Field({ nullable: true, description: "ADMIN only: register although the certificate's organizationIdentifier differs from the legal identifier." })
  @IsOptional()
  @IsBoolean()
  allowIdentifierMismatch?: boolean;
}
