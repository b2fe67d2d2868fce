import { ApiKey } from './auth/api-key.entity.js';
import { Counterparty } from './domain/counterparty/counterparty.entity.js';
import { CounterpartyResolver } from './domain/counterparty/counterparty.resolver.js';
import { FieldDefinition } from './domain/custom-field/field-definition.entity.js';
import { Attachment } from './domain/interaction/attachment.entity.js';
import { InteractionParticipant } from './domain/interaction/interaction-participant.entity.js';
import { Interaction } from './domain/interaction/interaction.entity.js';
import {
  AttachmentResolver,
  CounterpartyInteractionsResolver,
  InteractionParticipantResolver,
  InteractionResolver,
} from './domain/interaction/interaction.resolver.js';
import { Relationship } from './domain/relationship/relationship.entity.js';
import {
  CounterpartyRelationshipsResolver,
  RelationshipResolver,
} from './domain/relationship/relationship.resolver.js';
import { interactionTimelineSource } from './domain/timeline/interaction-timeline.source.js';
import { CounterpartyTimelineResolver } from './domain/timeline/timeline.resolver.js';
import { User } from './domain/workspace/user.entity.js';
import { Workspace } from './domain/workspace/workspace.entity.js';
import { WorkspaceResolver } from './domain/workspace/workspace.resolver.js';
import { TeamResolver } from './domain/workspace/team.resolver.js';
import { CustomFieldResolver } from './domain/custom-field/custom-field.resolver.js';
import { EventLogEntry } from './events/event-log.entity.js';
import { EventResolver } from './events/event.resolver.js';
import { corePermissions } from './kernel/permissions.js';
import { definePlugin } from './kernel/plugin.js';
import { coreMigrations } from './migrations/index.js';
import { seedCoreDemoData } from './seed/core-demo-data.js';
import {
  AutomationCursor,
  TriggerRule,
  TriggerRun,
  WebhookDelivery,
  WebhookEndpoint,
} from './automation/automation.entities.js';
import { AutomationResolver } from './automation/automation.resolver.js';
import { coreConfigSchema } from './automation/core-config.js';
import { automationDispatchJob } from './automation/dispatch.job.js';
import { triggerRunJob } from './automation/trigger-run.job.js';
import { webhookDeliveryJob } from './automation/webhook-delivery.job.js';
import { birthdayJob } from './automation/occasions.js';

/** The core domain, loaded first and through the same contract as every other plugin. */
export const corePlugin = definePlugin({
  name: 'core',
  version: '0.1.0',
  entities: [
    Workspace,
    User,
    ApiKey,
    Counterparty,
    FieldDefinition,
    Relationship,
    Interaction,
    InteractionParticipant,
    Attachment,
    EventLogEntry,
    WebhookEndpoint,
    WebhookDelivery,
    TriggerRule,
    TriggerRun,
    AutomationCursor,
  ],
  migrations: coreMigrations,
  resolvers: [
    WorkspaceResolver,
    TeamResolver,
    CustomFieldResolver,
    CounterpartyResolver,
    InteractionResolver,
    InteractionParticipantResolver,
    AttachmentResolver,
    CounterpartyInteractionsResolver,
    RelationshipResolver,
    CounterpartyRelationshipsResolver,
    CounterpartyTimelineResolver,
    EventResolver,
    AutomationResolver,
  ],
  timelineSources: [interactionTimelineSource],
  permissions: corePermissions,
  seed: seedCoreDemoData,
  configSchema: coreConfigSchema,
  jobs: [automationDispatchJob, webhookDeliveryJob, triggerRunJob, birthdayJob],
});
