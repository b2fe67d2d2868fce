import {
  badUserInput,
  findLive,
  Counterparty,
  loadForUpdate,
  Workspace,
  type FieldProblem,
  type WriteContext,
} from '@kontra/core';
import { Deal } from '../entities/deal.entity.js';
import { Order, OrderLine } from '../entities/order.entity.js';
import { OrderStatus } from '../entities/sales.enums.js';
import type { OrderType, PlaceOrderInput } from '../resolvers/order.types.js';
import { formatCents } from './order-math.js';
import { priceLines } from './line-pricing.js';
import { earnForOrder, reverseForOrder } from './loyalty.service.js';
import type { LoyaltyRule } from '../config.js';

/** Where an order may go from each status. */
const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  PLACED: [OrderStatus.PAID, OrderStatus.CANCELLED],
  PAID: [OrderStatus.SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED],
  SHIPPED: [OrderStatus.REFUNDED],
  CANCELLED: [],
  REFUNDED: [],
};

/** Places an order: prices come from the products now, totals are exact sums of the lines. */
export async function placeOrder(
  tx: WriteContext,
  input: PlaceOrderInput,
  loyalty: LoyaltyRule,
): Promise<{ order: Order; lines: OrderLine[] }> {
  const problems: FieldProblem[] = [];
  const counterparty = await findLive(tx, Counterparty, input.counterpartyId);
  if (!counterparty) problems.push({ path: 'counterpartyId', message: 'is not a counterparty of this workspace' });
  const deal = await findLive(tx, Deal, input.dealId);
  if (input.dealId && !deal) problems.push({ path: 'dealId', message: 'is not a deal of this workspace' });
  const priced = await priceLines(tx, input.lines, problems);
  const currency = input.currency ?? [...priced.currencies][0];
  if (priced.currencies.size > 1 || (currency && priced.currencies.size === 1 && !priced.currencies.has(currency))) {
    problems.push({
      path: 'currency',
      message: `the products are priced in ${[...priced.currencies].join(', ')}; one order has one currency`,
    });
  }
  if (problems.length || !counterparty || !currency)
    throw badUserInput('The order is invalid; nothing was placed', problems);

  const order = Object.assign(new Order(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    counterparty,
    placedAt: input.placedAt ?? new Date(),
    currency,
    deal,
  });
  const lines = priced.lines.map((line) =>
    Object.assign(new OrderLine(), { workspace: order.workspace, order, ...line }),
  );
  Object.assign(order, {
    subtotal: formatCents(priced.grossCents),
    discountTotal: formatCents(priced.grossCents - priced.totalCents),
    total: formatCents(priced.totalCents),
  });
  tx.em.persist([order, ...lines]);
  tx.emit({
    type: 'sales.orderPlaced',
    entityType: 'Order',
    entityId: order.id,
    counterpartyId: counterparty.id,
    payload: { total: order.total, currency, lineCount: lines.length, dealId: deal?.id ?? null },
  });
  await earnForOrder(tx, order, loyalty);
  return { order, lines };
}

export async function setOrderStatus(
  tx: WriteContext,
  id: string,
  version: number,
  status: OrderStatus,
): Promise<Order> {
  const order = await loadForUpdate(tx, Order, id, { expectedVersion: version, label: 'Order' });
  if (!NEXT_STATUSES[order.status].includes(status)) {
    const allowed = NEXT_STATUSES[order.status];
    throw badUserInput(`An order ${order.status.toLowerCase()} cannot become ${status.toLowerCase()}`, [
      {
        path: 'status',
        message: allowed.length ? `must be one of ${allowed.join(', ')}` : `a ${order.status} order is final`,
      },
    ]);
  }
  const from = order.status;
  order.status = status;
  if (status === OrderStatus.CANCELLED) order.cancelledAt = new Date();
  if (status === OrderStatus.CANCELLED || status === OrderStatus.REFUNDED) await reverseForOrder(tx, order);
  tx.emit({
    type: status === OrderStatus.CANCELLED ? 'sales.orderCancelled' : 'sales.orderStatusChanged',
    entityType: 'Order',
    entityId: order.id,
    counterpartyId: order.counterparty.id,
    payload: { total: order.total, currency: order.currency },
    changes: { status: { old: from, new: status } },
  });
  return order;
}

export function toOrderRow(o: Order): OrderType {
  return {
    id: o.id,
    counterpartyId: o.counterparty.id,
    dealId: o.deal?.id ?? null,
    placedAt: o.placedAt,
    status: o.status,
    currency: o.currency,
    subtotal: o.subtotal,
    discountTotal: o.discountTotal,
    total: o.total,
    cancelledAt: o.cancelledAt,
    version: o.version,
  };
}
