import { Injectable } from '@nestjs/common';
import { OpportunityService } from '#catalogue';
import { DomainError } from '#platform';
import { AccreditationService, OrganisationService } from '#registry';
import { accreditationDocument, opportunityDocument, organisationDocument } from './elm-export.js';

/** Reads a record through its context's service and shapes it as ELM; a missing (or unpublished) one is NOT_FOUND. */
@Injectable()
export class ElmExportService {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly accreditations: AccreditationService,
    private readonly opportunities: OpportunityService,
  ) {}

  async organisation(id: string): Promise<object> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new DomainError('NOT_FOUND', `no organisation ${id}`);
    return organisationDocument(organisation);
  }

  async accreditation(id: string): Promise<object> {
    const accreditation = await this.accreditations.findById(id);
    if (!accreditation) throw new DomainError('NOT_FOUND', `no accreditation ${id}`);
    const parties = await this.organisations.findByIds([accreditation.accreditedOrganisationId, accreditation.accreditingAgentId]);
    const byId = new Map(parties.map((p) => [p.id, p]));
    return accreditationDocument(accreditation, byId.get(accreditation.accreditedOrganisationId)!, byId.get(accreditation.accreditingAgentId)!);
  }

  /** Published opportunities only: drafts and archived ones are not public. */
  async learningOpportunity(id: string, selfUrl: string): Promise<object> {
    const [opportunity] = await this.opportunities.findPublished([id]);
    if (!opportunity) throw new DomainError('NOT_FOUND', `no published learning opportunity ${id}`);
    const provider = await this.organisations.findById(opportunity.providerId);
    return opportunityDocument(opportunity, provider!, selfUrl);
  }
}
