import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import canonicalize from 'canonicalize';
import type { Actor } from '#platform';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

export interface NewAuditEvent {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  diff: Record<string, unknown>;
  /** True when the change can alter a trust answer: it bumps the registry sequence. */
  trustRelevant?: boolean;
}

/** The hash of the chain's start. */
export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends, so the chain stays one line however many writers there are. */
const AUDIT_CHAIN_LOCK = 727_371_902;
/** Trust indexes listen here to refresh after a trust-relevant change is committed. */
export const REGISTRY_CHANNEL = 'tessera_registry';

/**
 * SHA-256 over the previous hash and the event in RFC 8785 (JCS) form, so that the same event always
 * hashes the same whatever order its fields were built in (README: why rows hashed before RFC 8785
 * still verify).
 */
export function eventHash(previousHash: string, event: Omit<AuditEventEntity, 'id' | 'hash' | 'previousHash'>): string {
  const canonical = canonicalize({
    occurredAt: event.occurredAt,
    actorKeyId: event.actorKeyId,
    actorRole: event.actorRole,
    actorOrganisationId: event.actorOrganisationId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    diff: event.diff,
    registrySequence: String(event.registrySequence),
  })!;
  return createHash('sha256').update(previousHash).update(canonical).digest('hex');
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first event whose stored hash does not follow from the chain before it. */
  firstBroken?: { id: string; reason: string };
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends several events inside the caller's transaction, in order, each linked to the one before
   * exactly as `append` would link them — one lock, one read of the chain's end, one INSERT and one
   * notification for the lot (bulk imports: a batch of decisions costs a handful of statements).
   */
  async appendMany(manager: EntityManager, events: readonly NewAuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    let { previousHash, sequence } = await lockedTail(manager);
    const rows = events.map((event) => {
      sequence += event.trustRelevant ? 1n : 0n;
      const row = auditRow(event, sequence);
      const linked = { ...row, previousHash, hash: eventHash(previousHash, row) };
      previousHash = linked.hash;
      return linked;
    });
    // One multi-row INSERT: PostgreSQL draws the ids in the order of the rows, so the chain's order is the ids' order.
    // (TypeORM's partial-entity type cannot express a jsonb Record; the rows are whole entities.)
    await manager.getRepository(AuditEventEntity).insert(rows as never);
    if (events.some((e) => e.trustRelevant)) await manager.query(`SELECT pg_notify($1, $2)`, [REGISTRY_CHANNEL, sequence.toString()]);
  }

  /** Appends one event inside the caller's transaction (`manager`), linked to the last one. */
  async append(manager: EntityManager, event: NewAuditEvent): Promise<AuditEventEntity> {
    const tail = await lockedTail(manager);
    const previousHash = tail.previousHash;
    const sequence = tail.sequence + (event.trustRelevant ? 1n : 0n);
    const row = auditRow(event, sequence);
    const saved = await manager
      .getRepository(AuditEventEntity)
      .save(manager.getRepository(AuditEventEntity).create({ ...row, previousHash, hash: eventHash(previousHash, row) }));
    if (event.trustRelevant) await manager.query(`SELECT pg_notify($1, $2)`, [REGISTRY_CHANNEL, sequence.toString()]);
    return saved;
  }

  /** Recomputes the chain from the start, in batches, and names the first broken link. */
  async verifyChain(onProgress?: (checked: number) => void): Promise<ChainVerification> {
    let previousHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.id > :afterId', { afterId })
        .orderBy('e.id', 'ASC')
        .limit(1000)
        .getMany();
      if (batch.length === 0) return { ok: true, checked };
      for (const event of batch) {
        if (event.previousHash !== previousHash) {
          return { ok: false, checked, firstBroken: { id: event.id, reason: 'its previous hash is not the hash of the event before it (an event was removed or reordered)' } };
        }
        if (eventHash(previousHash, event) !== event.hash) {
          return { ok: false, checked, firstBroken: { id: event.id, reason: 'its content does not match its hash (the event was edited)' } };
        }
        previousHash = event.hash;
        checked++;
      }
      afterId = batch[batch.length - 1].id;
      onProgress?.(checked);
    }
  }

  /** Events, newest first, optionally of one entity; keyset-paginated by id. */
  list(filter: { entityType?: string; entityId?: string; beforeId?: string; limit: number }): Promise<AuditEventEntity[]> {
    const query = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(filter.limit);
    if (filter.entityType) query.andWhere('e.entity_type = :type', { type: filter.entityType });
    if (filter.entityId) query.andWhere('e.entity_id = :id', { id: filter.entityId });
    if (filter.beforeId) query.andWhere('e.id < :before', { before: filter.beforeId });
    return query.getMany();
  }
}

/** Takes the chain's lock (held until the caller's transaction ends) and reads its last link. */
async function lockedTail(manager: EntityManager): Promise<{ previousHash: string; sequence: bigint }> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await manager.query('SELECT hash, registry_sequence FROM audit_events ORDER BY id DESC LIMIT 1');
  return { previousHash: last?.hash ?? GENESIS_HASH, sequence: BigInt(last?.registry_sequence ?? 0) };
}

/** An event as it is stored and hashed, at `sequence`. */
function auditRow(event: NewAuditEvent, sequence: bigint) {
  return {
    occurredAt: new Date(),
    actorKeyId: event.actor.keyId,
    actorRole: event.actor.role,
    actorOrganisationId: event.actor.organisationId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    // As PostgreSQL will hand it back (dates as ISO strings, no undefined members), so that the
    // hash computed now is the one verifyChain recomputes from the stored row.
    diff: JSON.parse(canonicalize(event.diff)!) as Record<string, unknown>,
    registrySequence: sequence.toString(),
  };
}
