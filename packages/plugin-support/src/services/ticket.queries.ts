import {
  defineChildPageLoader,
  defineLoader,
  idFilterValue,
  likePattern,
  keyset,
  oneByKey,
  positionOf,
  queryRows,
  sql,
  toConnection,
  workspaceIdOf,
  type ChildPageKey,
  type Connection,
  type PageWindow,
  type RequestContext,
  type SqlFragment,
} from '@kontra/core';
import { ACTIVE_STATUSES } from '../entities/support.enums.js';
import type { TicketFilter } from '../resolvers/inputs/ticket-filter.input.js';
import { TicketOrder } from '../resolvers/inputs/ticket-filter.input.js';
import type { SlaClockType, TicketType } from '../resolvers/support.types.js';
import { clockStatus } from './sla-clock.js';

const CLOCK_FIELDS = ['target_minutes', 'running_since', 'due_at', 'completed_at', 'breached_at'] as const;

function clockColumns(t: SqlFragment, prefix: 'first_response' | 'resolution'): SqlFragment {
  return sql.join(
    CLOCK_FIELDS.map((field) => sql`${t}.${sql.ref(`${prefix}_${field}`)} as ${sql.ref(`${prefix}_${field}`)}`),
  );
}

/** The earliest due time of a running clock; 'infinity' when none runs, so such tickets sort last. */
function dueSort(t: SqlFragment): SqlFragment {
  return sql`coalesce(least(${t}.first_response_due_at, ${t}.resolution_due_at), 'infinity'::timestamptz)`;
}

export function ticketColumns(t: SqlFragment): SqlFragment {
  return sql`${t}.id, ${t}.number, ${t}.counterparty_id as "counterpartyId", ${t}.contact_id as "contactId", ${t}.subject,
    ${t}.description, ${t}.channel, ${t}.status, ${t}.priority, ${t}.tags, ${t}.assignee_id as "assigneeId",
    ${t}.queue_id as "queueId", ${t}.related_deal_id as "relatedDealId", ${t}.related_order_id as "relatedOrderId",
    ${t}.sla_policy_id as "slaPolicyId", ${clockColumns(t, 'first_response')}, ${clockColumns(t, 'resolution')},
    ${dueSort(t)}::text as "dueSort", ${t}.resolved_at as "resolvedAt", ${t}.closed_at as "closedAt",
    ${t}.satisfaction_rating as "satisfactionRating", ${t}.satisfaction_comment as "satisfactionComment",
    ${t}.rated_at as "ratedAt", ${t}.version, ${t}.created_at as "createdAt", ${t}.updated_at as "updatedAt"`;
}

type ClockRow = Record<`${'first_response' | 'resolution'}_${(typeof CLOCK_FIELDS)[number]}`, unknown>;
export type TicketRow = Omit<TicketType, 'sla' | 'nextDueAt'> &
  ClockRow & { slaPolicyId: string | null; dueSort: string };

function clockOf(row: TicketRow, prefix: 'first_response' | 'resolution'): SlaClockType {
  const clock = {
    targetMinutes: row[`${prefix}_target_minutes`] as number | null,
    runningSince: row[`${prefix}_running_since`] as Date | null,
    dueAt: row[`${prefix}_due_at`] as Date | null,
    completedAt: row[`${prefix}_completed_at`] as Date | null,
    breachedAt: row[`${prefix}_breached_at`] as Date | null,
  };
  return { ...clock, status: clockStatus(clock) };
}

/** A ticket as GraphQL serves it, from a row of `ticketColumns`. */
export function toTicket(row: TicketRow): TicketType & { dueSort: string } {
  const firstResponse = clockOf(row, 'first_response');
  const resolution = clockOf(row, 'resolution');
  return {
    ...row,
    sla: { slaPolicyId: row.slaPolicyId, firstResponse, resolution },
    nextDueAt: row.dueSort === 'infinity' ? null : new Date(row.dueSort),
  };
}

export interface TicketQuery {
  filter: TicketFilter;
  order: TicketOrder;
  /** Whether internal notes count for `search`. */
  readInternal: boolean;
}

