import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import { summariesAsOf } from './summaries.js';
import type { RfmCustomerType, RfmReportType, RfmSegmentName } from '../resolvers/rfm.types.js';

/**
 * RFM over the precomputed customer summaries of one currency: recency (days since the last order
 * at the summaries' `asOf`), frequency (orders) and monetary value (revenue) in quintiles 1–5 (5 is
 * best), and named segments by recency and frequency (first rule that holds):
 * CHAMPIONS R≥4 F≥4, LOYAL R=3 F≥4, POTENTIAL_LOYALIST R≥4 F≥2, NEW R≥4, NEEDS_ATTENTION R=3,
 * CANNOT_LOSE R≤2 F≥4, AT_RISK R≤2 F≥2, LOST otherwise.
 */
const SCORED = (workspaceId: string | null, currency: string) => sql`
  with scored as (
    select s.counterparty_id, s.orders, s.revenue, s.last_order_at,
      ntile(5) over (order by s.last_order_at, s.counterparty_id) as r,
      ntile(5) over (order by s.orders, s.counterparty_id) as f,
      ntile(5) over (order by s.revenue, s.counterparty_id) as m
    from analytics_customer_summary s
    join counterparty c on c.id = s.counterparty_id and c.workspace_id = s.workspace_id and c.deleted_at is null
    where s.workspace_id = ${workspaceId} and s.currency = ${currency}),
  segmented as (
    select *, case
      when r >= 4 and f >= 4 then 'CHAMPIONS' when r = 3 and f >= 4 then 'LOYAL'
      when r >= 4 and f >= 2 then 'POTENTIAL_LOYALIST' when r >= 4 then 'NEW'
      when r = 3 then 'NEEDS_ATTENTION' when f >= 4 then 'CANNOT_LOSE' when f >= 2 then 'AT_RISK'
      else 'LOST' end as segment
    from scored)`;

export async function rfmReport(ctx: RequestContext, currency: string): Promise<RfmReportType> {
  const [segments, refreshed] = await Promise.all([
    queryRows(
      ctx.em,
      sql<{ segment: RfmSegmentName; customers: number; revenue: string }>`${SCORED(workspaceIdOf(ctx), currency)}
        select segment, count(*)::int as customers, sum(revenue)::text as revenue from segmented
        group by segment order by sum(revenue) desc`,
    ),
    summariesAsOf(ctx),
  ]);
  return {
    asOf: refreshed,
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
  return queryRows(
    ctx.em,
    sql<RfmCustomerType>`${SCORED(workspaceIdOf(ctx), currency)}
      select counterparty_id as "counterpartyId", r as recency, f as frequency, m as monetary, segment, orders,
        revenue::text as revenue, last_order_at as "lastOrderAt",
        floor(extract(epoch from ${refreshed}::timestamptz - last_order_at) / 86400)::int as "daysSinceLastOrder"
      from segmented where (${segment}::text is null or segment = ${segment})
      order by r desc, f desc, m desc, counterparty_id limit ${limit}`,
  );
}
