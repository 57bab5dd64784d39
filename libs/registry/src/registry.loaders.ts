import { Injectable } from '@nestjs/common';
import { groupByKeys, pickByKeys, requestLoader } from '#platform';
import type DataLoader from 'dataloader';
import type { AccreditationEntity } from './accreditation/accreditation.entity.js';
import { AccreditationService } from './accreditation/accreditation.service.js';
import type { AccreditationStatusEntryEntity } from './accreditation/accreditation-status-entry.entity.js';
import type { OrganisationEntity } from './organisation/organisation.entity.js';
import { OrganisationService } from './organisation/organisation.service.js';
import type { OrganisationStatusEntryEntity } from './organisation/organisation-status-entry.entity.js';
import type { AgencyRecognitionEntity } from './recognition/agency-recognition.entity.js';
import { RecognitionService } from './recognition/recognition.service.js';

/**
 * The registry's per-request DataLoaders: each nested field of a GraphQL answer is loaded with one
 * query per level, however many parents ask (no N+1).
 */
@Injectable()
export class RegistryLoaders {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly accreditations: AccreditationService,
    private readonly recognitions: RecognitionService,
  ) {}

  organisation(context: object): DataLoader<string, OrganisationEntity | null> {
    return requestLoader(context, 'organisation', async (ids: readonly string[]) =>
      pickByKeys(ids, await this.organisations.findByIds(ids), (o) => o.id),
    );
  }

  organisationStatusEntries(context: object): DataLoader<string, OrganisationStatusEntryEntity[]> {
    return requestLoader(context, 'organisationStatusEntries', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.organisations.statusEntries(ids), (e) => e.organisationId),
    );
  }

  accreditation(context: object): DataLoader<string, AccreditationEntity | null> {
    return requestLoader(context, 'accreditation', async (ids: readonly string[]) =>
      pickByKeys(ids, await this.accreditations.findByIds(ids), (a) => a.id),
    );
  }

  accreditationsOfProvider(context: object): DataLoader<string, AccreditationEntity[]> {
    return requestLoader(context, 'accreditationsOfProvider', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.accreditations.forProviders(ids), (a) => a.accreditedOrganisationId),
    );
  }

  decisionsOfAgency(context: object): DataLoader<string, AccreditationEntity[]> {
    return requestLoader(context, 'decisionsOfAgency', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.accreditations.forAgencies(ids), (a) => a.accreditingAgentId),
    );
  }

  accreditationStatusEntries(context: object): DataLoader<string, AccreditationStatusEntryEntity[]> {
    return requestLoader(context, 'accreditationStatusEntries', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.accreditations.statusEntries(ids), (e) => e.accreditationId),
    );
  }

  recognitionsOfAgency(context: object): DataLoader<string, AgencyRecognitionEntity[]> {
    return requestLoader(context, 'recognitionsOfAgency', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.recognitions.forAgencies(ids), (r) => r.agencyId),
    );
  }
}
