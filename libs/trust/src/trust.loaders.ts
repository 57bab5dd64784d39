import { Injectable } from '@nestjs/common';
import { groupByKeys, requestLoader } from '#platform';
import type DataLoader from 'dataloader';
import { IssuerCertificateService } from './certificates/issuer-certificate.service.js';
import type { IssuerCertificateEntity } from './certificates/issuer-certificate.entity.js';
import { IssuerDidService } from './dids/issuer-did.service.js';
import type { IssuerDidEntity } from './dids/issuer-did.entity.js';
import type { KeyStatusEntryEntity } from './key-status/key-status-entry.entity.js';
import { KeyStatusService } from './key-status/key-status.service.js';

/** Per-request DataLoaders for the trust context's nested fields. */
@Injectable()
export class TrustLoaders {
  constructor(
    private readonly certificates: IssuerCertificateService,
    private readonly dids: IssuerDidService,
    private readonly keyStatuses: KeyStatusService,
  ) {}

  certificatesOf(context: object): DataLoader<string, IssuerCertificateEntity[]> {
    return requestLoader(context, 'certificatesOf', async (ids: readonly string[]) => groupByKeys(ids, await this.certificates.forOrganisations(ids), (c) => c.organisationId));
  }

  didsOf(context: object): DataLoader<string, IssuerDidEntity[]> {
    return requestLoader(context, 'didsOf', async (ids: readonly string[]) => groupByKeys(ids, await this.dids.forOrganisations(ids), (d) => d.organisationId));
  }

  keyStatus(context: object): DataLoader<string, KeyStatusEntryEntity[]> {
    return requestLoader(context, 'keyStatus', async (ids: readonly string[]) => groupByKeys(ids, await this.keyStatuses.entries(ids), (e) => e.subjectId));
  }
}
