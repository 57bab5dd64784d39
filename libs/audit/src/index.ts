export { AuditEventEntity } from './audit-event.entity.js';
export { AuditModule } from './audit.module.js';
export { AuditService, type ChainVerification, GENESIS_HASH, type NewAuditEvent, REGISTRY_CHANNEL } from './audit.service.js';
