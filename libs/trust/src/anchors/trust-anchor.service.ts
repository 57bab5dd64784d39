import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Caller, Clock, DomainError, requireAdmin } from '#platform';
import type { DataSource } from 'typeorm';
import { certificateFromField } from '../x509/certificate-input.js';
import type { RevokeKeyInput } from '../key-status/revoke-key.input.js';
import { KeyStatusService } from '../key-status/key-status.service.js';
import { TrustAnchorEntity } from './trust-anchor.entity.js';

@Injectable()
export class TrustAnchorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly keyStatus: KeyStatusService,
    private readonly clock: Clock,
  ) {}

  /** ADMIN only: a CA certificate whose issued seals the registry accepts (a trusted list's qualified CA). */
  async add(caller: Caller, pem: string): Promise<TrustAnchorEntity> {
    const actor = requireAdmin(caller);
    const parsed = certificateFromField(pem, 'input.certificatePem');
    if (!parsed.isCa) throw DomainError.badInput([{ field: 'input.certificatePem', message: 'is not a CA certificate (basicConstraints cA is not set)' }]);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(TrustAnchorEntity);
      const existing = await repository.findOneBy({ sha256: parsed.sha256 });
      if (existing) {
        throw new DomainError('CONFLICT', `this certificate is already a trust anchor (${existing.id})`, [{ field: 'input.certificatePem', message: 'is already a trust anchor' }]);
      }
      const anchor = await repository.save(
        repository.create({ pem: parsed.pem, sha256: parsed.sha256, subjectDn: parsed.subjectDn, issuerDn: parsed.issuerDn, notBefore: parsed.notBefore, notAfter: parsed.notAfter }),
      );
      await this.keyStatus.append(manager, { type: 'TRUST_ANCHOR', id: anchor.id }, 'ACTIVE', this.clock.now(), 'added', actor);
      await this.audit.append(manager, { actor, action: 'trust-anchor.added', entityType: 'TrustAnchor', entityId: anchor.id, diff: { sha256: anchor.sha256, subjectDn: anchor.subjectDn }, trustRelevant: true });
      return anchor;
    });
  }

  /** ADMIN only. Seals chaining to it are not trusted for times from `effectiveAt` on. */
  async revoke(caller: Caller, input: RevokeKeyInput): Promise<TrustAnchorEntity> {
    const actor = requireAdmin(caller);
    return this.dataSource.transaction(async (manager) => {
      const anchor = await manager.getRepository(TrustAnchorEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!anchor) throw new DomainError('NOT_FOUND', `no trust anchor ${input.id}`);
      const effectiveAt = input.effectiveAt ?? this.clock.now();
      await this.keyStatus.revoke(manager, { type: 'TRUST_ANCHOR', id: anchor.id }, effectiveAt, input.reason, actor);
      await this.audit.append(manager, { actor, action: 'trust-anchor.revoked', entityType: 'TrustAnchor', entityId: anchor.id, diff: { effectiveAt, reason: input.reason }, trustRelevant: true });
      return anchor;
    });
  }

  list(): Promise<TrustAnchorEntity[]> {
    return this.dataSource.getRepository(TrustAnchorEntity).find({ order: { createdAt: 'ASC' } });
  }
}
