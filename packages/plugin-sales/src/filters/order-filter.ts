import { Field, ID, InputType } from 'type-graphql';
import {
  DateTimeFilter,
  sql,
  type CounterpartyFilterExtension,
  type FilterScope,
  type SqlFragment,
} from '@kontra/core';
import { OrderStatus } from '../entities/sales.enums.js';

@InputType({ description: 'Matches orders; fields combine with AND' })
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Any of these statuses' }) status?: OrderStatus[];
  @Field(() => DateTimeFilter, { nullable: true }) placedAt?: DateTimeFilter;
  @Field(() => [ID], { nullable: true, description: 'Has a line of any of these products' }) productIds?: string[];
}

@InputType({ description: 'Matches a counterparty by its orders (sales plugin)' })
export class OrderRelationFilter {
  @Field(() => OrderFilter, { nullable: true, description: 'At least one order matches' }) some?: OrderFilter;
  @Field(() => OrderFilter, { nullable: true, description: 'No order matches (`{}`: never ordered)' })
  none?: OrderFilter;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ordersExist(filter: OrderFilter, scope: FilterScope): SqlFragment {
  const o = scope.alias('o');
  const conditions: SqlFragment[] = [
    sql`${o}.workspace_id = ${scope.workspaceId}`,
    sql`${o}.counterparty_id = ${scope.counterparty}.id`,
    sql`${o}.deleted_at is null`,
  ];
  if (filter.status?.length) conditions.push(sql`${o}.status = any(${filter.status}::sales_order_status[])`);
  if (filter.placedAt?.gte) conditions.push(sql`${o}.placed_at >= ${filter.placedAt.gte}`);
  if (filter.placedAt?.gt) conditions.push(sql`${o}.placed_at > ${filter.placedAt.gt}`);
  if (filter.placedAt?.lt) conditions.push(sql`${o}.placed_at < ${filter.placedAt.lt}`);
  if (filter.placedAt?.lte) conditions.push(sql`${o}.placed_at <= ${filter.placedAt.lte}`);
  if (filter.productIds?.length) {
    const l = scope.alias('l');
    const ids = filter.productIds.filter((id) => UUID.test(id));
    conditions.push(sql`exists (select 1 from sales_order_line ${l} where ${l}.workspace_id = ${scope.workspaceId}
      and ${l}.order_id = ${o}.id and ${l}.product_id = any(${ids}::uuid[]))`);
  }
  return sql`exists (select 1 from sales_order ${o} where ${sql.join(conditions, sql` and `)})`;
}

/** `CounterpartyFilter.orders`: who bought (or never bought) what, when — compiled to EXISTS. */
export const ordersFilter: CounterpartyFilterExtension = {
  field: 'orders',
  description: 'Matches by orders placed (sales plugin), e.g. { none: { placedAt: { gte: "…" } } }',
  type: () => OrderRelationFilter,
  compile: (value, scope) => {
    const relation = value as OrderRelationFilter;
    const conditions: SqlFragment[] = [];
    if (relation.some) conditions.push(ordersExist(relation.some, scope));
    if (relation.none) conditions.push(sql`not ${ordersExist(relation.none, scope)}`);
    return conditions.length ? sql`(${sql.join(conditions, sql` and `)})` : sql`true`;
  },
};
