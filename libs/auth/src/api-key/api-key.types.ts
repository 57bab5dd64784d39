import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { type Role, ROLES } from '#platform';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'ADMIN (operator), QUALITY_AGENCY or PROVIDER (bound to one organisation), or VERIFIER (bound to none; manages only its own webhook subscriptions)',
});

@ObjectType('ApiKey', { description: 'An API key; its token is shown only once, when it is created.' })
export class ApiKeyType {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => RoleEnum)
  role: Role;
  @Field(() => ID, { nullable: true, description: 'The organisation the key acts for (none for ADMIN and VERIFIER keys).' })
  organisationId: string | null;
  @Field({ description: 'The first characters of the token, to tell keys apart.' })
  tokenPrefix: string;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;
  @Field({ description: 'The bearer token. It is not stored and cannot be shown again.' })
  token: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "FINEEC register sync".' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for QUALITY_AGENCY and PROVIDER keys.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
