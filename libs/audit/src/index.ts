export { AuditEventEntity } from './audit-event.entity.js';
export { AuditModule } from './audit.module.js';
export { AuditService, REGISTRY_CHANNEL } from './audit.service.js';
