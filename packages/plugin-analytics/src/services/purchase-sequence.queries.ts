import { queryRows, sql, workspaceIdOf, type RequestContext } from '@kontra/core';
import { SequenceLevel, type PurchaseSequenceType } from '../resolvers/analytics.types.js';

/**
 * Question 2: after their first purchase of A (a product, or any product of a category), what do
 * customers buy in their next order? Counted per customer, not per order: each customer adds one
 * to every product (or category) of that next order other than A. Confidence is the share of A's
 * customers; the median is of the days from the A order to the next one. One statement.
 */
export async function purchaseSequence(
  ctx: RequestContext,
  level: SequenceLevel,
  itemId: string,
  limit: number,
): Promise<PurchaseSequenceType> {
  const workspaceId = workspaceIdOf(ctx);
  // A line's item: the product itself, or its category.
  const lines =
    level === SequenceLevel.PRODUCT
      ? sql`select l.order_id, l.product_id as item from sales_order_line l where l.workspace_id = ${workspaceId}`
      : sql`select l.order_id, p.category_id as item from sales_order_line l
          join sales_product p on p.id = l.product_id and p.workspace_id = l.workspace_id where l.workspace_id = ${workspaceId}`;
  const rows = await queryRows(
    ctx.em,
    sql<{
      itemId: string | null;
      customers: number;
      medianDays: number | null;
      buyersOfA: number;
      buyersAfterA: number;
    }>`with counted as (
        select o.id, o.counterparty_id, o.placed_at from sales_order o
        where o.workspace_id = ${workspaceId} and o.deleted_at is null and o.status not in ('CANCELLED', 'REFUNDED')),
      lines as (${lines}),
      first_a as (
        select o.counterparty_id, min(o.placed_at) as at from counted o join lines l on l.order_id = o.id
        where l.item = ${itemId}::uuid group by o.counterparty_id),
      next_order as (
        select distinct on (f.counterparty_id) f.counterparty_id, o.id, o.placed_at - f.at as gap
        from first_a f join counted o on o.counterparty_id = f.counterparty_id and o.placed_at > f.at
        order by f.counterparty_id, o.placed_at, o.id),
      pairs as (
        select distinct n.counterparty_id, l.item, extract(epoch from n.gap) / 86400 as days
        from next_order n join lines l on l.order_id = n.id where l.item is distinct from ${itemId}::uuid)
      select pairs.item as "itemId", count(*)::int as customers,
        (percentile_cont(0.5) within group (order by pairs.days))::float8 as "medianDays",
        (select count(*)::int from first_a) as "buyersOfA", (select count(*)::int from next_order) as "buyersAfterA"
      from (select 1) one left join pairs on true
      group by pairs.item order by count(pairs.item) desc, pairs.item limit ${limit}`,
  );
  const buyersOfA = rows[0]?.buyersOfA ?? 0;
  return {
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
