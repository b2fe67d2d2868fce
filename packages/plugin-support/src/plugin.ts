import { definePlugin, UserRole } from '@kontra/core';
import { supportConfigSchema } from './config.js';
import { TicketComment, TicketCommentAttachment } from './entities/comment.entity.js';
import { BusinessCalendar, SlaPolicy, SupportQueue } from './entities/settings.entity.js';
import { SlaClock, Ticket, TicketStatusChange } from './entities/ticket.entity.js';
import { slaSweepJob } from './jobs/sla-sweep.job.js';
import { supportMigrations } from './migrations/index.js';
import { SlaPolicyResolver, SupportSettingsResolver } from './resolvers/settings.resolver.js';
import { TicketSubscriptionResolver } from './resolvers/support-subscription.resolver.js';
import {
  CounterpartyTicketsResolver,
  TicketCommentResolver,
  TicketResolver,
  TicketSlaResolver,
  TicketStatusChangeResolver,
} from './resolvers/ticket.resolver.js';
import { seedSupportDemoData } from './seed/support-demo-data.js';
import { supportTimelineSources } from './timeline/support-timeline.sources.js';

const { ADMIN, MANAGER, AGENT } = UserRole;

/** Tickets with SLA in business hours, assignment, conversations and satisfaction; core's surface only. */
export const supportPlugin = definePlugin({
  name: 'support',
  version: '0.1.0',
  entities: [
    SupportQueue,
    BusinessCalendar,
    SlaPolicy,
    SlaClock,
    Ticket,
    TicketStatusChange,
    TicketComment,
    TicketCommentAttachment,
  ],
  migrations: supportMigrations,
  resolvers: [
    SupportSettingsResolver,
    SlaPolicyResolver,
    TicketResolver,
    TicketSlaResolver,
    TicketCommentResolver,
    TicketStatusChangeResolver,
    CounterpartyTicketsResolver,
    TicketSubscriptionResolver,
  ],
  timelineSources: supportTimelineSources,
  permissions: {
    'support.settings.manage': [ADMIN, MANAGER],
    'support.ticket.write': [ADMIN, MANAGER, AGENT],
    'support.internal.read': [ADMIN, MANAGER, AGENT],
  },
  configSchema: supportConfigSchema,
  jobs: [slaSweepJob],
  seed: seedSupportDemoData,
});
