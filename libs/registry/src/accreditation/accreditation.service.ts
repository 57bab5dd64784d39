import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Actor, type Caller, Clock, DomainError, type FieldProblem, type ImportOptions, OutboxService, requireAuthenticated, actorOf, transactionOrDryRun } from '#platform';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { PROVIDER_CHANGED_TOPIC } from '../outbox-topics.js';
import { RecognitionService } from '../recognition/recognition.service.js';
import { latestEntry } from '../time-rules.js';
import { bumpVersion } from '../versioning.js';
import { AccreditationEntity } from './accreditation.entity.js';
import { type AccreditationStatus, AccreditationStatusEntryEntity } from './accreditation-status-entry.entity.js';
import type { ChangeAccreditationStatusInput, DueForReviewArgs, RecordAccreditationInput } from './dto/accreditation.inputs.js';

/** Which status may follow which, through changeAccreditationStatus. SUPERSEDED comes only from a successor. */
const ALLOWED_CHANGES: Record<AccreditationStatus, AccreditationStatus[]> = {
  ACTIVE: ['SUSPENDED', 'WITHDRAWN'],
  SUSPENDED: ['ACTIVE', 'WITHDRAWN'],
  WITHDRAWN: [],
  SUPERSEDED: [],
};

@Injectable()
export class AccreditationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly recognitions: RecognitionService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * A quality agency records a decision as itself while it is recognised; the operator (ADMIN) may
   * record one on an agency's behalf at any time, historic decisions included (register imports).
   */
  async record(caller: Caller, input: RecordAccreditationInput, options: ImportOptions = {}): Promise<AccreditationEntity> {
    const { actor, agentId } = this.authoriseRecording(caller, input);
    assertDatesInOrder(input);

    return transactionOrDryRun(this.dataSource, options, async (manager) => {
      await this.assertParties(manager, input.accreditedOrganisationId, agentId);
      if (actor.role === 'QUALITY_AGENCY' && !(await this.recognitions.isRecognisedAt(manager, agentId, this.clock.now()))) {
        throw new DomainError('FORBIDDEN', 'the agency is not recognised by the registry now, so it cannot record decisions');
      }
      const predecessor = input.supersedesId ? await this.lockForSuccession(manager, input, agentId) : null;

      const repository = manager.getRepository(AccreditationEntity);
      const accreditation = await repository.save(
        repository.create(accreditationFields(input, agentId, predecessor?.id ?? null, options.elmId ?? null)),
      );
      // A decision may take effect retroactively (validFrom before its date): it stands from whichever comes first.
      const standsFrom = input.validFrom < input.issuedAt ? input.validFrom : input.issuedAt;
      await this.appendStatus(manager, accreditation.id, 'ACTIVE', standsFrom, 'decision recorded', actor);
      if (predecessor) {
        await this.appendStatus(manager, predecessor.id, 'SUPERSEDED', input.validFrom, `superseded by ${accreditation.id}`, actor);
        await bumpVersion(manager, AccreditationEntity, predecessor.id);
      }
      await this.audit.append(manager, {
        actor,
        action: 'accreditation.recorded',
        entityType: 'Accreditation',
        entityId: accreditation.id,
        diff: { ...input, accreditingAgentId: agentId, ...(options.elmId ? { elmId: options.elmId } : {}) },
        trustRelevant: true,
      });
      // The provider's accreditation windows changed: its opportunities are re-indexed.
      await this.outbox.enqueue(manager, PROVIDER_CHANGED_TOPIC, [input.accreditedOrganisationId]);
      return accreditation;
    });
  }

  /**
   * Corrects a recorded decision as a register (an ELM or CSV import) now describes it: same
   * provider and agency, the rules of `record` (the agency itself while recognised, or ADMIN;
   * dates in order), one audit event with what changed. Its status history is not touched.
   */
  async amend(caller: Caller, id: string, input: RecordAccreditationInput, options: ImportOptions = {}): Promise<AccreditationEntity> {
    const { actor, agentId } = this.authoriseRecording(caller, input);
    assertDatesInOrder(input);
    return transactionOrDryRun(this.dataSource, options, async (manager) => {
      const repository = manager.getRepository(AccreditationEntity);
      const accreditation = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!accreditation) throw new DomainError('NOT_FOUND', `no accreditation ${id}`);
      if (accreditation.accreditingAgentId !== agentId) throw new DomainError('FORBIDDEN', 'only the accrediting agency (or the operator) changes this decision');
      if (accreditation.accreditedOrganisationId !== input.accreditedOrganisationId) {
        throw DomainError.badInput([{ field: 'input.accreditedOrganisationId', message: 'a recorded decision stays about the provider it was recorded for' }]);
      }
      if (actor.role === 'QUALITY_AGENCY' && !(await this.recognitions.isRecognisedAt(manager, agentId, this.clock.now()))) {
        throw new DomainError('FORBIDDEN', 'the agency is not recognised by the registry now, so it cannot change decisions');
      }
      const changes = { ...decisionFields(input), ...(options.elmId ? { elmId: options.elmId } : {}) };
      await repository.update({ id }, changes);
      const saved = await bumpVersion(manager, AccreditationEntity, id);
      await this.audit.append(manager, {
        actor,
        action: 'accreditation.amended',
        entityType: 'Accreditation',
        entityId: id,
        diff: changes,
        trustRelevant: true,
      });
      await this.outbox.enqueue(manager, PROVIDER_CHANGED_TOPIC, [accreditation.accreditedOrganisationId]);
      return saved;
    });
  }

  /** Accreditations by the ELM ids they were imported with. */
  findByElmIds(elmIds: readonly string[]): Promise<AccreditationEntity[]> {
    if (elmIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AccreditationEntity).findBy({ elmId: In([...elmIds]) });
  }

  /** Who may record (or amend) this decision, as which agency: the agency itself, or ADMIN naming one. */
  private authoriseRecording(caller: Caller, input: RecordAccreditationInput): { actor: Actor; agentId: string } {
    const known = requireAuthenticated(caller);
    if (known.kind === 'organisation' && known.role !== 'QUALITY_AGENCY') {
      throw new DomainError('FORBIDDEN', 'only a quality agency (or the operator) records accreditations');
    }
    const agentId = input.accreditingAgentId ?? (known.kind === 'organisation' ? known.organisationId : undefined);
    if (!agentId) throw DomainError.badInput([{ field: 'input.accreditingAgentId', message: 'is required when the operator records a decision' }]);
    if (known.kind === 'organisation' && agentId !== known.organisationId) {
      throw new DomainError('FORBIDDEN', 'an agency records decisions only as itself');
    }
    return { actor: actorOf(known), agentId };
  }

  /**
   * The accrediting agency (or ADMIN) suspends, withdraws or reinstates a decision. Reinstating
   * needs the agency to be recognised now; suspending and withdrawing never do, since they only
   * take trust away. The history stays a line: a change may not take effect before the last one.
   */
  async changeStatus(caller: Caller, input: ChangeAccreditationStatusInput): Promise<AccreditationEntity> {
    const known = requireAuthenticated(caller);
    const effectiveAt = input.effectiveAt ?? this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const accreditation = await manager
        .getRepository(AccreditationEntity)
        .findOne({ where: { id: input.accreditationId }, lock: { mode: 'pessimistic_write' } });
      if (!accreditation) throw new DomainError('NOT_FOUND', `no accreditation ${input.accreditationId}`);
      if (known.kind === 'organisation' && (known.role !== 'QUALITY_AGENCY' || known.organisationId !== accreditation.accreditingAgentId)) {
        throw new DomainError('FORBIDDEN', 'only the accrediting agency (or the operator) changes this decision');
      }
      if (accreditation.version !== input.version) {
        throw new DomainError(
          'CONFLICT',
          `accreditation ${accreditation.id} is at version ${accreditation.version}, not ${input.version}: read it again`,
          [{ field: 'input.version', message: 'is stale' }],
        );
      }
      const entries = await manager.getRepository(AccreditationStatusEntryEntity).findBy({ accreditationId: accreditation.id });
      const latest = latestEntry(entries)!;
      if (input.status === 'SUPERSEDED') {
        throw DomainError.badInput([
          { field: 'input.status', message: 'an accreditation becomes SUPERSEDED only by recording its successor (supersedesId)' },
        ]);
      }
      if (!ALLOWED_CHANGES[latest.status].includes(input.status)) {
        const final = latest.status === 'WITHDRAWN' || latest.status === 'SUPERSEDED';
        throw DomainError.badInput([
          {
            field: 'input.status',
            message: final ? `the accreditation is ${latest.status}; that is final` : `cannot go from ${latest.status} to ${input.status}`,
          },
        ]);
      }
      const problems: FieldProblem[] = [];
      if (effectiveAt < accreditation.issuedAt) {
        problems.push({ field: 'input.effectiveAt', message: `must not be before the decision date (${accreditation.issuedAt.toISOString()})` });
      } else if (effectiveAt < latest.effectiveAt) {
        problems.push({ field: 'input.effectiveAt', message: `must not be before the last recorded change (${latest.effectiveAt.toISOString()})` });
      }
      if (problems.length > 0) throw DomainError.badInput(problems);
      if (
        input.status === 'ACTIVE' &&
        known.kind === 'organisation' &&
        !(await this.recognitions.isRecognisedAt(manager, accreditation.accreditingAgentId, this.clock.now()))
      ) {
        throw new DomainError('FORBIDDEN', 'the agency is not recognised by the registry now, so it cannot reinstate decisions');
      }

      const actor = actorOf(known);
      await this.appendStatus(manager, accreditation.id, input.status, effectiveAt, input.reason, actor);
      const saved = await bumpVersion(manager, AccreditationEntity, accreditation.id);
      await this.audit.append(manager, {
        actor,
        action: 'accreditation.status-changed',
        entityType: 'Accreditation',
        entityId: accreditation.id,
        diff: { status: input.status, effectiveAt, reason: input.reason },
        trustRelevant: true,
      });
      await this.outbox.enqueue(manager, PROVIDER_CHANGED_TOPIC, [accreditation.accreditedOrganisationId]);
      return saved;
    });
  }

  findById(id: string): Promise<AccreditationEntity | null> {
    return this.dataSource.getRepository(AccreditationEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<AccreditationEntity[]> {
    return this.dataSource.getRepository(AccreditationEntity).findBy({ id: In([...ids]) });
  }

  forProviders(organisationIds: readonly string[]): Promise<AccreditationEntity[]> {
    return this.dataSource
      .getRepository(AccreditationEntity)
      .find({ where: { accreditedOrganisationId: In([...organisationIds]) }, order: { validFrom: 'ASC' } });
  }

  forAgencies(agencyIds: readonly string[]): Promise<AccreditationEntity[]> {
    return this.dataSource
      .getRepository(AccreditationEntity)
      .find({ where: { accreditingAgentId: In([...agencyIds]) }, order: { validFrom: 'ASC' } });
  }

  statusEntries(accreditationIds: readonly string[]): Promise<AccreditationStatusEntryEntity[]> {
    return this.dataSource
      .getRepository(AccreditationStatusEntryEntity)
      .find({ where: { accreditationId: In([...accreditationIds]) }, order: { effectiveAt: 'ASC', recordedAt: 'ASC' } });
  }

  /**
   * Decisions whose review date falls before `before` and that still stand now: not expired, not
   * withdrawn or superseded. Earliest review first.
   */
  async dueForReview(args: DueForReviewArgs): Promise<AccreditationEntity[]> {
    const now = this.clock.now();
    const query = this.dataSource
      .getRepository(AccreditationEntity)
      .createQueryBuilder('a')
      .where('a.review_date IS NOT NULL AND a.review_date < :before', { before: args.before })
      .andWhere(':now < a.expires_at', { now })
      .andWhere(
        `(SELECT s.status FROM accreditation_status_entries s WHERE s.accreditation_id = a.id AND s.effective_at <= :now
           ORDER BY s.effective_at DESC, s.recorded_at DESC LIMIT 1) IN ('ACTIVE', 'SUSPENDED')`,
      )
      .orderBy('a.review_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(1000);
    if (args.agencyId) query.andWhere('a.accrediting_agent_id = :agencyId', { agencyId: args.agencyId });
    return query.getMany();
  }

  private async assertParties(manager: EntityManager, providerId: string, agentId: string): Promise<void> {
    const parties = await manager.getRepository(OrganisationEntity).findBy({ id: In([providerId, agentId]) });
    const problems = partyProblems(parties, providerId, agentId);
    if (problems.length > 0) throw DomainError.badInput(problems);
  }

  /**
   * `record` for many decisions at once (bulk imports), with exactly its rules — who records as
   * which agency, dates in order, the parties' kinds, the agency recognised now — checked per
   * decision, and its writes made for all of them together: one INSERT of decisions, one of their
   * first statuses, one audit append, one outbox entry per provider. A decision that breaks a rule
   * is answered with its error and written not at all; the others are written. Decisions that
   * supersede another go through `record` one by one.
   */
  async recordMany(
    caller: Caller,
    items: readonly { input: RecordAccreditationInput; elmId?: string | null }[],
    options: Omit<ImportOptions, 'elmId'> = {},
  ): Promise<(AccreditationEntity | DomainError)[]> {
    const results: (AccreditationEntity | DomainError | undefined)[] = items.map(() => undefined);
    const accepted: { index: number; input: RecordAccreditationInput; elmId: string | null; actor: Actor; agentId: string }[] = [];
    items.forEach(({ input, elmId }, index) => {
      try {
        if (input.supersedesId) throw DomainError.badInput([{ field: 'input.supersedesId', message: 'is recorded one decision at a time (recordAccreditation)' }]);
        const { actor, agentId } = this.authoriseRecording(caller, input);
        assertDatesInOrder(input);
        accepted.push({ index, input, elmId: elmId ?? null, actor, agentId });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = error;
      }
    });
    if (accepted.length > 0) {
      await transactionOrDryRun(this.dataSource, options, async (manager) => {
        const ids = [...new Set(accepted.flatMap((a) => [a.input.accreditedOrganisationId, a.agentId]))];
        const parties = await manager.getRepository(OrganisationEntity).findBy({ id: In(ids) });
        const now = this.clock.now();
        const recognised = new Map<string, boolean>();
        const writable: typeof accepted = [];
        for (const item of accepted) {
          const problems = partyProblems(parties, item.input.accreditedOrganisationId, item.agentId);
          if (problems.length > 0) {
            results[item.index] = DomainError.badInput(problems);
            continue;
          }
          if (item.actor.role === 'QUALITY_AGENCY') {
            if (!recognised.has(item.agentId)) recognised.set(item.agentId, await this.recognitions.isRecognisedAt(manager, item.agentId, now));
            if (!recognised.get(item.agentId)) {
              results[item.index] = new DomainError('FORBIDDEN', 'the agency is not recognised by the registry now, so it cannot record decisions');
              continue;
            }
          }
          writable.push(item);
        }
        if (writable.length === 0) return;
        const repository = manager.getRepository(AccreditationEntity);
        const entities = writable.map(({ input, agentId, elmId }) =>
          repository.create(accreditationFields(input, agentId, null, elmId)),
        );
        // insert() fills in each entity's generated id, dates and version.
        await repository.insert(entities);
        await manager.getRepository(AccreditationStatusEntryEntity).insert(
          writable.map(({ input, actor }, i) => ({
            accreditationId: entities[i].id,
            status: 'ACTIVE' as const,
            effectiveAt: input.validFrom < input.issuedAt ? input.validFrom : input.issuedAt,
            reason: 'decision recorded',
            actorRole: actor.role,
            actorOrganisationId: actor.organisationId,
            actorKeyId: actor.keyId,
          })),
        );
        await this.audit.appendMany(
          manager,
          writable.map(({ input, agentId, elmId, actor }, i) => ({
            actor,
            action: 'accreditation.recorded',
            entityType: 'Accreditation',
            entityId: entities[i].id,
            diff: { ...input, accreditingAgentId: agentId, ...(elmId ? { elmId } : {}) },
            trustRelevant: true,
          })),
        );
        await this.outbox.enqueue(manager, PROVIDER_CHANGED_TOPIC, [...new Set(writable.map((w) => w.input.accreditedOrganisationId))]);
        writable.forEach((item, i) => {
          results[item.index] = entities[i];
        });
      });
    }
    return results as (AccreditationEntity | DomainError)[];
  }


  /** The accreditation a new one supersedes: same provider and agency, still standing when the new one starts. */
  private async lockForSuccession(manager: EntityManager, input: RecordAccreditationInput, agentId: string): Promise<AccreditationEntity> {
    const field = 'input.supersedesId';
    const predecessor = await manager.getRepository(AccreditationEntity).findOne({ where: { id: input.supersedesId }, lock: { mode: 'pessimistic_write' } });
    if (!predecessor) throw DomainError.badInput([{ field, message: 'no such accreditation' }]);
    if (predecessor.accreditedOrganisationId !== input.accreditedOrganisationId || predecessor.accreditingAgentId !== agentId) {
      throw DomainError.badInput([{ field, message: 'must be an accreditation of the same provider by the same agency' }]);
    }
    const latest = latestEntry(await manager.getRepository(AccreditationStatusEntryEntity).findBy({ accreditationId: predecessor.id }))!;
    if (latest.status === 'WITHDRAWN' || latest.status === 'SUPERSEDED') {
      throw DomainError.badInput([{ field, message: `the accreditation is ${latest.status} and cannot be superseded` }]);
    }
    if (input.validFrom < latest.effectiveAt) {
      throw DomainError.badInput([
        { field: 'input.validFrom', message: `must not be before the superseded accreditation's last change (${latest.effectiveAt.toISOString()})` },
      ]);
    }
    return predecessor;
  }

  private async appendStatus(
    manager: EntityManager,
    accreditationId: string,
    status: AccreditationStatus,
    effectiveAt: Date,
    reason: string,
    actor: Actor,
  ): Promise<void> {
    await manager.getRepository(AccreditationStatusEntryEntity).insert({
      accreditationId,
      status,
      effectiveAt,
      reason,
      actorRole: actor.role,
      actorOrganisationId: actor.organisationId,
      actorKeyId: actor.keyId,
    });
  }
}

/** validFrom < expiresAt, issuedAt < expiresAt, reviewDate ≤ expiresAt — all reported at once. */
/** A new decision's columns: who decided about whom, what was decided, what it supersedes, where it came from. */
function accreditationFields(input: RecordAccreditationInput, agentId: string, supersedesId: string | null, elmId: string | null): Partial<AccreditationEntity> {
  return { accreditedOrganisationId: input.accreditedOrganisationId, accreditingAgentId: agentId, ...decisionFields(input), supersedesId, elmId };
}

/** What was decided, as recorded and as amended (one definition for both): limits as sets, sorted. */
function decisionFields(input: RecordAccreditationInput) {
  return {
    type: input.type,
    title: input.title,
    decision: input.decision,
    issuedAt: input.issuedAt,
    validFrom: input.validFrom,
    reviewDate: input.reviewDate ?? null,
    expiresAt: input.expiresAt,
    reportUrl: input.reportUrl ?? null,
    landingPage: input.landingPage ?? null,
    limitEqfLevels: [...new Set(input.limitEqfLevels ?? [])].sort((a, b) => a - b),
    limitFields: [...new Set(input.limitFields ?? [])].sort(),
    limitJurisdictions: [...new Set(input.limitJurisdictions ?? [])].sort(),
    limitOpportunities: [...new Set(input.limitOpportunities ?? [])],
  };
}

function assertDatesInOrder(input: RecordAccreditationInput): void {
  const problems: FieldProblem[] = [];
  if (input.expiresAt <= input.validFrom) problems.push({ field: 'input.expiresAt', message: 'must be after validFrom' });
  if (input.expiresAt <= input.issuedAt) problems.push({ field: 'input.issuedAt', message: 'must be before expiresAt' });
  if (input.reviewDate && input.reviewDate > input.expiresAt) problems.push({ field: 'input.reviewDate', message: 'must not be after expiresAt' });
  if (problems.length > 0) throw DomainError.badInput(problems);
}

/** What is wrong with the parties of a decision: the provider must be a PROVIDER, the agent a QUALITY_AGENCY. */
function partyProblems(parties: readonly OrganisationEntity[], providerId: string, agentId: string): FieldProblem[] {
  const provider = parties.find((p) => p.id === providerId);
  const agent = parties.find((p) => p.id === agentId);
  const problems: FieldProblem[] = [];
  if (!provider) problems.push({ field: 'input.accreditedOrganisationId', message: 'no such organisation' });
  else if (provider.kind !== 'PROVIDER') problems.push({ field: 'input.accreditedOrganisationId', message: 'must be a PROVIDER' });
  if (!agent) problems.push({ field: 'input.accreditingAgentId', message: 'no such organisation' });
  else if (agent.kind !== 'QUALITY_AGENCY') problems.push({ field: 'input.accreditingAgentId', message: 'must be a QUALITY_AGENCY' });
  return problems;
}
