import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Clock } from '#platform';
import { statusAt } from '#registry';
import type { TrustLoaders } from '../trust.loaders.js';
import { KeyStatusEntryEntity, KeyStatusEnum, type KeyStatus } from './key-status-entry.entity.js';

/**
 * `statusHistory` and `status(at)`, the same on every key type (anchors, certificates, DIDs): each
 * key's resolver extends this with its own GraphQL type.
 */
export function KeyStatusFields(keyType: abstract new (...args: never[]) => { id: string }) {
  @Resolver(() => keyType, { isAbstract: true })
  abstract class KeyStatusFieldsResolver {
    constructor(
      protected readonly loaders: TrustLoaders,
      protected readonly clock: Clock,
    ) {}

    @ResolveField(() => [KeyStatusEntryEntity])
    statusHistory(@Parent() key: { id: string }, @Context() context: object): Promise<KeyStatusEntryEntity[]> {
      return this.loaders.keyStatus(context).load(key.id);
    }

    @ResolveField(() => KeyStatusEnum, {
      description: 'The status at `at` (default now). A trust anchor from a trusted list is REVOKED before it is first listed, as trust answers treat it.',
    })
    async status(@Parent() key: { id: string; source?: string }, @Context() context: object, @Args('at', { nullable: true, type: () => Date }) at?: Date): Promise<KeyStatus> {
      // Before its first entry a key is active from registration on, except a listed anchor (DESIGN §8.2: not yet listed).
      return statusAt(await this.loaders.keyStatus(context).load(key.id), at ?? this.clock.now()) ?? (key.source === 'TRUSTED_LIST' ? 'REVOKED' : 'ACTIVE');
    }
  }
  return KeyStatusFieldsResolver;
}
