import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Caller, Clock, DomainError, requireAdminOrOwn } from '#platform';
import { OrganisationEntity } from '#registry';
import { type DataSource, In } from 'typeorm';
import { KeyStatusService } from '../key-status/key-status.service.js';
import type { RevokeKeyInput } from '../key-status/revoke-key.input.js';
import type { RegisterIssuerDidInput } from './dto/register-issuer-did.input.js';
import { IssuerDidEntity } from './issuer-did.entity.js';
import { registeredPublicKey, validatedVerificationMethods } from './did-verification-methods.js';

const ORGANISATION_ROLES: ('PROVIDER' | 'QUALITY_AGENCY')[] = ['PROVIDER', 'QUALITY_AGENCY'];

@Injectable()
export class IssuerDidService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly keyStatus: KeyStatusService,
    private readonly clock: Clock,
  ) {}

  /** The organisation itself or ADMIN. A DID names one organisation only. */
  async register(caller: Caller, input: RegisterIssuerDidInput): Promise<IssuerDidEntity> {
    const actor = requireAdminOrOwn(caller, input.organisationId, ORGANISATION_ROLES);
    const verificationMethods = validatedVerificationMethods(input.did, input.verificationMethods);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(OrganisationEntity).existsBy({ id: input.organisationId }))) {
        throw DomainError.badInput([{ field: 'input.organisationId', message: 'no such organisation' }]);
      }
      if (await manager.getRepository(IssuerDidEntity).existsBy({ did: input.did })) {
        throw new DomainError('CONFLICT', 'this DID is already registered', [{ field: 'input.did', message: 'is already registered' }]);
      }
      const repository = manager.getRepository(IssuerDidEntity);
      const did = await repository.save(repository.create({ organisationId: input.organisationId, did: input.did, verificationMethods }));
      await this.keyStatus.append(manager, { type: 'ISSUER_DID', id: did.id }, 'ACTIVE', this.clock.now(), 'registered', actor);
      await this.audit.append(manager, { actor, action: 'issuer-did.registered', entityType: 'IssuerDid', entityId: did.id, diff: { ...input }, trustRelevant: true });
      return did;
    });
  }

  /** The organisation itself or ADMIN. */
  async revoke(caller: Caller, input: RevokeKeyInput): Promise<IssuerDidEntity> {
    return this.dataSource.transaction(async (manager) => {
      const did = await manager.getRepository(IssuerDidEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!did) throw new DomainError('NOT_FOUND', `no issuer DID ${input.id}`);
      const actor = requireAdminOrOwn(caller, did.organisationId, ORGANISATION_ROLES);
      const effectiveAt = input.effectiveAt ?? this.clock.now();
      await this.keyStatus.revoke(manager, { type: 'ISSUER_DID', id: did.id }, effectiveAt, input.reason, actor);
      await this.audit.append(manager, { actor, action: 'issuer-did.revoked', entityType: 'IssuerDid', entityId: did.id, diff: { effectiveAt, reason: input.reason }, trustRelevant: true });
      return did;
    });
  }

  /** The registered public key a signature's kid names (DESIGN §8.1), or null. */
  publicKeyFor(did: string, kid: string) {
    return registeredPublicKey(this.dataSource.manager, did, kid);
  }

  forOrganisations(organisationIds: readonly string[]): Promise<IssuerDidEntity[]> {
    return this.dataSource.getRepository(IssuerDidEntity).find({ where: { organisationId: In([...organisationIds]) }, order: { createdAt: 'ASC' } });
  }
}
