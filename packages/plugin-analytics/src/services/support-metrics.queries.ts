import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { PeriodInput } from '../resolvers/period.input.js';
import { periodBounds } from './period-sql.js';
import type { SupportMetricsType } from '../resolvers/support-analytics.types.js';

export interface SupportFilter {
  queueId?: string | null;
  priority?: string | null;
}

/**
 * Support metrics of the tickets opened in the period, from the support plugin's documented
 * tables: first-response time (to the first public reply by an agent) and resolution time
 * percentiles in wall-clock minutes, SLA compliance (targets met among those decided), and
 * satisfaction. One statement.
 */
export async function supportMetrics(
  ctx: RequestContext,
  period: PeriodInput,
  filter: SupportFilter,
): Promise<SupportMetricsType> {
  const workspaceId = workspaceIdOf(ctx);
  const { from, to } = periodBounds(period);
  const [row] = await queryRows(
    ctx.em,
    sql<SupportMetricsType & { ratingCounts: number[] }>`with tickets as (
        select t.* from support_ticket t
        where t.workspace_id = ${workspaceId} and t.deleted_at is null and t.created_at >= ${from} and t.created_at < ${to}
          and (${filter.queueId ?? null}::uuid is null or t.queue_id = ${filter.queueId ?? null}::uuid)
          and (${filter.priority ?? null}::text is null or t.priority::text = ${filter.priority ?? null})),
      first_replies as (
        select t.id, extract(epoch from min(c.created_at) - t.created_at) / 60 as minutes
        from tickets t join support_ticket_comment c on c.workspace_id = t.workspace_id and c.ticket_id = t.id
          and not c.internal and c.author_id is not null
        group by t.id, t.created_at)
      select
        (select count(*)::int from tickets) as tickets,
        (select count(*)::int from tickets where resolved_at is not null) as resolved,
        (select percentile_cont(0.5) within group (order by minutes) from first_replies)::float8 as "firstResponseMedianMinutes",
        (select percentile_cont(0.9) within group (order by minutes) from first_replies)::float8 as "firstResponseP90Minutes",
        (select percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 60)
          from tickets where resolved_at is not null)::float8 as "resolutionMedianMinutes",
        (select percentile_cont(0.9) within group (order by extract(epoch from resolved_at - created_at) / 60)
          from tickets where resolved_at is not null)::float8 as "resolutionP90Minutes",
        (select avg(case when first_response_breached_at is null then 1.0 else 0.0 end) from tickets
          where first_response_target_minutes is not null
            and (first_response_completed_at is not null or first_response_breached_at is not null))::float8 as "firstResponseCompliance",
        (select avg(case when resolution_breached_at is null then 1.0 else 0.0 end) from tickets
          where resolution_target_minutes is not null
            and (resolution_completed_at is not null or resolution_breached_at is not null))::float8 as "resolutionCompliance",
        (select count(satisfaction_rating)::int from tickets) as ratings,
        (select avg(satisfaction_rating) from tickets)::float8 as "averageRating",
        (select array_agg((select count(*)::int from tickets where satisfaction_rating = r) order by r)
          from generate_series(1, 5) r) as "ratingCounts"`,
  );
  return { ...row!, ratingDistribution: row!.ratingCounts.map((count, index) => ({ rating: index + 1, count })) };
}
