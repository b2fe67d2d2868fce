import { sql, type SqlFragment } from '@kontra/core';
import { countedOrder } from './conditions.js';

const COUNTED = countedOrder(sql.ref('o'));

const SUMMARY_TABLES = [
  'analytics_customer_summary',
  'analytics_customer_month',
  'analytics_basket_item',
  'analytics_next_purchase',
  'analytics_first_purchase',
].map((table) => sql.ref(table));

/**
 * The statements that recompute every summary of some customers (all of the workspace's when
 * `counterpartyIds` is null) from their orders, months read in `timeZone`. Run in this order, in
 * one transaction: the next purchases are read from the first purchases just written.
 */
export function summaryRebuild(workspaceId: string, counterpartyIds: string[] | null, timeZone: string): SqlFragment[] {
  const only = (alias: string) =>
    counterpartyIds ? sql`and ${sql.ref(alias)}.counterparty_id = any(${counterpartyIds}::uuid[])` : sql``;
  const month = sql`date_trunc('month', o.placed_at at time zone ${timeZone})::date`;
  return [
    ...SUMMARY_TABLES.map((table) => sql`delete from ${table} s where s.workspace_id = ${workspaceId} ${only('s')}`),
    sql`insert into analytics_customer_summary (workspace_id, counterparty_id, currency, orders, revenue, first_order_at, last_order_at)
      select o.workspace_id, o.counterparty_id, o.currency, count(*), sum(o.total), min(o.placed_at), max(o.placed_at)
      from sales_order o where o.workspace_id = ${workspaceId} and ${COUNTED} ${only('o')}
      group by o.workspace_id, o.counterparty_id, o.currency order by o.currency, o.counterparty_id`,
    sql`insert into analytics_customer_month (workspace_id, month, counterparty_id, currency, orders, revenue)
      select o.workspace_id, ${month}, o.counterparty_id, o.currency, count(*), sum(o.total)
      from sales_order o where o.workspace_id = ${workspaceId} and ${COUNTED} ${only('o')}
      group by 1, 2, 3, 4 order by 2, 3, 4`,
    sql`insert into analytics_basket_item (workspace_id, month, product_id, counterparty_id, quantity)
      select o.workspace_id, ${month}, l.product_id, o.counterparty_id, sum(l.quantity)
      from sales_order o join sales_order_line l on l.workspace_id = o.workspace_id and l.order_id = o.id
      where o.workspace_id = ${workspaceId} and ${COUNTED} ${only('o')}
      group by 1, 2, 3, 4 order by 2, 3, 4`,
    // A customer's first order holding each product and each category, and the order after it.
    sql`insert into analytics_first_purchase (workspace_id, level, item_id, counterparty_id, first_at, next_order_id, next_order_at)
      with orders as (
        select o.id, o.counterparty_id, o.placed_at, lead(o.id) over after as next_id, lead(o.placed_at) over after as next_at
        from sales_order o where o.workspace_id = ${workspaceId} and ${COUNTED} ${only('o')}
        window after as (partition by o.counterparty_id order by o.placed_at, o.id)),
      items as (
        select o.*, level.name as level, case level.name when 'PRODUCT' then l.product_id else p.category_id end as item_id
        from orders o join sales_order_line l on l.workspace_id = ${workspaceId} and l.order_id = o.id
        join sales_product p on p.id = l.product_id
        cross join (values ('PRODUCT'), ('CATEGORY')) level (name))
      select distinct on (level, item_id, counterparty_id) ${workspaceId}::uuid, level, item_id, counterparty_id, placed_at, next_id, next_at
      from items where item_id is not null order by level, item_id, counterparty_id, placed_at, id`,
    sql`insert into analytics_next_purchase (workspace_id, level, item_id, next_item_id, counterparty_id, days)
      select distinct f.workspace_id, f.level, f.item_id, next.item_id, f.counterparty_id,
        extract(epoch from f.next_order_at - f.first_at) / 86400
      from analytics_first_purchase f
      join sales_order_line l on l.workspace_id = f.workspace_id and l.order_id = f.next_order_id
      join sales_product p on p.id = l.product_id
      cross join lateral (select case f.level when 'PRODUCT' then l.product_id else p.category_id end as item_id) next
      where f.workspace_id = ${workspaceId} and f.next_order_id is not null ${only('f')}
        and next.item_id is not null and next.item_id <> f.item_id
      order by f.level, f.item_id, next.item_id, f.counterparty_id`,
  ];
}
