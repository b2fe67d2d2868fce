import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { PeriodInput } from '../resolvers/period.input.js';

/** When the caller's workspace's summaries were last brought up to date (null before the first refresh). */
export async function summariesAsOf(ctx: RequestContext): Promise<Date | null> {
  const [row] = await queryRows(
    ctx.em,
    sql<{
      refreshedAt: Date;
    }>`select refreshed_at as "refreshedAt" from analytics_refresh where workspace_id = ${workspaceIdOf(ctx)}`,
  );
  return row ? new Date(row.refreshedAt) : null;
}

/** The summaries' `asOf` when their months are months in `timeZone` (the reporting time zone) and they are built; else null. */
export async function summariesAsOfIn(ctx: RequestContext, timeZone: string): Promise<Date | null> {
  return timeZone === ctx.runtime.config('analytics').reportingTimeZone ? summariesAsOf(ctx) : null;
}

/**
 * The summaries' `asOf` when they can answer for this period: whole months in the reporting time
 * zone, once built; otherwise null, and the orders are read directly.
 */
export async function summariesAsOfFor(ctx: RequestContext, period: PeriodInput): Promise<Date | null> {
  const wholeMonths = period.from.endsWith('-01') && period.to.endsWith('-01');
  return wholeMonths ? summariesAsOfIn(ctx, period.timeZone) : null;
}
