import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Actor, type Caller, Clock, DomainError, type ImportOptions, OutboxService, requireAdminOrOwn, requireAuthenticated, transactionOrDryRun } from '#platform';
import { AuditService } from '#audit';
import { OrganisationService, recordStatusAt } from '#registry';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { CreateOpportunityInput, OpportunityVersionInput, UpdateOpportunityInput } from './dto/opportunity.inputs.js';
import { applyDetails, type DetailsInput, detailsProblems, EMPTY_DETAILS, type OpportunityDetails } from './opportunity-details.js';
import { LearningOpportunityEntity } from './opportunity.entity.js';
import type { OpportunityStatus } from './opportunity.enums.js';

/** Which status may follow which. ARCHIVED is final. */
/** The outbox topic the catalogue writes: one learning opportunity changed (the aggregate id is its id). */
export const OPPORTUNITY_CHANGED_TOPIC = 'opportunity';

const NEXT_STATUS: Record<'publish' | 'archive', { from: OpportunityStatus[]; to: OpportunityStatus }> = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  archive: { from: ['DRAFT', 'PUBLISHED'], to: 'ARCHIVED' },
};

@Injectable()
export class OpportunityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly organisations: OrganisationService,
    private readonly clock: Clock,
  ) {}

  /**
   * A provider creates a DRAFT for itself; the operator (ADMIN) for any provider. The provider
   * must be a PROVIDER that has not been suspended or deregistered.
   */
  async create(caller: Caller, input: CreateOpportunityInput, options: ImportOptions = {}): Promise<LearningOpportunityEntity> {
    const known = requireAuthenticated(caller);
    const providerId = input.providerId ?? (known.kind === 'organisation' ? known.organisationId : undefined);
    if (!providerId) throw DomainError.badInput([{ field: 'input.providerId', message: 'is required when the operator creates an opportunity' }]);
    const actor = requireAdminOrOwn(caller, providerId, ['PROVIDER']);
    const details = this.checkedDetails(EMPTY_DETAILS, input);
    await this.assertActiveProvider(providerId);

    return transactionOrDryRun(this.dataSource, options, async (manager) => {
      const repository = manager.getRepository(LearningOpportunityEntity);
      const opportunity = await repository.save(repository.create({ ...details, providerId, status: 'DRAFT', elmId: options.elmId ?? null }));
      await this.recordChange(manager, actor, 'opportunity.created', opportunity.id, { ...input, providerId, ...(options.elmId ? { elmId: options.elmId } : {}) });
      // An import creates what a register publishes: the opportunity is public at once (one more event, same transaction).
      if (options.elmId) return this.applyStatus(manager, actor, opportunity, 'publish');
      return opportunity;
    });
  }

  /** Opportunities by the ELM ids they were imported with. */
  findByElmIds(elmIds: readonly string[]): Promise<LearningOpportunityEntity[]> {
    if (elmIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LearningOpportunityEntity).findBy({ elmId: In([...elmIds]) });
  }

  /** Opportunities by id, whatever their status, for an import that must compare before it writes (it authorises by provider). */
  findByIds(ids: readonly string[]): Promise<LearningOpportunityEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LearningOpportunityEntity).findBy({ id: In([...ids]) });
  }

  /** The provider itself or ADMIN; at the version read. An archived opportunity no longer changes. */
  async update(caller: Caller, input: UpdateOpportunityInput, options: ImportOptions = {}): Promise<LearningOpportunityEntity> {
    return transactionOrDryRun(this.dataSource, options, async (manager) => {
      const { opportunity, actor } = await this.lockForChange(manager, caller, input);
      if (opportunity.status === 'ARCHIVED') {
        throw DomainError.badInput([{ field: 'input.id', message: 'the opportunity is ARCHIVED; that is final' }]);
      }
      const { id, version, ...changes } = input;
      const details = this.checkedDetails(opportunity, changes);
      await manager.getRepository(LearningOpportunityEntity).save({ ...opportunity, ...details });
      await this.recordChange(manager, actor, 'opportunity.updated', id, { ...changes, version });
      return manager.getRepository(LearningOpportunityEntity).findOneByOrFail({ id });
    });
  }

  /** DRAFT → PUBLISHED: public and searchable from now on. */
  publish(caller: Caller, input: OpportunityVersionInput): Promise<LearningOpportunityEntity> {
    return this.changeStatus(caller, input, 'publish');
  }

  /** DRAFT or PUBLISHED → ARCHIVED: no longer public or searchable; final. */
  archive(caller: Caller, input: OpportunityVersionInput): Promise<LearningOpportunityEntity> {
    return this.changeStatus(caller, input, 'archive');
  }

  /** A PUBLISHED opportunity for anyone; a DRAFT or ARCHIVED one only for its provider and ADMIN. */
  async findVisible(caller: Caller, id: string): Promise<LearningOpportunityEntity | null> {
    const opportunity = await this.dataSource.getRepository(LearningOpportunityEntity).findOneBy({ id });
    return opportunity && (opportunity.status === 'PUBLISHED' || seesEverythingOf(caller, opportunity.providerId)) ? opportunity : null;
  }

  /** PUBLISHED opportunities by id (others are left out), for search hits. */
  findPublished(ids: readonly string[]): Promise<LearningOpportunityEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LearningOpportunityEntity).findBy({ id: In([...ids]), status: 'PUBLISHED' });
  }

  /**
   * Each provider's opportunities that the caller may see, most recently changed first, at most
   * `first` per provider; optionally of one status.
   */
  async ofProviders(caller: Caller, providerIds: readonly string[], status: OpportunityStatus | undefined, first: number): Promise<LearningOpportunityEntity[]> {
    const seeAll = providerIds.filter((id) => seesEverythingOf(caller, id));
    const ranked: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (
         SELECT o.id, row_number() OVER (PARTITION BY o.provider_id ORDER BY o.updated_at DESC, o.id) AS n
           FROM learning_opportunities o
          WHERE o.provider_id = ANY($1::uuid[])
            AND ($2::text IS NULL OR o.status = $2)
            AND (o.status = 'PUBLISHED' OR o.provider_id = ANY($3::uuid[]))
       ) ranked WHERE n <= $4`,
      [providerIds, status ?? null, seeAll, first],
    );
    if (ranked.length === 0) return [];
    return this.dataSource
      .getRepository(LearningOpportunityEntity)
      .find({ where: { id: In(ranked.map((r) => r.id)) }, order: { updatedAt: 'DESC', id: 'ASC' } });
  }

  private async changeStatus(caller: Caller, input: OpportunityVersionInput, transition: keyof typeof NEXT_STATUS): Promise<LearningOpportunityEntity> {
    const { from, to } = NEXT_STATUS[transition];
    return this.dataSource.transaction(async (manager) => {
      const { opportunity, actor } = await this.lockForChange(manager, caller, input);
      if (!from.includes(opportunity.status)) {
        throw DomainError.badInput([{ field: 'input.id', message: `the opportunity is ${opportunity.status}; only ${from.join(' or ')} can become ${to}` }]);
      }
      return this.applyStatus(manager, actor, opportunity, transition);
    });
  }

  private async applyStatus(
    manager: EntityManager,
    actor: Actor,
    opportunity: LearningOpportunityEntity,
    transition: keyof typeof NEXT_STATUS,
  ): Promise<LearningOpportunityEntity> {
    const { to } = NEXT_STATUS[transition];
    if (to === 'PUBLISHED') await this.assertActiveProvider(opportunity.providerId);
    const now = this.clock.now();
    await manager.getRepository(LearningOpportunityEntity).save({
      ...opportunity,
      status: to,
      ...(to === 'PUBLISHED' ? { publishedAt: now } : { archivedAt: now }),
    });
    await this.recordChange(manager, actor, `opportunity.${transition === 'publish' ? 'published' : 'archived'}`, opportunity.id, { status: to });
    return manager.getRepository(LearningOpportunityEntity).findOneByOrFail({ id: opportunity.id });
  }

  /** Locks the row, then checks who asks and which version they read. */
  private async lockForChange(
    manager: EntityManager,
    caller: Caller,
    input: { id: string; version: number },
  ): Promise<{ opportunity: LearningOpportunityEntity; actor: Actor }> {
    requireAuthenticated(caller);
    const opportunity = await manager
      .getRepository(LearningOpportunityEntity)
      .findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
    if (!opportunity) throw new DomainError('NOT_FOUND', `no learning opportunity ${input.id}`);
    const actor = requireAdminOrOwn(caller, opportunity.providerId, ['PROVIDER']);
    if (opportunity.version !== input.version) {
      throw new DomainError('CONFLICT', `learning opportunity ${input.id} is at version ${opportunity.version}, not ${input.version}: read it again`, [
        { field: 'input.version', message: 'is stale' },
      ]);
    }
    return { opportunity, actor };
  }

  /** The details with `input` applied, or BAD_USER_INPUT naming every field that breaks a rule. */
  private checkedDetails(current: OpportunityDetails, input: DetailsInput): OpportunityDetails {
    const details = applyDetails(current, input);
    const problems = detailsProblems(details, input);
    if (problems.length > 0) throw DomainError.badInput(problems);
    return details;
  }

  private async assertActiveProvider(providerId: string): Promise<void> {
    const provider = await this.organisations.findById(providerId);
    if (!provider) throw DomainError.badInput([{ field: 'input.providerId', message: 'no such organisation' }]);
    if (provider.kind !== 'PROVIDER') throw DomainError.badInput([{ field: 'input.providerId', message: 'must be a PROVIDER' }]);
    const status = recordStatusAt(await this.organisations.statusEntries([providerId]), this.clock.now());
    if (status !== 'ACTIVE') throw new DomainError('FORBIDDEN', `the provider is ${status}; it cannot offer opportunities now`);
  }

  /** Every change: one audit event and one outbox row, in the change's own transaction. */
  private async recordChange(manager: EntityManager, actor: Actor, action: string, id: string, diff: Record<string, unknown>): Promise<void> {
    await this.audit.append(manager, { actor, action, entityType: 'LearningOpportunity', entityId: id, diff });
    await this.outbox.enqueue(manager, OPPORTUNITY_CHANGED_TOPIC, [id]);
  }
}

/** ADMIN, or the provider the opportunities belong to. */
function seesEverythingOf(caller: Caller, providerId: string): boolean {
  return caller.kind === 'admin' || (caller.kind === 'organisation' && caller.role === 'PROVIDER' && caller.organisationId === providerId);
}
