import { queryRows, sql, workspaceIdOf, type RequestContext, type SqlFragment } from '@kontra/core';
import type { PeriodInput } from '../resolvers/period.input.js';
import { periodBounds } from './period-sql.js';
import { countedOrder, inSegment, type SegmentFilter } from './conditions.js';
import { summariesAsOfFor } from './summaries.js';
import { analyticRows } from './analytic-rows.js';
import type {
  ContactWithoutPurchaseType,
  MonthlyBasketType,
  OrderValueMonthType,
  OrderValueReportType,
  TypicalBasketItemType,
  TypicalMonthlyBasketType,
} from '../resolvers/analytics.types.js';

/**
 * The sales questions, each one SQL statement over the sales plugin's documented tables
 * (`sales_order`, `sales_order_line`, `sales_product`) and the core's. An order counts unless it
 * was cancelled or refunded (`countedOrder`); months and periods are read in the period's time zone.
 */

function month(column: SqlFragment, timeZone: string): SqlFragment {
  return sql`to_char(date_trunc('month', ${column} at time zone ${timeZone}), 'YYYY-MM')`;
}

/** Orders that count, of the caller's workspace, placed in the period. */
function countedOrders(ctx: RequestContext, o: SqlFragment, period: PeriodInput): SqlFragment {
  const { from, to } = periodBounds(period);
  return sql`${o}.workspace_id = ${workspaceIdOf(ctx)} and ${countedOrder(o)}
    and ${o}.placed_at >= ${from} and ${o}.placed_at < ${to}`;
}

interface BasketRow {
  month: string;
  orders: number;
  productId: string;
  sku: string;
  productName: string;
  quantity: string;
  spend: string;
  currency: string;
}

/** Question 1, per customer: month by month, what they bought (months without a purchase are absent). */
export async function monthlyBaskets(
  ctx: RequestContext,
  counterpartyId: string,
  period: PeriodInput,
): Promise<MonthlyBasketType[]> {
  const o = sql.ref('o');
  const rows = await queryRows(
    ctx.em,
    sql<BasketRow>`with orders as (
        select o.id, o.currency, ${month(sql`o.placed_at`, period.timeZone)} as month from sales_order ${o}
        where ${countedOrders(ctx, o, period)} and o.counterparty_id = ${counterpartyId}::uuid)
      select orders.month, (select count(*)::int from orders m where m.month = orders.month) as orders,
        l.product_id as "productId", p.sku, p.name as "productName", sum(l.quantity)::text as quantity,
        sum(l.line_total)::text as spend, orders.currency
      from orders join sales_order_line l on l.order_id = orders.id and l.workspace_id = ${workspaceIdOf(ctx)}
      join sales_product p on p.id = l.product_id
      group by orders.month, l.product_id, p.sku, p.name, orders.currency
      order by orders.month, sum(l.line_total) desc, p.sku`,
  );
  const byMonth = Map.groupBy(rows, (row) => row.month);
  return [...byMonth].map(([key, items]) => ({
    month: key,
    counterpartyId,
    orders: items[0]!.orders,
    items: items.map(({ productId, sku, productName, quantity, spend, currency }) => ({
      productId,
      sku,
      productName,
      quantity,
      spend,
      currency,
    })),
  }));
}

/**
 * Question 1, for a segment: how often each product is in a customer's month of buying. From the
 * summaries for whole months in the reporting time zone, else from the orders; either way the
 * same aggregation over (customer, month, product, quantity) and (customer, month).
 */
