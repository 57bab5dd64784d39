import { Injectable } from '@nestjs/common';
import { type Actor, DomainError } from '#platform';
import { type EntityManager, In, type DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { type KeyStatus, KeyStatusEntryEntity, type KeySubjectType } from './key-status-entry.entity.js';

/** The status histories of anchors, certificates and DIDs: ACTIVE from registration, REVOKED for good. */
@Injectable()
export class KeyStatusService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(
    manager: EntityManager,
    subject: { type: KeySubjectType; id: string },
    status: KeyStatus,
    effectiveAt: Date,
    reason: string,
    actor: Actor,
  ): Promise<void> {
    await manager.getRepository(KeyStatusEntryEntity).insert({
      subjectType: subject.type,
      subjectId: subject.id,
      status,
      effectiveAt,
      reason,
      actorRole: actor.role,
      actorOrganisationId: actor.organisationId,
      actorKeyId: actor.keyId,
    });
  }

  /** Appends REVOKED, refusing a second revocation or one before the key was registered. */
  async revoke(manager: EntityManager, subject: { type: KeySubjectType; id: string }, effectiveAt: Date, reason: string, actor: Actor): Promise<void> {
    const entries = await manager.getRepository(KeyStatusEntryEntity).findBy({ subjectType: subject.type, subjectId: subject.id });
    if (entries.some((e) => e.status === 'REVOKED')) {
      throw DomainError.badInput([{ field: 'input.id', message: 'is already revoked; revocation is final' }]);
    }
    await this.append(manager, subject, 'REVOKED', effectiveAt, reason, actor);
  }

  entries(subjectIds: readonly string[]): Promise<KeyStatusEntryEntity[]> {
    return this.dataSource
      .getRepository(KeyStatusEntryEntity)
      .find({ where: { subjectId: In([...subjectIds]) }, order: { effectiveAt: 'ASC', recordedAt: 'ASC' } });
  }
}
