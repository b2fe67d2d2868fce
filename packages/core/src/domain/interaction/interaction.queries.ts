import { sql, queryRows, type SqlFragment } from '../../data/sql.js';
import { defineLoader, manyByKey, oneByKey } from '../../kernel/loaders.js';
import { workspaceIdOf, type RequestContext } from '../../kernel/context.js';
import { keyset, positionOf, toConnection, type Connection, type PageWindow } from '../../graphql/connection.js';
import { defineChildPageLoader, type ChildPageKey } from '../../graphql/child-pages.js';
import { allOf } from '../../graphql/filter-sql.js';
import { interactionConditions } from '../counterparty/counterparty-filter.compiler.js';
import type { InteractionFilter } from './interaction-filter.input.js';
import type { AttachmentType, InteractionObjectType, InteractionParticipantType } from './interaction.type.js';

export function interactionColumns(i: SqlFragment): SqlFragment {
  return sql`${i}.id, ${i}.counterparty_id as "counterpartyId", ${i}.type, ${i}.direction, ${i}.occurred_at as "occurredAt",
    ${i}.subject, ${i}.body, ${i}.outcome, ${i}.duration_seconds as "durationSeconds", ${i}.created_by_id as "createdById",
    ${i}.version, ${i}.created_at as "createdAt", ${i}.updated_at as "updatedAt", ${i}.deleted_at as "deletedAt"`;
}

/** Newest first, as a history is read; `before`/`last` page towards the newest. */
function interactionPage(i: SqlFragment, window: PageWindow) {
  return keyset({ column: sql`${i}.occurred_at`, id: sql`${i}.id`, cast: 'timestamptz', descending: true, window });
}

export interface InteractionPageQuery {
  filter: InteractionFilter | null;
  window: PageWindow;
}

/** Interactions across the workspace, newest first. */
export async function listInteractions(
  ctx: RequestContext,
  workspaceId: string,
  query: InteractionPageQuery,
): Promise<Connection<InteractionObjectType>> {
  const i = sql.ref('i');
  const page = interactionPage(i, query.window);
  const conditions = [
    sql`${i}.workspace_id = ${workspaceId}`,
    sql`${i}.deleted_at is null`,
    page.condition,
    ...interactionConditions(i, query.filter ?? {}),
  ];
  const rows = await queryRows(
    ctx.em,
    sql<InteractionObjectType>`select ${interactionColumns(i)} from interaction ${i}
      where ${allOf(conditions)} order by ${page.order} limit ${query.window.limit + 1}`,
  );
  return toConnection(rows, query.window, (row) => positionOf(row.occurredAt, row.id));
}

/** One counterparty's page of interactions, filtered. */
export interface InteractionPageKey extends ChildPageKey {
  filter: InteractionFilter | null;
}

/** Pages of interactions for many counterparties, each from the (workspace, counterparty, time) index. */
export const interactionPageByCounterparty = defineChildPageLoader<InteractionPageKey, InteractionObjectType>({
  select: (ctx, parent, { filter, window }) => {
    const i = sql.ref('i');
    const page = interactionPage(i, window);
    const conditions = [
      sql`${i}.workspace_id = ${workspaceIdOf(ctx)}`,
      sql`${i}.counterparty_id = ${parent}`,
      sql`${i}.deleted_at is null`,
      page.condition,
      ...interactionConditions(i, filter ?? {}),
    ];
    return sql`select ${interactionColumns(i)} from interaction ${i}
      where ${allOf(conditions)} order by ${page.order} limit ${window.limit + 1}`;
  },
  parentOf: (row) => row.counterpartyId,
  positionOf: (row) => positionOf(row.occurredAt, row.id),
});

export const interactionById = defineLoader<string, InteractionObjectType | null>(async (ctx, ids) => {
  const i = sql.ref('i');
  const rows = await queryRows(
    ctx.em,
    sql<InteractionObjectType>`select ${interactionColumns(i)} from interaction ${i}
      where ${i}.workspace_id = ${workspaceIdOf(ctx)} and ${i}.id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

export const participantsByInteraction = defineLoader<string, InteractionParticipantType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<InteractionParticipantType>`select id, interaction_id as "interactionId", counterparty_id as "counterpartyId",
        user_id as "userId", role from interaction_participant
      where workspace_id = ${workspaceIdOf(ctx)} and interaction_id = any(${ids}::uuid[]) order by id`,
  );
  return manyByKey(ids, rows, (row) => row.interactionId);
});

export const attachmentsByInteraction = defineLoader<string, AttachmentType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<AttachmentType>`select id, interaction_id as "interactionId", file_name as "fileName",
        content_type as "contentType", size, sha256, created_at as "createdAt" from attachment
      where workspace_id = ${workspaceIdOf(ctx)} and interaction_id = any(${ids}::uuid[]) order by id`,
  );
  return manyByKey(ids, rows, (row) => row.interactionId);
});

/** Attachments by id, without content; plugins list their own records' attachments with it. */
export const attachmentById = defineLoader<string, AttachmentType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<AttachmentType>`select id, interaction_id as "interactionId", file_name as "fileName",
        content_type as "contentType", size, sha256, created_at as "createdAt" from attachment
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

/** Attachment content, base64-encoded, read only when a client asks for it. */
export const attachmentContentById = defineLoader<string, string | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<{ id: string; content: string }>`select id, encode(content, 'base64') as content from attachment
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[])`,
  );
  const byId = new Map(rows.map((row) => [row.id, row.content.replace(/\n/g, '')]));
  return ids.map((id) => byId.get(id) ?? null);
});
