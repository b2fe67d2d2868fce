import { sql, type TimelineSource } from '@kontra/core';
import { publicCommentById, statusChangeById } from '../services/comment.queries.js';
import { ticketById } from '../services/ticket.queries.js';
import {
  SlaBreachTimelineEntry,
  TicketReplyTimelineEntry,
  TicketResolvedTimelineEntry,
  TicketTimelineEntry,
} from './support-timeline.types.js';

function present<T, R>(rows: readonly (T | null | Error)[], entry: (row: T) => R) {
  return rows.map((row) => (row && !(row instanceof Error) ? entry(row) : row));
}

const ticketOpened: TimelineSource = {
  kind: 'support.ticketOpened',
  type: () => TicketTimelineEntry,
  entries: ({ workspaceId, counterpartyId }) => sql`select id, created_at as occurred_at from support_ticket
    where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId} and deleted_at is null`,
  load: async (ctx, ids) => present(await ctx.loader(ticketById).loadMany(ids), (ticket) => ({ ticket })),
};

/** Public replies only: the timeline is readable by viewers, internal notes are not. */
const ticketReplied: TimelineSource = {
  kind: 'support.ticketReplied',
  type: () => TicketReplyTimelineEntry,
  entries: ({ workspaceId, counterpartyId }) => sql`select c.id, c.created_at as occurred_at
    from support_ticket_comment c
    join support_ticket t on t.id = c.ticket_id and t.workspace_id = ${workspaceId} and t.deleted_at is null
    where c.workspace_id = ${workspaceId} and t.counterparty_id = ${counterpartyId} and not c.internal`,
  load: async (ctx, ids) => present(await ctx.loader(publicCommentById).loadMany(ids), (comment) => ({ comment })),
};

const ticketResolved: TimelineSource = {
  kind: 'support.ticketResolved',
  type: () => TicketResolvedTimelineEntry,
  entries: ({ workspaceId, counterpartyId }) => sql`select s.id, s.changed_at as occurred_at
    from support_ticket_status_change s
    join support_ticket t on t.id = s.ticket_id and t.workspace_id = ${workspaceId} and t.deleted_at is null
    where s.workspace_id = ${workspaceId} and t.counterparty_id = ${counterpartyId} and s.to_status = 'RESOLVED'`,
  load: async (ctx, ids) =>
    present(await ctx.loader(statusChangeById).loadMany(ids), (statusChange) => ({ statusChange })),
};

function slaBreached(kind: string, clock: 'FIRST_RESPONSE' | 'RESOLUTION'): TimelineSource {
  const breachedAt = sql.ref(clock === 'FIRST_RESPONSE' ? 'first_response_breached_at' : 'resolution_breached_at');
  return {
    kind,
    type: () => SlaBreachTimelineEntry,
    entries: ({ workspaceId, counterpartyId }) => sql`select id, ${breachedAt} as occurred_at from support_ticket
      where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId} and deleted_at is null
        and ${breachedAt} is not null`,
    load: async (ctx, ids) => present(await ctx.loader(ticketById).loadMany(ids), (ticket) => ({ ticket, clock })),
  };
}

export const supportTimelineSources: TimelineSource[] = [
  ticketOpened,
  ticketReplied,
  ticketResolved,
  slaBreached('support.firstResponseBreached', 'FIRST_RESPONSE'),
  slaBreached('support.resolutionBreached', 'RESOLUTION'),
];
