import { Injectable } from '@nestjs/common';
import { type Caller, groupByKeys, pickByKeys, requestLoader } from '#platform';
import { type OrganisationEntity, OrganisationService } from '#registry';
import type DataLoader from 'dataloader';
import type { LearningOpportunityEntity } from './opportunity/opportunity.entity.js';
import type { OpportunityStatus } from './opportunity/opportunity.enums.js';
import { OpportunityService } from './opportunity/opportunity.service.js';

/** The catalogue's per-request DataLoaders: one query per level of a GraphQL answer, not one per parent. */
@Injectable()
export class CatalogueLoaders {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly opportunities: OpportunityService,
  ) {}

  provider(context: object): DataLoader<string, OrganisationEntity | null> {
    return requestLoader(context, 'catalogue.provider', async (ids: readonly string[]) =>
      pickByKeys(ids, await this.organisations.findByIds(ids), (o) => o.id),
    );
  }

  /** Keyed by provider; one loader per combination of arguments, since they shape the query. */
  opportunitiesOf(context: object, caller: Caller, status: OpportunityStatus | undefined, first: number): DataLoader<string, LearningOpportunityEntity[]> {
    return requestLoader(context, `catalogue.opportunitiesOf:${status ?? '*'}:${first}`, async (ids: readonly string[]) =>
      groupByKeys(ids, await this.opportunities.ofProviders(caller, ids, status, first), (o) => o.providerId),
    );
  }
}
