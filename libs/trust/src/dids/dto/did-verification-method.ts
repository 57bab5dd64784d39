import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsObject, IsString, Length } from 'class-validator';
import { GraphQLJSON } from 'graphql-type-json';

/** A public key a DID signs with (a DID document's verificationMethod, JsonWebKey form). */
@ObjectType('DidVerificationMethod')
export class DidVerificationMethod {
  @Field({ description: 'The key\'s id: the DID, "#" and a fragment, as a signature\'s kid names it.' })
  id: string;

  @Field(() => GraphQLJSON, { description: 'The public key as a JWK (no private members).' })
  publicKeyJwk: Record<string, unknown>;
}

@InputType()
export class DidVerificationMethodInput {
  @Field({ description: 'The DID, "#" and a fragment, or just "#" and the fragment.' })
  @IsString()
  @Length(2, 2200)
  id: string;

  @Field(() => GraphQLJSON, { description: 'The public key as a JWK (EC P-256/P-384/P-521, OKP Ed25519 or RSA); private members are refused.' })
  @IsObject()
  publicKeyJwk: Record<string, unknown>;
}
