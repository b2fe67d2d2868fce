import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import { SequenceLevel, type PurchaseSequenceType } from '../resolvers/analytics.types.js';
import { summariesAsOf } from './summaries.js';

/**
 * Question 2: after their first purchase of A (a product, or any product of a category), what do
 * customers buy in their next order? Counted per customer, not per order: each customer adds one
 * to every product (or category) of that next order other than A. Confidence is the share of A's
 * customers; the median is of the days from the A order to the next one. Read from the summaries
 * of first and next purchases, which the refresh job keeps per customer.
 */
export async function purchaseSequence(
  ctx: RequestContext,
  level: SequenceLevel,
  itemId: string,
  limit: number,
): Promise<PurchaseSequenceType> {
  const workspaceId = workspaceIdOf(ctx);
  const asOf = await summariesAsOf(ctx);
  const rows = await queryRows(
    ctx.em,
    sql<{
      itemId: string | null;
      customers: number;
      medianDays: number | null;
      buyersOfA: number;
      buyersAfterA: number;
    }>`with buyers as (
          select count(*)::int as of_a, count(next_order_id)::int as after_a from analytics_first_purchase
          where workspace_id = ${workspaceId} and level = ${level} and item_id = ${itemId}::uuid),
        next as (
          select next_item_id, count(*)::int as customers, percentile_cont(0.5) within group (order by days)::float8 as median_days
          from analytics_next_purchase where workspace_id = ${workspaceId} and level = ${level} and item_id = ${itemId}::uuid
          group by next_item_id order by count(*) desc, next_item_id limit ${limit})
        select next.next_item_id as "itemId", next.customers, next.median_days as "medianDays",
          buyers.of_a as "buyersOfA", buyers.after_a as "buyersAfterA"
        from buyers left join next on true order by next.customers desc, next.next_item_id`,
  );
  const buyersOfA = rows[0]?.buyersOfA ?? 0;
  return {
    asOf,
    level,
    itemId,
    customersOfA: buyersOfA,
    customersWithNextOrder: rows[0]?.buyersAfterA ?? 0,
    next: rows
      .filter((row) => row.itemId !== null)
      .map((row) => ({
        itemId: row.itemId!,
        customers: row.customers,
        confidence: buyersOfA ? row.customers / buyersOfA : 0,
        medianDays: Math.round(row.medianDays! * 10) / 10,
      })),
  };
}
