import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Caller, Clock, DomainError, requireAdminOrOwn } from '#platform';
import { OrganisationEntity } from '#registry';
import { type DataSource, In } from 'typeorm';
import { TrustAnchorEntity } from '../anchors/trust-anchor.entity.js';
import { parseCertificatePem } from '../x509/parse-certificate.js';
import { certificateFromField, chainFromField } from '../x509/certificate-input.js';
import { storedValidityOfPath, verifyChainToAnchors } from '../x509/verify-chain.js';
import { KeyStatusService } from '../key-status/key-status.service.js';
import type { RevokeKeyInput } from '../key-status/revoke-key.input.js';
import type { RegisterIssuerCertificateInput } from './dto/register-issuer-certificate.input.js';
import { IssuerCertificateEntity } from './issuer-certificate.entity.js';

const ORGANISATION_ROLES: ('PROVIDER' | 'QUALITY_AGENCY')[] = ['PROVIDER', 'QUALITY_AGENCY'];

@Injectable()
export class IssuerCertificateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly keyStatus: KeyStatusService,
    private readonly clock: Clock,
  ) {}

  /**
   * The organisation itself (or ADMIN) registers a sealing certificate. Checked here is what does
   * not depend on the clock — it parses, names the organisation, and chains to an anchor when
   * anchors exist — so that an expired seal can still be registered for checking old credentials.
   */
  async register(caller: Caller, input: RegisterIssuerCertificateInput): Promise<IssuerCertificateEntity> {
    const actor = requireAdminOrOwn(caller, input.organisationId, ORGANISATION_ROLES);
    if (input.allowIdentifierMismatch && actor.role !== 'ADMIN') {
      throw new DomainError('FORBIDDEN', 'only the operator may register a certificate whose identifier differs');
    }
    const leaf = certificateFromField(input.certificatePem, 'input.certificatePem');
    const intermediates = input.intermediatesPem ? chainFromField(input.intermediatesPem, 'input.intermediatesPem') : [];

    return this.dataSource.transaction(async (manager) => {
      const organisation = await manager.getRepository(OrganisationEntity).findOneBy({ id: input.organisationId });
      if (!organisation) throw DomainError.badInput([{ field: 'input.organisationId', message: 'no such organisation' }]);
      if (leaf.organizationIdentifier !== organisation.legalIdentifier && !input.allowIdentifierMismatch) {
        throw DomainError.badInput([
          {
            field: 'input.certificatePem',
            message: `its organizationIdentifier (${leaf.organizationIdentifier ?? 'none'}) is not the organisation's legal identifier (${organisation.legalIdentifier})`,
          },
        ]);
      }
      if (await manager.getRepository(IssuerCertificateEntity).findOneBy({ sha256: leaf.sha256 })) {
        throw new DomainError('CONFLICT', 'this certificate is already registered', [{ field: 'input.certificatePem', message: 'is already registered' }]);
      }
      const anchors = await manager.getRepository(TrustAnchorEntity).find();
      let anchorId: string | null = null;
      let chainValidity: { notBefore: string; notAfter: string }[] = [];
      if (anchors.length > 0) {
        const parsedAnchors = anchors.map((a) => parseCertificatePem(a.pem));
        const chain = await verifyChainToAnchors(leaf, intermediates, parsedAnchors);
        if (!chain.anchored) {
          throw DomainError.badInput([{ field: 'input.certificatePem', message: `does not chain to a trust anchor: ${chain.problem}` }]);
        }
        anchorId = anchors.find((a) => a.sha256 === chain.anchor.sha256)!.id;
        chainValidity = storedValidityOfPath(chain.path);
      }
      const repository = manager.getRepository(IssuerCertificateEntity);
      const certificate = await repository.save(
        repository.create({
          organisationId: organisation.id,
          pem: leaf.pem,
          intermediatesPem: intermediates.length > 0 ? intermediates.map((c) => c.pem).join('\n') : null,
          sha256: leaf.sha256,
          subjectDn: leaf.subjectDn,
          issuerDn: leaf.issuerDn,
          serialNumber: leaf.serialNumber,
          notBefore: leaf.notBefore,
          notAfter: leaf.notAfter,
          organizationIdentifier: leaf.organizationIdentifier,
          keyUsageAllowsSigning: leaf.keyUsageAllowsSigning,
          qualifiedESeal: leaf.qualifiedESeal,
          anchorId,
          chainValidity,
        }),
      );
      await this.keyStatus.append(manager, { type: 'ISSUER_CERTIFICATE', id: certificate.id }, 'ACTIVE', this.clock.now(), 'registered', actor);
      await this.audit.append(manager, {
        actor,
        action: 'issuer-certificate.registered',
        entityType: 'IssuerCertificate',
        entityId: certificate.id,
        diff: { organisationId: organisation.id, sha256: certificate.sha256, subjectDn: certificate.subjectDn, anchorId },
        trustRelevant: true,
      });
      return certificate;
    });
  }

  /** The organisation itself or ADMIN; credentials sealed from `effectiveAt` on are not trusted. */
  async revoke(caller: Caller, input: RevokeKeyInput): Promise<IssuerCertificateEntity> {
    return this.dataSource.transaction(async (manager) => {
      const certificate = await manager.getRepository(IssuerCertificateEntity).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!certificate) throw new DomainError('NOT_FOUND', `no issuer certificate ${input.id}`);
      const actor = requireAdminOrOwn(caller, certificate.organisationId, ORGANISATION_ROLES);
      const effectiveAt = input.effectiveAt ?? this.clock.now();
      await this.keyStatus.revoke(manager, { type: 'ISSUER_CERTIFICATE', id: certificate.id }, effectiveAt, input.reason, actor);
      await this.audit.append(manager, { actor, action: 'issuer-certificate.revoked', entityType: 'IssuerCertificate', entityId: certificate.id, diff: { effectiveAt, reason: input.reason }, trustRelevant: true });
      return certificate;
    });
  }

  forOrganisations(organisationIds: readonly string[]): Promise<IssuerCertificateEntity[]> {
    return this.dataSource.getRepository(IssuerCertificateEntity).find({ where: { organisationId: In([...organisationIds]) }, order: { notBefore: 'ASC' } });
  }
}