function ticketConditions(ctx: RequestContext, t: SqlFragment, query: TicketQuery): SqlFragment[] {
  const { filter } = query;
  const conditions = [sql`${t}.workspace_id = ${workspaceIdOf(ctx)}`, sql`${t}.deleted_at is null`];
  if (filter.status?.length) conditions.push(sql`${t}.status::text = any(${filter.status})`);
  if (filter.priority?.length) conditions.push(sql`${t}.priority::text = any(${filter.priority})`);
  if (filter.queueId) conditions.push(sql`${t}.queue_id = ${idFilterValue(filter.queueId)}::uuid`);
  if (filter.assigneeId) conditions.push(sql`${t}.assignee_id = ${idFilterValue(filter.assigneeId)}::uuid`);
  if (filter.unassigned != null) {
    conditions.push(filter.unassigned ? sql`${t}.assignee_id is null` : sql`${t}.assignee_id is not null`);
  }
  if (filter.counterpartyId) {
    conditions.push(sql`${t}.counterparty_id = ${idFilterValue(filter.counterpartyId)}::uuid`);
  }
  if (filter.tag) conditions.push(sql`${t}.tags @> array[${filter.tag}]::text[]`);
  if (filter.slaBreached != null) {
    const breached = sql`(${t}.first_response_breached_at is not null or ${t}.resolution_breached_at is not null)`;
    conditions.push(filter.slaBreached ? breached : sql`not ${breached}`);
  }
  if (filter.search?.trim()) {
    const pattern = likePattern(filter.search.trim());
    const visible = query.readInternal ? sql`true` : sql`not c.internal`;
    conditions.push(sql`(${t}.subject ilike ${pattern} or exists (select 1 from support_ticket_comment c
      where c.workspace_id = ${t}.workspace_id and c.ticket_id = ${t}.id and ${visible} and c.body ilike ${pattern}))`);
  }
  return conditions;
}

function ticketPage(t: SqlFragment, order: TicketOrder, window: PageWindow) {
  return order === TicketOrder.DUE
    ? keyset({ column: dueSort(t), id: sql`${t}.id`, cast: 'timestamptz', descending: false, window })
    : keyset({ column: sql`${t}.created_at`, id: sql`${t}.id`, cast: 'timestamptz', descending: true, window });
}

function positionFor(order: TicketOrder) {
  return (row: TicketType & { dueSort: string }) =>
    order === TicketOrder.DUE ? positionOf(row.dueSort, row.id) : positionOf(row.createdAt, row.id);
}

/** One page of tickets, filtered and sorted; one statement. */
export async function listTickets(
  ctx: RequestContext,
  query: TicketQuery,
  window: PageWindow,
): Promise<Connection<TicketType>> {
  const t = sql.ref('t');
  const page = ticketPage(t, query.order, window);
  const rows = await queryRows(
    ctx.em,
    sql<TicketRow>`select ${ticketColumns(t)} from support_ticket ${t}
      where ${sql.join([...ticketConditions(ctx, t, query), page.condition], sql` and `)}
      order by ${page.order} limit ${window.limit + 1}`,
  );
  return toConnection(rows.map(toTicket), window, positionFor(query.order));
}

export const ticketById = defineLoader<string, TicketType | null>(async (ctx, ids) => {
  const t = sql.ref('t');
  const rows = await queryRows(
    ctx.em,
    sql<TicketRow>`select ${ticketColumns(t)} from support_ticket ${t}
      where ${t}.workspace_id = ${workspaceIdOf(ctx)} and ${t}.id = any(${ids}::uuid[]) and ${t}.deleted_at is null`,
  );
  return oneByKey(ids, rows.map(toTicket), (row) => row.id);
});

/** `Counterparty.tickets`, newest first: many counterparties' pages in one LATERAL statement. */
export const ticketPageByCounterparty = defineChildPageLoader<
  ChildPageKey & { query: TicketQuery },
  TicketType & { parentId: string },
  TicketRow & { parentId: string }
>({
  select: (ctx, parent, key) => {
    const t = sql.ref('t');
    const page = ticketPage(t, TicketOrder.NEWEST, key.window);
    const conditions = [...ticketConditions(ctx, t, key.query), sql`${t}.counterparty_id = ${parent}`, page.condition];
    return sql`select ${ticketColumns(t)}, ${parent} as "parentId" from support_ticket ${t}
      where ${sql.join(conditions, sql` and `)} order by ${page.order} limit ${key.window.limit + 1}`;
  },
  fromRow: (row) => ({ ...toTicket(row), parentId: row.parentId }),
  parentOf: (row) => row.parentId,
  positionOf: (row) => positionOf(row.createdAt, row.id),
});

/** Open (not resolved or closed) tickets per counterparty; one grouped statement. */
export const openTicketCountByCounterparty = defineLoader<string, number>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<{ counterpartyId: string; count: number }>`select counterparty_id as "counterpartyId", count(*)::int as count
      from support_ticket where workspace_id = ${workspaceIdOf(ctx)} and counterparty_id = any(${ids}::uuid[])
        and deleted_at is null and status::text = any(${ACTIVE_STATUSES})
      group by counterparty_id`,
  );
  const byId = new Map(rows.map((row) => [row.counterpartyId, row.count]));
  return ids.map((id) => byId.get(id) ?? 0);
});
