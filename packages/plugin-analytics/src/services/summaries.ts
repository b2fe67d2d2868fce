import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { PeriodInput } from '../resolvers/period.input.js';

/**
 * Up to when the caller's workspace's summaries are complete (null before their first build): when
 * no event has been committed since their last refresh, the refresh job's last check (at most
 * `summaryRefreshSeconds` ago), else that refresh's time. It never goes back: every refresh is
 * later than the check of its run. Read it before the summaries, so that everything committed
 * before it is in what is read after.
 */
export async function summariesAsOf(ctx: RequestContext): Promise<Date | null> {
  const [row] = await queryRows(
    ctx.em,
    sql<{ asOf: Date }>`select case when w.last_event_seq <= r.last_seq
        then greatest(r.refreshed_at, (select checked_at from analytics_check)) else r.refreshed_at end as "asOf"
      from analytics_refresh r join workspace w on w.id = r.workspace_id where r.workspace_id = ${workspaceIdOf(ctx)}`,
  );
  return row ? new Date(row.asOf) : null;
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
