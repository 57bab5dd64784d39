export { Clock } from './clock.js';
export { groupBy } from './collections.js';
export { collectGarbage } from './memory/collect-garbage.js';
export { IdleCollection } from './memory/idle-collection.js';
export { ConfigError, loadConfig, type LogLevel, type TesseraConfig } from './config/config.js';
export { dataSourceOptions, type DatabaseSchema, runMigrations } from './database/data-source.js';
export { ensureDatabase, startEmbeddedPostgres } from './engines/embedded-postgres.js';
export { startEmbeddedMeilisearch } from './engines/embedded-meilisearch.js';
export { type Engines, startEngines } from './engines/engines.js';
export { findFreePort, readOrCreateSecret } from './engines/managed-process.js';
export { DomainError, type ErrorCode, type FieldProblem } from './errors/domain-error.js';
export { formatGraphQLErrors } from './graphql/error-formatter.js';
export { problemDocument, toGraphQLError } from './errors/errors.filter.js';
export { toPublicError } from './errors/error-mapping.js';
export { InputValidationPipe } from './validation/input-validation.pipe.js';
export { maxCostRule } from './graphql/query-complexity.js';
export { DEFAULT_BODY_LIMIT_BYTES, graphqlBodyLimit, LARGE_BODY_MUTATIONS, registerGraphqlBodyLimits } from './graphql/large-bodies.js';
export { createLogger, NestJsonLogger } from './logging/logger.js';
export { PlatformModule, TESSERA_CONFIG } from './platform.module.js';
export { requireAdmin, requireAdminOrOwn, requireAnyKey, requireAuthenticated } from './caller/authorisation.js';
export { ANONYMOUS, actorOf, type Actor, type Caller, type Role, ROLES } from './caller/caller.js';
export { CurrentCaller, requestOf, type RequestWithCaller } from './caller/current-caller.js';
export { ANNEX_I_ELEMENTS as CREDENTIAL_ANNEX_I_ELEMENTS, type AnnexIElement as CredentialAnnexIElement, OFFER_ANNEX_I_ELEMENTS, type OfferAnnexIElement } from './vocabularies/annex-i.js';
export { isCountryCode } from './vocabularies/countries.js';
export { default as ELM_VOCABULARIES, type ElmVocabularyName } from './vocabularies/elm-vocabularies.data.js';
export { isLanguageCode, LANGUAGE_CODES } from './vocabularies/languages.js';
export {
  ACCREDITATION_TYPE_IRIS,
  ACCREDITATION_TYPES,
  type AccreditationType,
  ASSESSMENT_TYPE_IRIS,
  ASSESSMENT_TYPES,
  type AssessmentType,
  EQF_LEVEL_IRIS,
  isEqfLevel,
  iscedFBroad,
  iscedFCovers,
  iscedFPrefixes,
  iscedFLabel,
  isIscedFCode,
  LEARNING_ASSESSMENT_MODE_IRIS,
  LEARNING_ASSESSMENT_MODES,
  LEARNING_OPPORTUNITY_TYPE_IRIS,
  LEARNING_OPPORTUNITY_TYPES,
  LEARNING_SETTING_IRIS,
  LEARNING_SETTINGS,
  type LearningAssessmentMode,
  type LearningOpportunityType,
  type LearningSetting,
  SUPERVISION_VERIFICATIONS,
  type SupervisionVerification,
} from './vocabularies/vocabularies.js';
export { groupByKeys, pickByKeys, requestLoader } from './graphql/request-loaders.js';
export { ParseIdPipe } from './validation/parse-id.pipe.js';
export { IsCountryCode, IsEqfLevel, IsIscedFCode, IsLanguageCode, IsLegalIdentifier } from './validation/vocabulary-validators.js';
export { AnonymousBudget, RateLimitGuard, Unmetered } from './http/rate-limit.guard.js';
export { admitDirectCall, CallerResolver } from './caller/caller-resolver.js';
export { registerAnonymousBudget } from './http/anonymous-budget.js';
export { RecordEntity } from './database/record.entity.js';
export { type ImportOptions, transactionOrDryRun } from './database/dry-run.js';
export { HistoryEntryEntity } from './database/history-entry.entity.js';
export { OutboxModule, OutboxService } from './outbox/outbox.service.js';
export { OutboxEntryEntity } from './outbox/outbox-entry.entity.js';
