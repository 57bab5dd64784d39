import { AuditEventEntity } from '#audit';
import { ApiKeyEntity } from '#auth';
import { LearningOpportunityEntity } from '#catalogue';
import { MIGRATIONS } from '#migrations';
import {
  NotificationCursorEntity,
  ReviewDueNoticeEntity,
  WebhookDeliveryAttemptEntity,
  WebhookDeliveryEntity,
  WebhookSubscriptionEntity,
} from '#notifications';
import { type DatabaseSchema, OutboxEntryEntity } from '#platform';
import {
  AccreditationEntity,
  AccreditationStatusEntryEntity,
  AgencyRecognitionEntity,
  OrganisationEntity,
  OrganisationStatusEntryEntity,
} from '#registry';
import { IssuerCertificateEntity, IssuerDidEntity, KeyStatusEntryEntity, TrustAnchorEntity, TrustedListEntity } from '#trust';

/** Every entity of every context, and the migrations that create their tables. */
export const DATABASE_SCHEMA: DatabaseSchema = {
  entities: [
    ApiKeyEntity,
    AuditEventEntity,
    OrganisationEntity,
    OrganisationStatusEntryEntity,
    AgencyRecognitionEntity,
    AccreditationEntity,
    AccreditationStatusEntryEntity,
    OutboxEntryEntity,
    LearningOpportunityEntity,
    TrustAnchorEntity,
    IssuerCertificateEntity,
    IssuerDidEntity,
    KeyStatusEntryEntity,
    WebhookSubscriptionEntity,
    WebhookDeliveryEntity,
    WebhookDeliveryAttemptEntity,
    NotificationCursorEntity,
    ReviewDueNoticeEntity,
    TrustedListEntity,
  ],
  migrations: MIGRATIONS,
};
