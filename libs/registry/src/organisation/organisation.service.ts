import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { OrganisationDirectory } from '#auth';
import { type Caller, Clock, DomainError, OutboxService, requireAdmin } from '#platform';
import { type DataSource, In } from 'typeorm';
import { accreditedAtSql } from '../accreditation/accredited-at.js';
import { PROVIDER_CHANGED_TOPIC } from '../outbox-topics.js';
import { latestEntry } from '../time-rules.js';
import { bumpVersion } from '../versioning.js';
import type { ChangeOrganisationStatusInput, OrganisationsArgs, RegisterOrganisationInput } from './dto/organisation.inputs.js';
import { OrganisationEntity, type OrganisationKind } from './organisation.entity.js';
import { OrganisationStatusEntryEntity } from './organisation-status-entry.entity.js';

export interface OrganisationPage {
  nodes: OrganisationEntity[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

@Injectable()
export class OrganisationService extends OrganisationDirectory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  async kindOf(organisationId: string): Promise<OrganisationKind | null> {
    return (await this.findById(organisationId))?.kind ?? null;
  }

  /** ADMIN only. The legal identifier is unique; the organisation starts ACTIVE. */
  async register(caller: Caller, input: RegisterOrganisationInput): Promise<OrganisationEntity> {
    const actor = requireAdmin(caller);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(OrganisationEntity);
      const existing = await repository.findOneBy({ legalIdentifier: input.legalIdentifier });
      if (existing) {
        throw new DomainError('CONFLICT', `an organisation with legal identifier ${input.legalIdentifier} is already registered (${existing.id})`, [
          { field: 'input.legalIdentifier', message: 'is already registered' },
        ]);
      }
      const organisation = await repository.save(
        repository.create({
          kind: input.kind,
          legalName: input.legalName,
          alternativeNames: input.alternativeNames ?? [],
          country: input.country,
          region: input.region ?? null,
          legalIdentifier: input.legalIdentifier,
          otherIdentifiers: (input.otherIdentifiers ?? []).map(({ scheme, value }) => ({ scheme, value })),
          homepage: input.homepage ?? null,
          email: input.email ?? null,
        }),
      );
      await manager.getRepository(OrganisationStatusEntryEntity).insert({
        organisationId: organisation.id,
        status: 'ACTIVE',
        // From the Clock, like every other change's default: the database's own time is not the registry's "now".
        effectiveAt: this.clock.now(),
        reason: 'registered',
        actorRole: actor.role,
        actorKeyId: actor.keyId,
      });
      await this.audit.append(manager, {
        actor,
        action: 'organisation.registered',
        entityType: 'Organisation',
        entityId: organisation.id,
        diff: { ...input },
        trustRelevant: true,
      });
      return organisation;
    });
  }

  /**
   * ADMIN only. Appends to the status history; DEREGISTERED is final, and a change may not take
   * effect before the last recorded one.
   */
  async changeStatus(caller: Caller, input: ChangeOrganisationStatusInput): Promise<OrganisationEntity> {
    const actor = requireAdmin(caller);
    const effectiveAt = input.effectiveAt ?? this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.getRepository(OrganisationEntity).findOne({ where: { id: input.organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!organisation) throw new DomainError('NOT_FOUND', `no organisation ${input.organisationId}`);
      if (organisation.version !== input.version) {
        throw new DomainError('CONFLICT', `organisation ${organisation.id} is at version ${organisation.version}, not ${input.version}: read it again`);
      }
      const entries = await manager.getRepository(OrganisationStatusEntryEntity).findBy({ organisationId: organisation.id });
      const latest = latestEntry(entries);
      if (latest?.status === 'DEREGISTERED') {
        throw DomainError.badInput([{ field: 'input.status', message: 'the organisation is deregistered; that is final' }]);
      }
      if (latest && effectiveAt < latest.effectiveAt) {
        throw DomainError.badInput([
          { field: 'input.effectiveAt', message: `must not be before the last recorded change (${latest.effectiveAt.toISOString()})` },
        ]);
      }
      if (latest?.status === input.status) {
        throw DomainError.badInput([{ field: 'input.status', message: `the organisation is already ${input.status}` }]);
      }
      await manager.getRepository(OrganisationStatusEntryEntity).insert({
        organisationId: organisation.id,
        status: input.status,
        effectiveAt,
        reason: input.reason,
        actorRole: actor.role,
        actorKeyId: actor.keyId,
      });
      const saved = await bumpVersion(manager, OrganisationEntity, organisation.id);
      await this.audit.append(manager, {
        actor,
        action: 'organisation.status-changed',
        entityType: 'Organisation',
        entityId: organisation.id,
        diff: { status: input.status, effectiveAt, reason: input.reason },
        trustRelevant: true,
      });
      // A provider that is not active is not shown as accredited: its opportunities are re-indexed.
      await this.outbox.enqueue(manager, PROVIDER_CHANGED_TOPIC, [organisation.id]);
      return saved;
    });
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }

  /** Organisations by their exact legal identifiers (for bulk imports: one query for a whole file). */
  findByLegalIdentifiers(legalIdentifiers: readonly string[]): Promise<OrganisationEntity[]> {
    if (legalIdentifiers.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(OrganisationEntity).findBy({ legalIdentifier: In([...legalIdentifiers]) });
  }

  /**
   * Organisations any of `values` identifies (DESIGN §8.3: matched by legal or registered other
   * identifier), compared case-insensitively: the legal identifier, its identifier part without
   * the scheme and country (`VATFI-10065502` is found by `10065502` and `FI10065502`, as registers
   * write VAT numbers), and every other identifier's value (a VAT number also without its
   * country prefix). More than one result means the values are ambiguous; the caller decides.
   */
  findByIdentifiers(values: readonly string[]): Promise<OrganisationEntity[]> {
    const keys = [...new Set(values.map((v) => v.trim().toUpperCase()).filter((v) => v !== ''))];
    if (keys.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(
        `upper(o.legal_identifier) = ANY(:keys)
         OR upper(substring(o.legal_identifier from '^[A-Z]{5}-(.+)$')) = ANY(:keys)
         OR upper(substring(o.legal_identifier from '^[A-Z]{3}([A-Z]{2})-') || substring(o.legal_identifier from '^[A-Z]{5}-(.+)$')) = ANY(:keys)
         OR EXISTS (SELECT 1 FROM jsonb_array_elements(o.other_identifiers) e
                     WHERE upper(e->>'value') = ANY(:keys)
                        OR (e->>'scheme' = 'VAT' AND upper(regexp_replace(e->>'value', '^[A-Za-z]{2}', '')) = ANY(:keys)))`,
        { keys },
      )
      .getMany();
  }

  statusEntries(organisationIds: readonly string[]): Promise<OrganisationStatusEntryEntity[]> {
    return this.dataSource
      .getRepository(OrganisationStatusEntryEntity)
      .find({ where: { organisationId: In([...organisationIds]) }, order: { effectiveAt: 'ASC', recordedAt: 'ASC' } });
  }

  /** Keyset-paginated by legal name, then id. */
  async list(args: OrganisationsArgs): Promise<OrganisationPage> {
    const query = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    const filter = args.filter ?? {};
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.country) query.andWhere('o.country = :country', { country: filter.country });
    if (filter.legalIdentifier) query.andWhere('o.legal_identifier = :legalIdentifier', { legalIdentifier: filter.legalIdentifier });
    if (filter.accreditationState) {
      const condition = accreditedAtSql('o');
      query.andWhere(filter.accreditationState === 'ACCREDITED' ? condition : `NOT ${condition}`, { at: this.clock.now() });
    }
    const totalCount = await query.clone().getCount();
    if (args.after) {
      const [legalName, id] = decodeCursor(args.after);
      query.andWhere('(o.legal_name, o.id) > (:legalName, :id)', { legalName, id });
    }
    const rows = await query.orderBy('o.legal_name', 'ASC').addOrderBy('o.id', 'ASC').limit(args.first + 1).getMany();
    const nodes = rows.slice(0, args.first);
    return { nodes, cursors: nodes.map((n) => encodeCursor(n)), hasNextPage: rows.length > args.first, totalCount };
  }
}

function encodeCursor(organisation: OrganisationEntity): string {
  return Buffer.from(JSON.stringify([organisation.legalName, organisation.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/.test(value[1])) {
      return [value[0], value[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw DomainError.badInput([{ field: 'after', message: 'is not a cursor this api returned' }]);
}
