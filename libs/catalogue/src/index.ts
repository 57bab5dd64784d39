export { CatalogueModule } from './catalogue.module.js';
export { LearningOpportunityEntity } from './opportunity/opportunity.entity.js';
export { OpportunityService } from './opportunity/opportunity.service.js';
export { annexICompliance, ANNEX_I_ELEMENTS, type AnnexIElement } from './opportunity/annex-i.js';
export { OpportunitySearchDocuments } from './search/opportunity-search-documents.js';
export { CreateOpportunityInput, UpdateOpportunityInput } from './opportunity/dto/opportunity.inputs.js';
