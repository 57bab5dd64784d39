import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CreateOpportunityInput, type LearningOpportunityEntity, OpportunityService, UpdateOpportunityInput } from '#catalogue';
import { type Caller, DomainError, type FieldProblem } from '#platform';
import { type AccreditationEntity, AccreditationService, type OrganisationEntity, OrganisationService, RecordAccreditationInput } from '#registry';
import type { ImportProblem, ImportRecordReport } from './import-report.js';

/**
 * Writes one imported record through the registry's or catalogue's own service — the same rules,
 * authorisation, audit events and outbox as a GraphQL mutation (DESIGN §8.3: one way to change
 * data) — and says what happened. A record whose content equals what is stored is UNCHANGED and
 * writes nothing (no history, no audit event); a refused one is REJECTED with every problem,
 * pointed back at the input (`fieldPaths`: our input field → JSON path or CSV column).
 */

export interface AccreditationCandidate {
  elmId: string | null;
  line: number | null;
  input: Record<string, unknown>;
  fieldPaths: Record<string, string>;
  /** Where problems that name no field point. */
  path: string;
}

export interface OpportunityCandidate {
  elmId: string;
  input: Record<string, unknown>;
  fieldPaths: Record<string, string>;
  path: string;
}

/** class-validator's failures as our services' field problems (`input.limitEqfLevels[0]`). */
function fieldProblems(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    return [...Object.values(error.constraints ?? {}).map((message) => ({ field: path, message })), ...fieldProblems(error.children ?? [], path)];
  });
}

/** The same checks the GraphQL pipeline makes on an input: unknown fields and every constraint. */
async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length > 0) throw DomainError.badInput(fieldProblems(errors, 'input'));
  return instance;
}

/** A record another import created meanwhile (the unique ELM id): the caller's to retry, not a crash. */
function concurrentDuplicate(error: unknown): DomainError | undefined {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
    return new DomainError('CONFLICT', 'a record with this ELM id was imported at the same time by another import; import the document again');
  }
  return undefined;
}

/** Where a service's field problem points in the input; the record's own path when the field is not one the input maps. */
function problemsOf(error: DomainError, fieldPaths: Record<string, string>, path: string): ImportProblem[] {
  if (error.fields.length === 0) return [{ path, message: error.message }];
  return error.fields.map((f) => {
    const field = f.field.replace(/\[\d+\]$/, '');
    const mapped = fieldPaths[f.field] ?? fieldPaths[field];
    return { path: mapped ?? path, message: mapped ? f.message : `${f.field}: ${f.message}` };
  });
}

