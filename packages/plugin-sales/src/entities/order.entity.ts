import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Counterparty, WorkspaceScopedEntity } from '@kontra/core';
import { Deal } from './deal.entity.js';
import { PricedLineEntity } from './priced-line.entity.js';
import { OrderStatus } from './sales.enums.js';

/**
 * A purchase by a counterparty: the data the analytics plugin reads, indexed for it by
 * (workspace, counterparty, time) and (workspace, time).
 */
@Entity({ tableName: 'sales_order' })
@Index({ properties: ['workspace', 'counterparty', 'placedAt'] })
@Index({ properties: ['workspace', 'placedAt'] })
@Index({ properties: ['workspace', 'deal'] })
export class Order extends WorkspaceScopedEntity {
  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  counterparty!: Counterparty;

  @Property({ type: 'datetime' })
  placedAt!: Date;

  @Enum({ items: () => OrderStatus, nativeEnumName: 'sales_order_status' })
  status: OrderStatus = OrderStatus.PLACED;

  @Property({ length: 3 })
  currency!: string;

  /** Sum of the lines before discounts. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  subtotal!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  discountTotal!: string;

  /** Sum of the line totals: what the customer pays. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total!: string;

  /** The deal this order came from, if any. */
  @ManyToOne(() => Deal, { nullable: true, deleteRule: 'set null' })
  deal: Deal | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;
}

/** One product of an order, at the price it had when ordered. */
@Entity({ tableName: 'sales_order_line' })
// Both carry the other id, so "the products of these orders" and "the orders of this product" are
// answered from the index alone ("what else was in the orders of this product" asks both).
@Index({
  name: 'sales_order_line_workspace_id_order_id_index',
  expression:
    'create index "sales_order_line_workspace_id_order_id_index" on "sales_order_line" ("workspace_id", "order_id") include ("product_id")',
})
@Index({ name: 'sales_order_line_workspace_id_product_id_index', properties: ['workspace', 'product', 'order'] })
export class OrderLine extends PricedLineEntity {
  @ManyToOne(() => Order, { deleteRule: 'cascade' })
  order!: Order;
}
