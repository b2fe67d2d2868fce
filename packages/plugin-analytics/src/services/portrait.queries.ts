import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import type { PeriodInput } from '../resolvers/period.input.js';
import { periodBounds } from './period-sql.js';
import { summariesAsOf, summariesAsOfIn } from './summaries.js';
import { countedOrder } from './conditions.js';
import { analyticRows } from './analytic-rows.js';
import type { CohortRetentionType, LifetimeValueType, PipelineConversionType } from '../resolvers/portrait.types.js';

/**
 * Cohort retention: customers by first-purchase month in the period, and who bought again in each
 * later month. Buying months come from the summaries when they are in the period's time zone.
 */
export async function cohorts(ctx: RequestContext, period: PeriodInput, months: number): Promise<CohortRetentionType> {
  const workspaceId = workspaceIdOf(ctx);
  const asOf = await summariesAsOfIn(ctx, period.timeZone);
  const buyingMonths = asOf
    ? sql`select counterparty_id, month from analytics_customer_month where workspace_id = ${workspaceId}`
    : sql`select counterparty_id, date_trunc('month', placed_at at time zone ${period.timeZone})::date as month from sales_order o
        where workspace_id = ${workspaceId} and ${countedOrder(sql.ref('o'))}`;
  // A customer's first month: from their summary (one row per currency) rather than all their months.
  const firstMonths = asOf
    ? sql`select counterparty_id, date_trunc('month', min(first_order_at) at time zone ${period.timeZone})::date as cohort
        from analytics_customer_summary where workspace_id = ${workspaceId} group by counterparty_id`
    : sql`select counterparty_id, min(month) as cohort from counted group by counterparty_id`;
  const rows = await analyticRows(
    ctx,
    sql<{ cohort: string; size: number; monthsAfter: number; customers: number }>`with counted as (${buyingMonths}),
      firsts as (${firstMonths}),
      in_period as (select * from firsts where cohort >= date_trunc('month', ${period.from}::date) and cohort < ${period.to}::date),
      sizes as (select cohort, count(*)::int as size from in_period group by cohort),
      active as (
        select distinct f.cohort, c.counterparty_id,
          ((extract(year from c.month) - extract(year from f.cohort)) * 12 + extract(month from c.month) - extract(month from f.cohort))::int as months_after
        from in_period f join counted c on c.counterparty_id = f.counterparty_id)
      select to_char(a.cohort, 'YYYY-MM') as cohort, s.size, a.months_after as "monthsAfter", count(*)::int as customers
      from active a join sizes s on s.cohort = a.cohort where a.months_after <= ${months}
      group by a.cohort, s.size, a.months_after order by a.cohort, a.months_after`,
  );
  return {
    asOf: asOf ?? new Date(),
    cohorts: [...Map.groupBy(rows, (row) => row.cohort)].map(([cohort, list]) => ({
      cohort,
      customers: list[0]!.size,
      retention: Array.from({ length: months + 1 }, (_, monthsAfter) => {
        const customers = list.find((row) => row.monthsAfter === monthsAfter)?.customers ?? 0;
        return { monthsAfter, customers, share: customers / list[0]!.size };
      }),
    })),
  };
}

/** Historic and simple predicted lifetime value per customer, from the precomputed summaries. */
export async function lifetimeValue(ctx: RequestContext, currency: string): Promise<LifetimeValueType> {
  const workspaceId = workspaceIdOf(ctx);
  const asOf = await summariesAsOf(ctx);
  const [row] = await queryRows(
    ctx.em,
    sql<Omit<LifetimeValueType, 'currency' | 'asOf'>>`select
        count(*)::int as customers,
        coalesce(round(avg(revenue), 2), 0)::text as "averageRevenue",
        coalesce(round(sum(revenue) / nullif(sum(orders), 0), 2), 0)::text as "averageOrderValue",
        coalesce(avg(orders / greatest(extract(epoch from last_order_at - first_order_at) / 86400 / 365.25, 1)), 0)::float8 as "ordersPerYear",
        coalesce(avg(extract(epoch from last_order_at - first_order_at) / 86400), 0)::float8 as "averageLifespanDays",
        coalesce(round(sum(revenue) / nullif(sum(orders), 0)
          * avg(orders / greatest(extract(epoch from last_order_at - first_order_at) / 86400 / 365.25, 1))
          * greatest(avg(extract(epoch from last_order_at - first_order_at) / 86400) / 365.25, 1), 2), 0)::text as "predictedValue"
      from analytics_customer_summary where workspace_id = ${workspaceId} and currency = ${currency}`,
  );
  return { ...row!, asOf, currency };
}

/**
 * Conversion between a pipeline's stages of the deals created in the period: a deal reached a stage
 * if its history entered that stage or any later open stage, or the won stage; lost deals count
 * only for the stages they passed.
 */
export async function pipelineConversion(
  ctx: RequestContext,
  pipelineId: string,
  period: PeriodInput,
): Promise<PipelineConversionType> {
  const workspaceId = workspaceIdOf(ctx);
  const { from, to } = periodBounds(period);
  const rows = await queryRows(
    ctx.em,
    sql<{
      stageId: string;
      stageName: string;
      position: number;
      kind: string;
      reached: number;
      deals: number;
      won: number;
      lost: number;
    }>`
      with deals as (
        select d.id, s.kind as current_kind from sales_deal d join sales_stage s on s.id = d.stage_id
        where d.workspace_id = ${workspaceId} and d.pipeline_id = ${pipelineId}::uuid and d.deleted_at is null
          and d.created_at >= ${from} and d.created_at < ${to}),
      furthest as (
        select deals.id, max(case when s.kind = 'LOST' then -1 else s.position end) as position,
          bool_or(s.kind = 'WON') as won
        from deals join sales_deal_stage_change c on c.deal_id = deals.id and c.workspace_id = ${workspaceId}
        join sales_stage s on s.id = c.to_stage_id group by deals.id),
      open_stages as (
        select id, name, position, kind from sales_stage
        where workspace_id = ${workspaceId} and pipeline_id = ${pipelineId}::uuid and deleted_at is null and kind <> 'LOST')
      select o.id as "stageId", o.name as "stageName", o.position, o.kind::text as kind,
        (select count(*)::int from furthest f where f.won or f.position >= o.position) as reached,
        (select count(*)::int from deals) as deals,
        (select count(*)::int from deals where current_kind = 'WON') as won,
        (select count(*)::int from deals where current_kind = 'LOST') as lost
      from open_stages o order by o.kind = 'WON', o.position`,
  );
  const [first] = rows;
  return {
    pipelineId,
    deals: first?.deals ?? 0,
    won: first?.won ?? 0,
    lost: first?.lost ?? 0,
    winRate: first && first.won + first.lost > 0 ? first.won / (first.won + first.lost) : null,
    stages: rows.map(({ stageId, stageName, position, kind, reached }, index) => {
      const next = rows[index + 1];
      return {
        stageId,
        stageName,
        position,
        kind,
        reached,
        conversionToNext: next && reached ? next.reached / reached : null,
      };
    }),
  };
}
