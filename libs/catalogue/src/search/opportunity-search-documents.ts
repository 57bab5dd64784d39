import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, groupBy } from '#platform';
import { AccreditationService, accreditedWindows, OrganisationService, PROVIDER_CHANGED_TOPIC, RecognitionService } from '#registry';
import { type DocumentChanges, type OpportunityDocument, type OutboxChange, SearchDocumentSource, type WindowSlot } from '#search';
import { type DataSource, In } from 'typeorm';
import { LearningOpportunityEntity } from '../opportunity/opportunity.entity.js';
import { OPPORTUNITY_CHANGED_TOPIC } from '../opportunity/opportunity.service.js';
import { windowSlots } from './accreditation-windows.js';
import { type ProviderSummary, toSearchDocument } from './search-document.js';

const NO_ID = '00000000-0000-0000-0000-000000000000';
/** Providers a rebuild keeps shaped (a few hundred bytes each). */
const MAX_KNOWN_PROVIDERS = 200_000;

interface ShapedProvider {
  summary: ProviderSummary;
  windows: WindowSlot[];
}

/**
 * The catalogue's side of the indexer: the current search documents for outbox changes, and all
 * of them for a rebuild. Reads the provider's registry record through the registry's services.
 */
@Injectable()
export class OpportunitySearchDocuments extends SearchDocumentSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationService,
    private readonly accreditations: AccreditationService,
    private readonly recognitions: RecognitionService,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** `opportunity` rows: that opportunity, or its removal; `provider` rows: all its published ones. */
  async documentsFor(changes: readonly OutboxChange[]): Promise<DocumentChanges> {
    const ids = (topic: string) => [...new Set(changes.filter((c) => c.topic === topic).map((c) => c.aggregateId))];
    const opportunityIds = ids(OPPORTUNITY_CHANGED_TOPIC);
    const providerIds = ids(PROVIDER_CHANGED_TOPIC);
    const repository = this.dataSource.getRepository(LearningOpportunityEntity);
    const rows = [
      ...(opportunityIds.length > 0 ? await repository.findBy({ id: In(opportunityIds) }) : []),
      ...(providerIds.length > 0 ? await repository.findBy({ providerId: In(providerIds), status: 'PUBLISHED' }) : []),
    ];
    const published = [...new Map(rows.filter((o) => o.status === 'PUBLISHED').map((o) => [o.id, o])).values()];
    // A draft, or one archived as a draft, was never sent: nothing to remove (and no task to wait for).
    const neverIndexed = new Set(rows.filter((o) => o.status !== 'PUBLISHED' && o.publishedAt === null).map((o) => o.id));
    const keep = new Set([...published.map((o) => o.id), ...neverIndexed]);
    return { upserts: await this.shape(published), deletes: opportunityIds.filter((id) => !keep.has(id)) };
  }

  countAll(): Promise<number> {
    return this.dataSource.getRepository(LearningOpportunityEntity).countBy({ status: 'PUBLISHED' });
  }

  async *allDocuments(batchSize: number): AsyncIterable<OpportunityDocument[]> {
    let after = NO_ID;
    // Batches go by opportunity id, so each meets most providers again: their records are read and
    // their windows computed once per rebuild instead of once per batch (bounded).
    const known = new Map<string, ShapedProvider>();
    for (;;) {
      const batch = await this.dataSource
        .getRepository(LearningOpportunityEntity)
        .createQueryBuilder('o')
        .where('o.status = :status', { status: 'PUBLISHED' })
        .andWhere('o.id > :after', { after })
        .orderBy('o.id', 'ASC')
        .limit(batchSize)
        .getMany();
      if (batch.length === 0) return;
      yield await this.shape(batch, known);
      after = batch[batch.length - 1].id;
    }
  }

  private async shape(opportunities: readonly LearningOpportunityEntity[], known?: Map<string, ShapedProvider>): Promise<OpportunityDocument[]> {
    if (opportunities.length === 0) return [];
    const ids = [...new Set(opportunities.map((o) => o.providerId))];
    let providers: Map<string, ShapedProvider>;
    if (known) {
      if (known.size + ids.length > MAX_KNOWN_PROVIDERS) known.clear();
      const missing = ids.filter((id) => !known.has(id));
      for (const [id, provider] of missing.length > 0 ? await this.providers(missing) : []) known.set(id, provider);
      providers = known;
    } else providers = await this.providers(ids);
    return opportunities.flatMap((opportunity) => {
      const provider = providers.get(opportunity.providerId);
      return provider ? [toSearchDocument(opportunity, provider.summary, provider.windows)] : [];
    });
  }

  /** Each provider's name and country, and its accreditation windows from now on. */
  private async providers(ids: string[]): Promise<Map<string, ShapedProvider>> {
    const [organisations, organisationStatus, accreditations] = await Promise.all([
      this.organisations.findByIds(ids),
      this.organisations.statusEntries(ids),
      this.accreditations.forProviders(ids),
    ]);
    const accreditationIds = accreditations.map((a) => a.id);
    const agencyIds = [...new Set(accreditations.map((a) => a.accreditingAgentId))];
    const [accreditationStatus, recognitions] = await Promise.all([
      accreditationIds.length > 0 ? this.accreditations.statusEntries(accreditationIds) : [],
      agencyIds.length > 0 ? this.recognitions.forAgencies(agencyIds) : [],
    ]);
    const now = this.clock.now();
    // Grouped once, so that shaping a batch stays linear in its size.
    const organisationStatusOf = groupBy(organisationStatus, (e) => e.organisationId);
    const accreditationsOf = groupBy(accreditations, (a) => a.accreditedOrganisationId);
    const accreditationStatusOf = groupBy(accreditationStatus, (e) => e.accreditationId);
    const recognitionsOf = groupBy(recognitions, (r) => r.agencyId);
    return new Map(
      organisations.map((organisation) => {
        const windows = accreditedWindows({
          country: organisation.country,
          statusHistory: organisationStatusOf.get(organisation.id) ?? [],
          accreditations: (accreditationsOf.get(organisation.id) ?? []).map((a) => ({
            decision: a.decision,
            validFrom: a.validFrom,
            expiresAt: a.expiresAt,
            statusHistory: accreditationStatusOf.get(a.id) ?? [],
            agencyRecognitions: recognitionsOf.get(a.accreditingAgentId) ?? [],
          })),
        });
        const summary = { id: organisation.id, legalName: organisation.legalName, country: organisation.country };
        return [organisation.id, { summary, windows: windowSlots(windows, now) }];
      }),
    );
  }
}
