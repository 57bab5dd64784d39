import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '#audit';
import { type Caller, DomainError, OutboxService, requireAdmin } from '#platform';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { AccreditationEntity } from '../accreditation/accreditation.entity.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { PROVIDER_CHANGED_TOPIC } from '../outbox-topics.js';
import { recognitionHoldsAt } from '../accreditation/accredited-at.js';
import { AgencyRecognitionEntity } from './agency-recognition.entity.js';
import type { RecogniseQualityAgencyInput } from './dto/recognise-quality-agency.input.js';

@Injectable()
export class RecognitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** ADMIN only: the operator recognises a quality agency for a period. */
  async recognise(caller: Caller, input: RecogniseQualityAgencyInput): Promise<AgencyRecognitionEntity> {
    const actor = requireAdmin(caller);
    if (input.validUntil && input.validUntil <= input.validFrom) {
      throw DomainError.badInput([{ field: 'input.validUntil', message: 'must be after validFrom' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const agency = await manager.getRepository(OrganisationEntity).findOneBy({ id: input.agencyId });
      if (!agency) throw DomainError.badInput([{ field: 'input.agencyId', message: 'no such organisation' }]);
      if (agency.kind !== 'QUALITY_AGENCY') {
        throw DomainError.badInput([{ field: 'input.agencyId', message: 'only a QUALITY_AGENCY can be recognised' }]);
      }
      const repository = manager.getRepository(AgencyRecognitionEntity);
      const recognition = await repository.save(
        repository.create({
          agencyId: agency.id,
          validFrom: input.validFrom,
          validUntil: input.validUntil ?? null,
          basis: input.basis,
          jurisdictions: [...new Set(input.jurisdictions ?? [])],
        }),
      );
      await this.audit.append(manager, {
        actor,
        action: 'agency.recognised',
        entityType: 'AgencyRecognition',
        entityId: recognition.id,
        diff: { ...input },
        trustRelevant: true,
      });
      // Every provider this agency accredited may be accredited at other times now: re-index them.
      const accredited = await manager.getRepository(AccreditationEntity).findBy({ accreditingAgentId: agency.id });
      await this.outbox.enqueue(manager, PROVIDER_CHANGED_TOPIC, accredited.map((a) => a.accreditedOrganisationId));
      return recognition;
    });
  }

  forAgencies(agencyIds: readonly string[]): Promise<AgencyRecognitionEntity[]> {
    return this.dataSource.getRepository(AgencyRecognitionEntity).find({ where: { agencyId: In([...agencyIds]) }, order: { validFrom: 'ASC' } });
  }

  /** Whether the agency's decisions count at `at` (in any jurisdiction). */
  async isRecognisedAt(manager: EntityManager, agencyId: string, at: Date): Promise<boolean> {
    const recognitions = await manager.getRepository(AgencyRecognitionEntity).findBy({ agencyId });
    return recognitions.some((r) => recognitionHoldsAt(r, at));
  }
}
