import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, Clock, CurrentCaller } from '#platform';
import { KeyStatusFields } from '../key-status/key-status-fields.js';
import { RevokeKeyInput } from '../key-status/revoke-key.input.js';
import { TrustLoaders } from '../trust.loaders.js';
import { AddTrustAnchorInput } from './dto/add-trust-anchor.input.js';
import { TrustAnchorEntity } from './trust-anchor.entity.js';
import { TrustAnchorService } from './trust-anchor.service.js';

/** Trust anchors: who may issue seals. */
@Resolver(() => TrustAnchorEntity)
export class TrustAnchorResolver extends KeyStatusFields(TrustAnchorEntity) {
  constructor(
    private readonly anchors: TrustAnchorService,
    loaders: TrustLoaders,
    clock: Clock,
  ) {
    super(loaders, clock);
  }

  @Mutation(() => TrustAnchorEntity, { description: 'ADMIN. Adds a CA certificate whose seals the registry accepts.' })
  addTrustAnchor(@CurrentCaller() caller: Caller, @Args('input') input: AddTrustAnchorInput): Promise<TrustAnchorEntity> {
    return this.anchors.add(caller, input.certificatePem);
  }

  @Mutation(() => TrustAnchorEntity, { description: 'ADMIN. Final.' })
  revokeTrustAnchor(@CurrentCaller() caller: Caller, @Args('input') input: RevokeKeyInput): Promise<TrustAnchorEntity> {
    return this.anchors.revoke(caller, input);
  }

  @Query(() => [TrustAnchorEntity])
  trustAnchors(): Promise<TrustAnchorEntity[]> {
    return this.anchors.list();
  }
}
