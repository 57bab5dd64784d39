export { AccreditationEntity } from './accreditation/accreditation.entity.js';
export { AccreditationService } from './accreditation/accreditation.service.js';
export { RecordAccreditationInput } from './accreditation/dto/accreditation.inputs.js';
export { AccreditationStatusEntryEntity, type AccreditationStatus } from './accreditation/accreditation-status-entry.entity.js';
export {
  accreditationInForceAt,
  accreditedWindows,
  decisionGrants,
  decisionPeriodAt,
  organisationActiveAt,
  recognitionCovers,
  recognitionHoldsAt,
  recordStatusAt,
} from './accreditation/accredited-at.js';
export { OrganisationEntity, type OrganisationKind } from './organisation/organisation.entity.js';
export { OrganisationService } from './organisation/organisation.service.js';
export { OrganisationStatusEntryEntity } from './organisation/organisation-status-entry.entity.js';
export { AgencyRecognitionEntity } from './recognition/agency-recognition.entity.js';
export { RecognitionService } from './recognition/recognition.service.js';
export { RegistryModule } from './registry.module.js';
export {
  entryAt,
  epochMs,
  type Instant,
  type Interval,
  nextChangeFrom,
  statusAt,
} from './time-rules.js';
export { type EpochMs, NONE, shared, SharedValues } from './facts/shared-values.js';
export {
  type AccreditationRecord,
  type OrganisationRecord,
  type Queryable,
  type RecognitionRecord,
  readAccreditations,
  readOrganisations,
  readRecognitions,
  type StatusRecord,
} from './facts/registry-facts.reader.js';
export { PROVIDER_CHANGED_TOPIC } from './outbox-topics.js';