const sameTime = (a: Date | null | undefined, b: Date | null | undefined) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameList = <T>(a: readonly T[], b: readonly T[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

function accreditationUnchanged(stored: AccreditationEntity, input: RecordAccreditationInput): boolean {
  return (
    stored.accreditedOrganisationId === input.accreditedOrganisationId &&
    stored.accreditingAgentId === input.accreditingAgentId &&
    stored.type === input.type &&
    stored.title === input.title &&
    stored.decision === input.decision &&
    sameTime(stored.issuedAt, input.issuedAt) &&
    sameTime(stored.validFrom, input.validFrom) &&
    sameTime(stored.reviewDate, input.reviewDate) &&
    sameTime(stored.expiresAt, input.expiresAt) &&
    (stored.reportUrl ?? null) === (input.reportUrl ?? null) &&
    (stored.landingPage ?? null) === (input.landingPage ?? null) &&
    sameList(stored.limitEqfLevels, input.limitEqfLevels ?? []) &&
    sameList(stored.limitFields, input.limitFields ?? []) &&
    sameList(stored.limitJurisdictions, input.limitJurisdictions ?? []) &&
    sameList(stored.limitOpportunities, input.limitOpportunities ?? [])
  );
}

/** The fields an ELM import sets on an opportunity, as stored; what ELM does not carry is left as it is. */
export const IMPORTED_OPPORTUNITY_FIELDS = [
  'title',
  'description',
  'learningOutcomes',
  'eqfLevel',
  'nqfLevel',
  'ectsCredits',
  'workloadHours',
  'iscedFCodes',
  'languages',
  'mode',
  'learningSetting',
  'type',
  'assessmentTypes',
  'qualityAssurance',
  'prerequisites',
  'schedule',
  'price',
  'free',
  'location',
  'startDate',
  'endDate',
  'applicationDeadline',
  'landingPage',
] as const;

/** A field as compared: "none" is one value whether it is stored as null, [], {} or false. */
function normalised(field: string, value: unknown): unknown {
  if (value === undefined || value === null || value === false) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && Object.keys(value).length === 0) return null;
  if (value instanceof Date) return value.toISOString();
  if ((field === 'title' || field === 'description') && Array.isArray(value)) {
    return Object.fromEntries((value as { lang: string; text: string }[]).map((t) => [t.lang, t.text]));
  }
  if (field === 'learningOutcomes') return (value as { text: string; escoSkill?: string | null }[]).map((o) => ({ text: o.text, escoSkill: o.escoSkill ?? null }));
  if (field === 'location') {
    const l = value as { country: string; city?: string | null; lat?: number | null; lng?: number | null };
    return { country: l.country, city: l.city ?? null, lat: l.lat ?? null, lng: l.lng ?? null };
  }
  if (field === 'price') return { amount: (value as { amount: number }).amount, currency: (value as { currency: string }).currency };
  return value;
}

function opportunityUnchanged(stored: LearningOpportunityEntity, input: Record<string, unknown>): boolean {
  return IMPORTED_OPPORTUNITY_FIELDS.every((field) => {
    const a = JSON.stringify(normalised(field, stored[field as keyof LearningOpportunityEntity]));
    const b = JSON.stringify(normalised(field, input[field]));
    return a === b;
  });
}

@Injectable()
export class RecordImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationService,
    private readonly accreditations: AccreditationService,
    private readonly opportunities: OpportunityService,
  ) {}

  /**
   * Runs `each` over `items` in batches: one transaction per batch, in which every record's own
   * write is a savepoint (the services' transactions nest), so that a refused record rolls back
   * alone while a thousand good ones cost ten commits, not a thousand. A batch's reports count
   * only once it has committed.
   */
  async inBatches<T>(items: readonly T[], size: number, each: (item: T, manager: EntityManager) => Promise<ImportRecordReport>): Promise<ImportRecordReport[]> {
    return this.inBatchesOf(items, size, async (batch, manager) => {
      const done: ImportRecordReport[] = [];
      for (const item of batch) done.push(await each(item, manager));
      return done;
    });
  }

  /** Like {@link inBatches}, with the whole batch handed over at once (for bulk writes). */
  async inBatchesOf<T>(items: readonly T[], size: number, work: (batch: readonly T[], manager: EntityManager) => Promise<ImportRecordReport[]>): Promise<ImportRecordReport[]> {
    const reports: ImportRecordReport[] = [];
    for (let start = 0; start < items.length; start += size) {
      reports.push(...(await this.dataSource.transaction((manager) => work(items.slice(start, start + size), manager))));
    }
    return reports;
  }

  /**
   * Many new decisions at once through `AccreditationService.recordMany` (the same rules as one by
   * one, a handful of statements per batch); a decision already stored under its ELM id goes the
   * one-by-one way (compare, amend). Should the bulk write fail as a whole (the database refused
   * something the rules did not foresee), each decision is tried alone, so that only the one at fault
   * is rejected.
   */
  async accreditationBatch(
    caller: Caller,
    items: readonly { candidate: AccreditationCandidate; stored: AccreditationEntity | undefined }[],
    dryRun: boolean,
    manager: EntityManager,
  ): Promise<ImportRecordReport[]> {
    const reports: (ImportRecordReport | undefined)[] = items.map(() => undefined);
    const fresh: { index: number; input: RecordAccreditationInput; candidate: AccreditationCandidate }[] = [];
    for (const [index, { candidate, stored }] of items.entries()) {
      if (stored) {
        reports[index] = await this.accreditation(caller, candidate, stored, dryRun, manager);
        continue;
      }
      try {
        fresh.push({ index, input: await validated(RecordAccreditationInput, candidate.input), candidate });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reports[index] = { elmId: candidate.elmId, line: candidate.line, type: 'Accreditation', action: 'REJECTED', id: null, problems: problemsOf(error, candidate.fieldPaths, candidate.path) };
      }
    }
    if (fresh.length > 0) {
      let results: (AccreditationEntity | DomainError)[] | undefined;
      try {
        results = await this.accreditations.recordMany(caller, fresh.map((f) => ({ input: f.input, elmId: f.candidate.elmId })), { dryRun, manager });
      } catch (error) {
        if (error instanceof DomainError && (error.code === 'SERVICE_UNAVAILABLE' || error.code === 'INTERNAL_SERVER_ERROR')) throw error;
        if (!(error instanceof DomainError) && !(error instanceof QueryFailedError)) throw error;
      }
      for (const [i, { index, candidate }] of fresh.entries()) {
        const result = results?.[i];
        const base = { elmId: candidate.elmId, line: candidate.line, type: 'Accreditation' };
        if (result === undefined) reports[index] = await this.accreditation(caller, candidate, undefined, dryRun, manager);
        else if (result instanceof DomainError) reports[index] = { ...base, action: 'REJECTED', id: null, problems: problemsOf(result, candidate.fieldPaths, candidate.path) };
        else reports[index] = { ...base, action: 'CREATED', id: dryRun ? null : result.id, problems: [] };
      }
    }
    return reports as ImportRecordReport[];
  }

  /** Organisations by legal identifier, for a whole CSV file at once. */
  organisationsByLegalIdentifier(values: readonly string[]): Promise<OrganisationEntity[]> {
    return this.organisations.findByLegalIdentifiers(values);
  }

  organisationsByIdentifiers(values: readonly string[]): Promise<OrganisationEntity[]> {
    return this.organisations.findByIdentifiers(values);
  }

  organisationById(id: string): Promise<OrganisationEntity | null> {
    return this.organisations.findById(id);
  }

  async storedAccreditations(elmIds: readonly string[], ids: readonly string[]): Promise<AccreditationEntity[]> {
    return [...(await this.accreditations.findByElmIds(elmIds)), ...(ids.length > 0 ? await this.accreditations.findByIds(ids) : [])];
  }

  async accreditation(
    caller: Caller,
    candidate: AccreditationCandidate,
    stored: AccreditationEntity | undefined,
    dryRun: boolean,
    manager?: EntityManager,
  ): Promise<ImportRecordReport> {
    const base = { elmId: candidate.elmId, line: candidate.line, type: 'Accreditation' };
    try {
      const input = await validated(RecordAccreditationInput, candidate.input);
      if (stored) {
        // Who may change the stored decision is asked before whether it changed: a refusal is never reported as UNCHANGED.
        if (caller.kind === 'organisation' && (caller.role !== 'QUALITY_AGENCY' || caller.organisationId !== stored.accreditingAgentId)) {
          throw new DomainError('FORBIDDEN', 'only the accrediting agency (or the operator) changes this decision');
        }
        input.limitOpportunities = stored.limitOpportunities;
        if (accreditationUnchanged(stored, input)) return { ...base, action: 'UNCHANGED', id: stored.id, problems: [] };
        const saved = await this.accreditations.amend(caller, stored.id, input, { elmId: stored.elmId ? undefined : candidate.elmId, dryRun, manager });
        return { ...base, action: 'UPDATED', id: saved.id, problems: [] };
      }
      const saved = await this.accreditations.record(caller, input, { elmId: candidate.elmId, dryRun, manager });
      return { ...base, action: 'CREATED', id: dryRun ? null : saved.id, problems: [] };
    } catch (caught) {
      const error = concurrentDuplicate(caught) ?? caught;
      if (error instanceof DomainError && error.code !== 'SERVICE_UNAVAILABLE' && error.code !== 'INTERNAL_SERVER_ERROR') {
        return { ...base, action: 'REJECTED', id: stored?.id ?? null, problems: problemsOf(error, candidate.fieldPaths, candidate.path) };
      }
      throw error;
    }
  }

  async storedOpportunities(elmIds: readonly string[], ids: readonly string[]): Promise<LearningOpportunityEntity[]> {
    return [...(await this.opportunities.findByElmIds(elmIds)), ...(await this.opportunities.findByIds(ids))];
  }

  async opportunity(
    caller: Caller,
    candidate: OpportunityCandidate,
    stored: LearningOpportunityEntity | undefined,
    dryRun: boolean,
    manager?: EntityManager,
  ): Promise<ImportRecordReport> {
    const base = { elmId: candidate.elmId, line: null, type: 'LearningOpportunity' };
    try {
      if (stored) {
        const { providerId, ...changes } = candidate.input;
        if (caller.kind === 'organisation' && (caller.role !== 'PROVIDER' || caller.organisationId !== stored.providerId)) {
          throw new DomainError('FORBIDDEN', 'only the provider (or the operator) changes this opportunity');
        }
        if (providerId !== stored.providerId) {
          throw DomainError.badInput([{ field: 'input.providerId', message: 'an opportunity stays with the provider it was recorded for' }]);
        }
        // The record becomes what the document says: an ELM field the document leaves out is cleared (null), the rest stays.
        const cleared = Object.fromEntries(IMPORTED_OPPORTUNITY_FIELDS.filter((f) => f !== 'title').map((f) => [f, changes[f] ?? null]));
        const input = await validated(UpdateOpportunityInput, { ...cleared, title: changes.title, id: stored.id, version: stored.version });
        if (opportunityUnchanged(stored, candidate.input)) return { ...base, action: 'UNCHANGED', id: stored.id, problems: [] };
        const saved = await this.opportunities.update(caller, input, { dryRun, manager });
        return { ...base, action: 'UPDATED', id: saved.id, problems: [] };
      }
      const input = await validated(CreateOpportunityInput, candidate.input);
      const saved = await this.opportunities.create(caller, input, { elmId: candidate.elmId, dryRun, manager });
      return { ...base, action: 'CREATED', id: dryRun ? null : saved.id, problems: [] };
    } catch (caught) {
      const error = concurrentDuplicate(caught) ?? caught;
      if (error instanceof DomainError && error.code !== 'SERVICE_UNAVAILABLE' && error.code !== 'INTERNAL_SERVER_ERROR') {
        return { ...base, action: 'REJECTED', id: stored?.id ?? null, problems: problemsOf(error, candidate.fieldPaths, candidate.path) };
      }
      throw error;
    }
  }
}
