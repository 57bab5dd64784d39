import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** Revoking an anchor, a certificate or a DID: final, with a reason and the time it takes effect. */
@InputType()
export class RevokeKeyInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  @IsString()
  @Length(1, 2000)
  reason: string;

  @Field({ nullable: true, description: 'When the key stopped being trustworthy; default now. May be in the past (a key compromised earlier).' })
  @IsOptional()
  @IsDate()
  effectiveAt?: Date;
}
