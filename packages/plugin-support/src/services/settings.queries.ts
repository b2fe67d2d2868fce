import { defineLoader, oneByKey, queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { BusinessCalendarType, SlaPolicyType, SupportQueueType } from '../resolvers/support.types.js';

export async function listQueues(ctx: RequestContext): Promise<SupportQueueType[]> {
  return queryRows(
    ctx.em,
    sql<SupportQueueType>`select id, name, version from support_queue
      where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null order by name, id`,
  );
}

export const queueById = defineLoader<string, SupportQueueType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<SupportQueueType>`select id, name, version from support_queue
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[]) and deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

const CALENDAR_COLUMNS = sql`id, name, time_zone as "timeZone", working_hours as "workingHours", holidays, version`;

export async function listCalendars(ctx: RequestContext): Promise<BusinessCalendarType[]> {
  return queryRows(
    ctx.em,
    sql<BusinessCalendarType>`select ${CALENDAR_COLUMNS} from support_business_calendar
      where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null order by name, id`,
  );
}

export const calendarById = defineLoader<string, BusinessCalendarType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<BusinessCalendarType>`select ${CALENDAR_COLUMNS} from support_business_calendar
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[]) and deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

const POLICY_COLUMNS = sql`id, name, priority, tag, first_response_minutes as "firstResponseMinutes",
  resolution_minutes as "resolutionMinutes", calendar_id as "calendarId", version`;

export async function listPolicies(ctx: RequestContext): Promise<SlaPolicyType[]> {
  return queryRows(
    ctx.em,
    sql<SlaPolicyType>`select ${POLICY_COLUMNS} from support_sla_policy
      where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null
      order by array_position(array['URGENT','HIGH','NORMAL','LOW'], priority::text), tag nulls last, id`,
  );
}

export const policyById = defineLoader<string, SlaPolicyType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<SlaPolicyType>`select ${POLICY_COLUMNS} from support_sla_policy
      where workspace_id = ${workspaceIdOf(ctx)} and id = any(${ids}::uuid[])`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});
