import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { ANONYMOUS, type Caller, DomainError, requireAdmin, type Role, TESSERA_CONFIG, type TesseraConfig } from '#platform';
import type { DataSource } from 'typeorm';


import { OrganisationDirectory } from '../organisation-directory.js';
import { ApiKeyEntity } from './api-key.entity.js';

const TOKEN_PREFIX = 'tsk_';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

@Injectable()
export class ApiKeyService {
  private readonly operatorTokenHash: Buffer | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TESSERA_CONFIG) config: TesseraConfig,
    private readonly organisations: OrganisationDirectory,
    private readonly audit: AuditService,
  ) {
    this.operatorTokenHash = config.adminToken ? createHash('sha256').update(config.adminToken).digest() : null;
  }

  /**
   * The caller behind an `Authorization` header. No header: anonymous. A header with a token that
   * is unknown, revoked or malformed: UNAUTHENTICATED — never silently anonymous.
   */
  async authenticate(authorization: string | undefined): Promise<Caller> {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S{1,256})$/i.exec(authorization.trim());
    if (!match) throw new DomainError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
    const token = match[1];
    const digest = createHash('sha256').update(token).digest();
    if (this.operatorTokenHash && timingSafeEqual(digest, this.operatorTokenHash)) return { kind: 'admin', keyId: 'operator' };

    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ tokenSha256: digest.toString('hex') });
    if (!key || key.revokedAt) throw new DomainError('UNAUTHENTICATED', 'unknown or revoked API token');
    if (key.role === 'ADMIN') return { kind: 'admin', keyId: key.id };
    if (key.role === 'VERIFIER') return { kind: 'verifier', keyId: key.id };
    return { kind: 'organisation', role: key.role, organisationId: key.organisationId!, keyId: key.id };
  }

  /** ADMIN only. A QUALITY_AGENCY or PROVIDER key is bound to an organisation of that kind; ADMIN and VERIFIER keys to none. */
  async create(caller: Caller, input: { name: string; role: Role; organisationId?: string | null }): Promise<{ key: ApiKeyEntity; token: string }> {
    const actor = requireAdmin(caller);
    const organisationId = input.organisationId ?? null;
    const unbound = input.role === 'ADMIN' || input.role === 'VERIFIER';
    if (unbound && organisationId !== null) {
      throw DomainError.badInput([{ field: 'input.organisationId', message: `a ${input.role} key is not bound to an organisation` }]);
    }
    if (!unbound) {
      if (organisationId === null) {
        throw DomainError.badInput([{ field: 'input.organisationId', message: `a ${input.role} key must name its organisation` }]);
      }
      const kind = await this.organisations.kindOf(organisationId);
      if (kind === null) throw DomainError.badInput([{ field: 'input.organisationId', message: 'no such organisation' }]);
      if (kind !== input.role) {
        throw DomainError.badInput([{ field: 'input.role', message: `the organisation is a ${kind}, not a ${input.role}` }]);
      }
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const key = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(ApiKeyEntity).save(
        manager.getRepository(ApiKeyEntity).create({
          name: input.name,
          role: input.role,
          organisationId,
          tokenSha256: sha256Hex(token),
          tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
          createdBy: actor.keyId,
          revokedAt: null,
        }),
      );
      await this.audit.append(manager, {
        actor,
        action: 'api-key.created',
        entityType: 'ApiKey',
        entityId: saved.id,
        diff: { name: saved.name, role: saved.role, organisationId, tokenPrefix: saved.tokenPrefix },
      });
      return saved;
    });
    return { key, token };
  }

  /** ADMIN only. A revoked token stops working at once. */
  async revoke(caller: Caller, id: string): Promise<ApiKeyEntity> {
    const actor = requireAdmin(caller);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiKeyEntity);
      const key = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new DomainError('NOT_FOUND', `no API key ${id}`);
      if (key.revokedAt) return key;
      key.revokedAt = new Date();
      const saved = await repository.save(key);
      await this.audit.append(manager, { actor, action: 'api-key.revoked', entityType: 'ApiKey', entityId: id, diff: { revokedAt: saved.revokedAt } });
      return saved;
    });
  }

  list(caller: Caller): Promise<ApiKeyEntity[]> {
    requireAdmin(caller);
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
  }
}
