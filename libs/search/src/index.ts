export { SearchModule } from './search.module.js';
export { OutboxService } from './outbox/outbox.service.js';
export { OutboxEntryEntity } from './outbox/outbox-entry.entity.js';
export { createMeilisearchClient, type MeilisearchConnection } from './meilisearch.client.js';