export async function typicalMonthlyBasket(
  ctx: RequestContext,
  period: PeriodInput,
  filter: SegmentFilter,
  limit: number,
): Promise<TypicalMonthlyBasketType> {
  const workspaceId = workspaceIdOf(ctx);
  const asOf = await summariesAsOfFor(ctx, period);
  const o = sql.ref('o');
  const source = asOf
    ? sql`items as (
          select counterparty_id, product_id, quantity from analytics_basket_item b
          where b.workspace_id = ${workspaceId} and b.month >= ${period.from}::date and b.month < ${period.to}::date
            and ${inSegment(workspaceId, sql`b.counterparty_id`, filter)}),
        -- One per customer and month whatever the currencies; grouped in the key's order, without hashing.
        customer_months as (
          select counterparty_id, month from analytics_customer_month m
          where m.workspace_id = ${workspaceId} and m.month >= ${period.from}::date and m.month < ${period.to}::date
            and ${inSegment(workspaceId, sql`m.counterparty_id`, filter)}
          group by month, counterparty_id)`
    : sql`orders as (
          select o.id, o.counterparty_id, ${month(sql`o.placed_at`, period.timeZone)} as month from sales_order ${o}
          where ${countedOrders(ctx, o, period)} and ${inSegment(workspaceId, sql`o.counterparty_id`, filter)}),
        items as (
          select orders.counterparty_id, l.product_id, sum(l.quantity)::float8 as quantity
          from orders join sales_order_line l on l.order_id = orders.id and l.workspace_id = ${workspaceId}
          group by l.product_id, orders.counterparty_id, orders.month),
        customer_months as (select counterparty_id, month from orders group by month, counterparty_id)`;
  // Two statements over the same source, run at once on two connections.
  const [items, [totals]] = await Promise.all([
    analyticRows(
      ctx,
      sql<Omit<TypicalBasketItemType, 'share'>>`with ${source}
        select i.product_id as "productId", p.sku, p.name as "productName", count(*)::int as "customerMonths",
          count(distinct i.counterparty_id)::int as customers, round(avg(i.quantity)::numeric, 3)::text as "averageQuantity"
        from items i join sales_product p on p.id = i.product_id
        group by i.product_id, p.sku, p.name order by count(*) desc, p.sku limit ${limit}`,
    ),
    analyticRows(
      ctx,
      sql<{ customerMonths: number; customers: number }>`with ${source}
        select count(*)::int as "customerMonths", count(distinct counterparty_id)::int as customers from customer_months`,
    ),
  ]);
  return {
    asOf: asOf ?? new Date(),
    ...totals!,
    items: items.map((item) => ({ ...item, share: item.customerMonths / totals!.customerMonths })),
  };
}

/**
 * Question 3: counterparties with inbound contact of the given types in the period who placed no
 * order in the period nor in the `graceDays` after it; most recent contact first.
 */
export async function contactedWithoutPurchase(
  ctx: RequestContext,
  period: PeriodInput,
  interactionTypes: readonly string[],
  graceDays: number,
  limit: number,
): Promise<ContactWithoutPurchaseType[]> {
  const { from, to } = periodBounds(period);
  const workspaceId = workspaceIdOf(ctx);
  return queryRows(
    ctx.em,
    sql<ContactWithoutPurchaseType>`select i.counterparty_id as "counterpartyId", count(*)::int as contacts,
        max(i.occurred_at) as "lastContactAt", array_agg(i.id order by i.occurred_at) as "interactionIds"
      from interaction i join counterparty c on c.id = i.counterparty_id and c.workspace_id = i.workspace_id and c.deleted_at is null
      where i.workspace_id = ${workspaceId} and i.deleted_at is null and i.direction = 'INBOUND'
        and i.type::text = any(${interactionTypes}) and i.occurred_at >= ${from} and i.occurred_at < ${to}
        and not exists (select 1 from sales_order o where o.workspace_id = ${workspaceId}
          and o.counterparty_id = i.counterparty_id and ${countedOrder(sql.ref('o'))}
          and o.placed_at >= ${from} and o.placed_at < ${to} + make_interval(days => ${graceDays}))
      group by i.counterparty_id order by max(i.occurred_at) desc, i.counterparty_id limit ${limit}`,
  );
}

/**
 * Average order value per month and currency, with its change against the month before; from the
 * summaries for whole months in the reporting time zone, else from the orders.
 */
export async function averageOrderValue(ctx: RequestContext, period: PeriodInput): Promise<OrderValueReportType> {
  const asOf = await summariesAsOfFor(ctx, period);
  const o = sql.ref('o');
  const source = asOf
    ? sql`select to_char(m.month, 'YYYY-MM') as month, m.currency, sum(m.orders)::int as orders, sum(m.revenue) as revenue
        from analytics_customer_month m
        where m.workspace_id = ${workspaceIdOf(ctx)} and m.month >= ${period.from}::date and m.month < ${period.to}::date
        group by 1, 2`
    : sql`select ${month(sql`o.placed_at`, period.timeZone)} as month, o.currency, count(*)::int as orders, sum(o.total) as revenue
        from sales_order ${o} where ${countedOrders(ctx, o, period)}
        group by 1, 2`;
  const months = await queryRows(
    ctx.em,
    sql<OrderValueMonthType>`select month, currency, orders, revenue::text as revenue, aov::text as "averageOrderValue",
        (aov / nullif(lag(aov) over (partition by currency order by month), 0) - 1)::float8 as "changeFromPreviousMonth"
      from (select *, round(revenue / orders, 2) as aov from (${source}) by_month) months
      order by month, currency`,
  );
  return { asOf: asOf ?? new Date(), months };
}
