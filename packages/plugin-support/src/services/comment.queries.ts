import {
  defineLoader,
  manyByKey,
  oneByKey,
  queryRows,
  sql,
  workspaceIdOf,
  type LoaderFactory,
  type RequestContext,
} from '@kontra/core';
import type { TicketCommentType, TicketStatusChangeType } from '../resolvers/support.types.js';

const COMMENT_COLUMNS = sql`id, ticket_id as "ticketId", author_id as "authorId",
  author_counterparty_id as "authorCounterpartyId", body, internal, created_at as "createdAt"`;

function visibility(readInternal: boolean) {
  return readInternal ? sql`true` : sql`not internal`;
}

function commentsByTicket(readInternal: boolean): LoaderFactory<string, TicketCommentType[]> {
  return defineLoader(async (ctx, ids) => {
    const rows = await queryRows(
      ctx.em,
      sql<TicketCommentType>`select ${COMMENT_COLUMNS} from support_ticket_comment
        where workspace_id = ${workspaceIdOf(ctx)} and ticket_id = any(${ids}::uuid[]) and ${visibility(readInternal)}
        order by created_at, id`,
    );
    return manyByKey(ids, rows, (row) => row.ticketId);
  });
}

function lastCommentByTicket(readInternal: boolean): LoaderFactory<string, TicketCommentType | null> {
  return defineLoader(async (ctx, ids) => {
    const rows = await queryRows(
      ctx.em,
      sql<TicketCommentType>`select distinct on (ticket_id) ${COMMENT_COLUMNS} from support_ticket_comment
        where workspace_id = ${workspaceIdOf(ctx)} and ticket_id = any(${ids}::uuid[]) and ${visibility(readInternal)}
        order by ticket_id, created_at desc, id desc`,
    );
    return oneByKey(ids, rows, (row) => row.ticketId);
  });
}

const allComments = commentsByTicket(true);
const publicComments = commentsByTicket(false);
const lastOfAll = lastCommentByTicket(true);
const lastPublic = lastCommentByTicket(false);

/** A ticket's conversation, oldest first; internal notes only for those who may read them. */
export function conversationOf(ctx: RequestContext, ticketId: string, readInternal: boolean) {
  return ctx.loader(readInternal ? allComments : publicComments).load(ticketId);
}

export function lastCommentOf(ctx: RequestContext, ticketId: string, readInternal: boolean) {
  return ctx.loader(readInternal ? lastOfAll : lastPublic).load(ticketId);
}

/** Comments by id, public ones only: what the timeline and public feeds may show. */
export const publicCommentById = defineLoader<string, TicketCommentType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<TicketCommentType>`select ${COMMENT_COLUMNS} from support_ticket_comment
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[]) and not internal`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

export const attachmentIdsByComment = defineLoader<string, string[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<{ commentId: string; attachmentId: string }>`select comment_id as "commentId", attachment_id as "attachmentId"
      from support_comment_attachment where workspace_id = ${workspaceIdOf(ctx)} and comment_id = any(${ids}::uuid[])
      order by id`,
  );
  return manyByKey(ids, rows, (row) => row.commentId).map((links) => links.map((link) => link.attachmentId));
});

const STATUS_CHANGE_COLUMNS = sql`id, ticket_id as "ticketId", from_status as "fromStatus", to_status as "toStatus",
  actor_id as "actorId", changed_at as "changedAt"`;

export const statusChangesByTicket = defineLoader<string, TicketStatusChangeType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<TicketStatusChangeType>`select ${STATUS_CHANGE_COLUMNS} from support_ticket_status_change
      where workspace_id = ${workspaceIdOf(ctx)} and ticket_id = any(${ids}::uuid[]) order by changed_at, id`,
  );
  return manyByKey(ids, rows, (row) => row.ticketId);
});

export const statusChangeById = defineLoader<string, TicketStatusChangeType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<TicketStatusChangeType>`select ${STATUS_CHANGE_COLUMNS} from support_ticket_status_change
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});
