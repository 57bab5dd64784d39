import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Caller, Clock, CurrentCaller } from '#platform';
import { KeyStatusFields } from '../key-status/key-status-fields.js';
import { RevokeKeyInput } from '../key-status/revoke-key.input.js';
import { TrustLoaders } from '../trust.loaders.js';
import { RegisterIssuerDidInput } from './dto/register-issuer-did.input.js';
import { IssuerDidEntity } from './issuer-did.entity.js';
import { IssuerDidService } from './issuer-did.service.js';

/** Issuer DIDs. */
@Resolver(() => IssuerDidEntity)
export class IssuerDidResolver extends KeyStatusFields(IssuerDidEntity) {
  constructor(
    private readonly dids: IssuerDidService,
    loaders: TrustLoaders,
    clock: Clock,
  ) {
    super(loaders, clock);
  }

  @Mutation(() => IssuerDidEntity, { description: 'The organisation itself or ADMIN.' })
  registerIssuerDid(@CurrentCaller() caller: Caller, @Args('input') input: RegisterIssuerDidInput): Promise<IssuerDidEntity> {
    return this.dids.register(caller, input);
  }

  @Mutation(() => IssuerDidEntity, { description: 'The organisation itself or ADMIN. Final.' })
  revokeIssuerDid(@CurrentCaller() caller: Caller, @Args('input') input: RevokeKeyInput): Promise<IssuerDidEntity> {
    return this.dids.revoke(caller, input);
  }
}
