import {
  defineChildPageLoader,
  defineLoader,
  workspaceIdOf,
  manyByKey,
  oneByKey,
  keyset,
  positionOf,
  queryRows,
  sql,
  toConnection,
  type ChildPageKey,
  type Connection,
  type PageWindow,
  type RequestContext,
  type SqlFragment,
} from '@kontra/core';
import type { MoneyAmountType, OrderLineType, OrderType } from '../resolvers/order.types.js';

export function orderColumns(o: SqlFragment): SqlFragment {
  return sql`${o}.id, ${o}.counterparty_id as "counterpartyId", ${o}.deal_id as "dealId", ${o}.placed_at as "placedAt",
    ${o}.status, ${o}.currency, ${o}.subtotal, ${o}.discount_total as "discountTotal", ${o}.total,
    ${o}.cancelled_at as "cancelledAt", ${o}.version`;
}

export interface OrderFilterValues {
  counterpartyId?: string | null;
  status?: string | null;
  placedFrom?: Date | null;
  placedTo?: Date | null;
}

function orderConditions(o: SqlFragment, workspaceId: string | null, filter: OrderFilterValues): SqlFragment[] {
  const conditions = [sql`${o}.workspace_id = ${workspaceId}`, sql`${o}.deleted_at is null`];
  if (filter.counterpartyId) conditions.push(sql`${o}.counterparty_id = ${filter.counterpartyId}::uuid`);
  if (filter.status) conditions.push(sql`${o}.status = ${filter.status}::sales_order_status`);
  if (filter.placedFrom) conditions.push(sql`${o}.placed_at >= ${filter.placedFrom}`);
  if (filter.placedTo) conditions.push(sql`${o}.placed_at < ${filter.placedTo}`);
  return conditions;
}

/** Orders newest first. */
export async function listOrders(
  ctx: RequestContext,
  filter: OrderFilterValues,
  window: PageWindow,
): Promise<Connection<OrderType>> {
  const o = sql.ref('o');
  const page = keyset({ column: sql`${o}.placed_at`, id: sql`${o}.id`, cast: 'timestamptz', descending: true, window });
  const rows = await queryRows(
    ctx.em,
    sql<OrderType>`select ${orderColumns(o)} from sales_order ${o}
      where ${sql.join([...orderConditions(o, workspaceIdOf(ctx), filter), page.condition], sql` and `)}
      order by ${page.order} limit ${window.limit + 1}`,
  );
  return toConnection(rows, window, (row) => positionOf(row.placedAt, row.id));
}

export const orderById = defineLoader<string, OrderType | null>(async (ctx, ids) => {
  const o = sql.ref('o');
  const rows = await queryRows(
    ctx.em,
    sql<OrderType>`select ${orderColumns(o)} from sales_order ${o} where ${o}.workspace_id = ${workspaceIdOf(ctx)}
      and ${o}.id = any(${ids}::uuid[]) and ${o}.deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});

export const linesByOrder = defineLoader<string, OrderLineType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<OrderLineType>`select id, order_id as "orderId", product_id as "productId", position, quantity,
        unit_price as "unitPrice", discount_percent as "discountPercent", line_total as "lineTotal"
      from sales_order_line where workspace_id = ${workspaceIdOf(ctx)} and order_id = any(${ids}::uuid[])
      order by position`,
  );
  return manyByKey(ids, rows, (row) => row.orderId);
});

/** One counterparty's orders, newest first, from the (workspace, counterparty, time) index. */
export const orderPageByCounterparty = defineChildPageLoader<ChildPageKey, OrderType>({
  select: (ctx, parent, { window }) => {
    const o = sql.ref('o');
    const page = keyset({
      column: sql`${o}.placed_at`,
      id: sql`${o}.id`,
      cast: 'timestamptz',
      descending: true,
      window,
    });
    const conditions = [
      ...orderConditions(o, workspaceIdOf(ctx), {}),
      sql`${o}.counterparty_id = ${parent}`,
      page.condition,
    ];
    return sql`select ${orderColumns(o)} from sales_order ${o}
      where ${sql.join(conditions, sql` and `)} order by ${page.order} limit ${window.limit + 1}`;
  },
  parentOf: (row) => row.counterpartyId,
  positionOf: (row) => positionOf(row.placedAt, row.id),
});

/** Everything a counterparty has paid for (cancelled and refunded orders excluded), per currency. */
export const lifetimeValueByCounterparty = defineLoader<string, MoneyAmountType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<MoneyAmountType & { counterpartyId: string }>`select counterparty_id as "counterpartyId", currency,
        sum(total)::numeric(16,2)::text as amount
      from sales_order where workspace_id = ${workspaceIdOf(ctx)} and counterparty_id = any(${ids}::uuid[])
        and deleted_at is null and status not in ('CANCELLED', 'REFUNDED')
      group by counterparty_id, currency order by currency`,
  );
  const byCounterparty = Map.groupBy(rows, (r) => r.counterpartyId);
  return ids.map((id) => (byCounterparty.get(id) ?? []).map(({ currency, amount }) => ({ currency, amount })));
});
