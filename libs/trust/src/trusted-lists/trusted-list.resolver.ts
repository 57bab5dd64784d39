import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, pickByKeys, requestLoader } from '#platform';
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
  async anchors(@Parent() list: TrustedListEntity, @Context() context: object): Promise<TrustAnchorEntity[]> {
    // One query for the anchors of every list in the answer, not one per list.
    const loader = requestLoader(context, 'trustedListAnchors', async (ids: readonly string[]) => pickByKeys(ids, await this.service.anchorsOf(ids), (a) => a.id));
    const anchors = (await loader.loadMany(list.anchorIds)).filter((a): a is TrustAnchorEntity => a instanceof TrustAnchorEntity);
    return anchors.sort((a, b) => byServiceName(a, b) || (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  }
}

/** By service name, unnamed last (as PostgreSQL orders NULLs ascending). */
function byServiceName(a: TrustAnchorEntity, b: TrustAnchorEntity): number {
  if (a.serviceName === b.serviceName) return 0;
  if (a.serviceName === null) return 1;
  if (b.serviceName === null) return -1;
  return a.serviceName < b.serviceName ? -1 : 1;
}
