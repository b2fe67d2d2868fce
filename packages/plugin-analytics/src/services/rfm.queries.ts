import { sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import { summariesAsOf } from './summaries.js';
import { analyticRows } from './analytic-rows.js';
import { inSegment } from './conditions.js';
import type { RfmCustomerType, RfmReportType, RfmSegmentName } from '../resolvers/rfm.types.js';

/**
 * RFM over the precomputed customer summaries of one currency: recency (the last order),
 * frequency (orders) and monetary value (revenue) in quintiles 1–5 (5 is best), by the 20th, 40th,
 * 60th and 80th percentiles of each (equal values share a quintile; one sort of one column each),
 * and named segments by recency and frequency (first rule that holds): CHAMPIONS R≥4 F≥4, LOYAL
 * R=3 F≥4, POTENTIAL_LOYALIST R≥4 F≥2, NEW R≥4, NEEDS_ATTENTION R=3, CANNOT_LOSE R≤2 F≥4, AT_RISK
 * R≤2 F≥2, LOST otherwise.
 */
const SCORED = (workspaceId: string | null, currency: string) => {
  const quintile = (column: string) => {
    const value = sql.ref(`c.${column}`);
    const bound = sql.ref(`b.${column}`);
    return sql`1 + (${value} > ${bound}[1])::int + (${value} > ${bound}[2])::int + (${value} > ${bound}[3])::int + (${value} > ${bound}[4])::int`;
  };
  return sql`
  with customers as (
    select s.counterparty_id, s.orders, s.revenue, s.last_order_at from analytics_customer_summary s
    where s.workspace_id = ${workspaceId} and s.currency = ${currency}
      and ${inSegment(workspaceId, sql`s.counterparty_id`)}),
  bounds as (
    select percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by last_order_at) as last_order_at,
      percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by orders) as orders,
      percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by revenue) as revenue
    from customers),
  scored as (
    select c.*, ${quintile('last_order_at')} as r, ${quintile('orders')} as f, ${quintile('revenue')} as m
    from customers c cross join bounds b),
  segmented as (
    select *, case
      when r >= 4 and f >= 4 then 'CHAMPIONS' when r = 3 and f >= 4 then 'LOYAL'
      when r >= 4 and f >= 2 then 'POTENTIAL_LOYALIST' when r >= 4 then 'NEW'
      when r = 3 then 'NEEDS_ATTENTION' when f >= 4 then 'CANNOT_LOSE' when f >= 2 then 'AT_RISK'
      else 'LOST' end as segment
    from scored)`;
};

export async function rfmReport(ctx: RequestContext, currency: string): Promise<RfmReportType> {
  const asOf = await summariesAsOf(ctx);
  const segments = await analyticRows(
    ctx,
    sql<{ segment: RfmSegmentName; customers: number; revenue: string }>`${SCORED(workspaceIdOf(ctx), currency)}
      select segment, count(*)::int as customers, sum(revenue)::text as revenue from segmented
      group by segment order by sum(revenue) desc`,
  );
  return {
    asOf,
    currency,
    customers: segments.reduce((sum, s) => sum + s.customers, 0),
    segments,
  };
}

export async function rfmCustomers(
  ctx: RequestContext,
  currency: string,
  segment: RfmSegmentName | null,
  limit: number,
): Promise<RfmCustomerType[]> {
  const refreshed = (await summariesAsOf(ctx)) ?? new Date();
  return analyticRows(
    ctx,
    sql<RfmCustomerType>`${SCORED(workspaceIdOf(ctx), currency)}
      select counterparty_id as "counterpartyId", r as recency, f as frequency, m as monetary, segment, orders,
        revenue::text as revenue, last_order_at as "lastOrderAt",
        floor(extract(epoch from ${refreshed}::timestamptz - last_order_at) / 86400)::int as "daysSinceLastOrder"
      from segmented where (${segment}::text is null or segment = ${segment})
      order by r desc, f desc, m desc, counterparty_id limit ${limit}`,
  );
}
