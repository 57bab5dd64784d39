/**
 * The outbox topic the registry writes (`OutboxService` in `#platform`): something every
 * learning opportunity of that provider carries changed — its accreditation windows, its status —
 * so the catalogue re-indexes all of them. The aggregate id is the provider's organisation id.
 */
export const PROVIDER_CHANGED_TOPIC = 'provider';
