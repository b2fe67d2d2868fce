import 'reflect-metadata';

// Kernel: the plugin contract and what a plugin gets at run time.
export {
  definePlugin,
  type KontraPlugin,
  type AfterCommitHandler,
  type InTransactionHook,
  type ClassReference,
} from './kernel/plugin.js';
export { resolvePlugins, PluginLoadError, type ResolvedPlugin } from './kernel/load-plugins.js';
export { KontraRuntime, type RuntimeLogger, type RuntimeOptions } from './kernel/runtime.js';
export {
  createRequestContext,
  requirePrincipal,
  requirePermission,
  workspaceIdOf,
  type RequestContext,
  type SubscriberChannel,
} from './kernel/context.js';
export { defineLoader, oneByKey, manyByKey, type LoaderFactory } from './kernel/loaders.js';
export type { PermissionTable } from './kernel/permissions.js';
export type { CliCommand, CliCommandContext } from './kernel/cli-command.js';
export type { KontraEventMap, KontraPluginConfigMap, KontraEventType } from './kernel/registries.js';
export { corePlugin } from './plugin.js';

export type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
export { LockMode, type MigrationObject } from '@mikro-orm/core';

// Data: ORM set-up, base entity, SQL helpers, locking.
export { createOrm, ormConfig, migrate, collectMigrations, type OrmOptions } from './data/orm.js';
export { WorkspaceOwnedEntity, WorkspaceScopedEntity } from './data/workspace-scoped.entity.js';
export { sql, queryRows, BACKGROUND, type SqlFragment } from './data/sql.js';
export { newId, isId, idFilterValue } from './data/ids.js';
export { isTimeZone } from './data/time-zone.js';
export { likePattern } from './graphql/filter-sql.js';
export {
  loadForUpdate,
  changedFields,
  setSoftDeleted,
  findLive,
  type LoadForUpdateOptions,
  type SoftDeleteOptions,
} from './data/load-for-update.js';

// GraphQL building blocks.
export { buildKontraSchema } from './graphql/build-schema.js';
export {
  connectionType,
  keyset,
  positionOf,
  pageWindow,
  toConnection,
  encodeCursor,
  decodeCursor,
  ConnectionArgs,
  PageInfo,
  SortDirection,
  MAX_PAGE_SIZE,
  type Connection,
  type Edge,
  type PageWindow,
  type CursorPosition,
} from './graphql/connection.js';
export {
  unauthenticated,
  forbidden,
  notFound,
  badUserInput,
  conflict,
  type KontraErrorCode,
  type FieldProblem,
} from './graphql/errors.js';
export type { CounterpartyFilterExtension, FilterScope } from './graphql/filter-extension.js';
export { defineChildPageLoader, type ChildPageKey, type ChildPageSpec } from './graphql/child-pages.js';
export { BigIntScalar, DateScalar, DateTimeScalar, DecimalScalar } from './graphql/scalars.js';
export { createErrorFormatter } from './graphql/format-error.js';
export { checkQueryLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/query-limits.js';
export { RawArg } from './graphql/raw-arg.js';
export { IdFilter, DateTimeFilter, DateFilter, StringListFilter } from './graphql/common-filters.input.js';

// Events.
export { write, type WriteContext } from './events/write.js';
export type { DomainEvent, DomainEventInput, EventPayload } from './events/domain-event.js';
export { EventBus } from './events/event-bus.js';
export {
  eventStream,
  workspaceEventStream,
  SubscriberTooSlowError,
  TOO_SLOW_CLOSE_CODE,
  type WorkspaceStreamOptions,
} from './events/event-stream.js';
export { EventLogEntry } from './events/event-log.entity.js';
export { purgeEventLog } from './events/retention.js';
export { EventFeed, EVENT_CHANNEL } from './events/event-feed.js';
export { eventLogPosition, readEventsAfter } from './events/event-rows.js';

// Webhooks and triggers.
export { verifyWebhookSignature, signWebhook, SIGNATURE_HEADER } from './automation/webhook-signature.js';
export { dispatchAutomation } from './automation/dispatch.job.js';
export { announceOccasions, occasionsJob, type Occasion } from './automation/occasions.js';
export type { CoreConfig } from './automation/core-config.js';

// Durable jobs.
export { defineJob, type JobDefinition } from './jobs/job.js';
export { JobQueue, type JobQueueOptions } from './jobs/job-queue.js';

// Demo data.
export { seedDemoWorkspace, type SeedResult } from './seed/run-seed.js';
export { seededRandom, pick, weighted, type SeedContext } from './seed/seed-context.js';

// Auth.
export type { Principal } from './auth/principal.js';
export { authenticateApiKey, issueApiKey, createWorkspaceWithAdmin } from './auth/api-keys.js';
export { workspaceAdminPrincipal, systemPrincipal } from './auth/act-as.js';
export { ApiKey } from './auth/api-key.entity.js';

// Core domain: entities and GraphQL types plugins build on.
export { Workspace } from './domain/workspace/workspace.entity.js';
export { User } from './domain/workspace/user.entity.js';
export { UserRole } from './domain/workspace/user-role.enum.js';
export { UserType, WorkspaceType } from './domain/workspace/user.type.js';
export { userById } from './domain/workspace/user.queries.js';
export { Counterparty, type ContactPoint, type PostalAddress } from './domain/counterparty/counterparty.entity.js';
export { CounterpartyKind, CounterpartyRole } from './domain/counterparty/counterparty.enums.js';
export { CounterpartyType } from './domain/counterparty/counterparty.type.js';
export { counterpartyById } from './domain/counterparty/counterparty.queries.js';
export { CounterpartyFilter } from './domain/counterparty/counterparty-filter.input.js';
export { Interaction } from './domain/interaction/interaction.entity.js';
export { InteractionType, InteractionDirection } from './domain/interaction/interaction.enums.js';
export { Relationship } from './domain/relationship/relationship.entity.js';
export { FieldDefinition } from './domain/custom-field/field-definition.entity.js';
export { CustomFieldType } from './domain/custom-field/custom-field-type.enum.js';
export type { TimelineSource, TimelineScope } from './domain/timeline/timeline-source.js';
export { TimelineEntry } from './domain/timeline/timeline-entry.type.js';
export {
  InteractionObjectType,
  InteractionParticipantType,
  AttachmentType,
} from './domain/interaction/interaction.type.js';
export { interactionById, attachmentById } from './domain/interaction/interaction.queries.js';
export { attachmentFrom } from './domain/interaction/interaction.service.js';
export { Attachment } from './domain/interaction/attachment.entity.js';
export { AttachmentInput } from './domain/interaction/interaction.inputs.js';
export { InteractionFilter } from './domain/interaction/interaction-filter.input.js';
export { RelationshipType } from './domain/relationship/relationship.type.js';
export { RelationshipDirection } from './domain/relationship/relationship-direction.js';
