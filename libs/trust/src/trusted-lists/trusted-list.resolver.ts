import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller } from '#platform';
import { TrustAnchorEntity } from '../anchors/trust-anchor.entity.js';
import { ImportTrustedListInput, TrustedListImport } from './dto/import-trusted-list.input.js';
import { TrustedListEntity } from './trusted-list.entity.js';
import { TrustedListService } from './trusted-list.service.js';

/** ETSI trusted lists: import one (ADMIN), see what was imported. */
@Resolver(() => TrustedListEntity)
export class TrustedListResolver {
  constructor(private readonly service: TrustedListService) {}

  @Mutation(() => TrustedListImport, {
    description:
      'ADMIN. Imports an ETSI TS 119 612 trusted list or the EU list of trusted lists, verified against signerCertificatesPem or, for a national list, the signers the last imported LOTL names.',
  })
  importTrustedList(@CurrentCaller() caller: Caller, @Args('input') input: ImportTrustedListInput): Promise<TrustedListImport> {
    return this.service.import(caller, input);
  }

  @Query(() => [TrustedListEntity], { description: 'Every imported trusted list, by territory, newest first.' })
  trustedLists(): Promise<TrustedListEntity[]> {
    return this.service.list();
  }

  @ResolveField(() => [TrustAnchorEntity], { description: 'The trust anchors this list lists: its CA/QC services for eSeals.' })
  anchors(@Parent() list: TrustedListEntity): Promise<TrustAnchorEntity[]> {
    return this.service.anchorsOf(list.anchorIds);
  }
}
