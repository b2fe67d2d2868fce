import {
  badUserInput,
  Counterparty,
  isId,
  loadForUpdate,
  Workspace,
  type FieldProblem,
  type WriteContext,
} from '@kontra/core';
import { Deal } from '../entities/deal.entity.js';
import { Order, OrderLine } from '../entities/order.entity.js';
import { Product } from '../entities/product.entity.js';
import { OrderStatus } from '../entities/sales.enums.js';
import type { OrderType, PlaceOrderInput } from '../resolvers/order.types.js';
import { formatCents, lineAmounts, scaled } from './order-math.js';
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

async function lineProducts(tx: WriteContext, input: PlaceOrderInput, problems: FieldProblem[]) {
  const ids = [...new Set(input.lines.map((l) => l.productId).filter(isId))];
  const products = await tx.em.find(Product, {
    id: { $in: ids },
    workspace: tx.principal.workspaceId,
    deletedAt: null,
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  input.lines.forEach((line, index) => {
    const product = byId.get(line.productId);
    if (!product) problems.push({ path: `lines.${index}.productId`, message: 'is not a product of this workspace' });
    else if (!product.active) problems.push({ path: `lines.${index}.productId`, message: 'is not active' });
    if (scaled(line.quantity, 3) <= 0n)
      problems.push({ path: `lines.${index}.quantity`, message: 'must be more than 0' });
    const discount = scaled(line.discountPercent ?? '0', 2);
    if (discount < 0n || discount > 10_000n)
      problems.push({ path: `lines.${index}.discountPercent`, message: 'must be 0 to 100' });
    if (line.unitPrice != null && scaled(line.unitPrice, 2) < 0n) {
      problems.push({ path: `lines.${index}.unitPrice`, message: 'must not be negative' });
    }
  });
  return byId;
}

/** Places an order: prices come from the products now, totals are exact sums of the lines. */
export async function placeOrder(
  tx: WriteContext,
  input: PlaceOrderInput,
  loyalty: LoyaltyRule,
): Promise<{ order: Order; lines: OrderLine[] }> {
  const problems: FieldProblem[] = [];
  const counterparty = isId(input.counterpartyId)
    ? await tx.em.findOne(Counterparty, {
        id: input.counterpartyId,
        workspace: tx.principal.workspaceId,
        deletedAt: null,
      })
    : null;
  if (!counterparty) problems.push({ path: 'counterpartyId', message: 'is not a counterparty of this workspace' });
  const deal = input.dealId
    ? isId(input.dealId)
      ? await tx.em.findOne(Deal, { id: input.dealId, workspace: tx.principal.workspaceId, deletedAt: null })
      : null
    : null;
  if (input.dealId && !deal) problems.push({ path: 'dealId', message: 'is not a deal of this workspace' });
  const products = await lineProducts(tx, input, problems);
  const currencies = new Set([...products.values()].map((p) => p.currency));
  const currency = input.currency ?? [...currencies][0];
  if (currencies.size > 1 || (currency && currencies.size === 1 && !currencies.has(currency))) {
    problems.push({
      path: 'currency',
      message: `the products are priced in ${[...currencies].join(', ')}; one order has one currency`,
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
  let gross = 0n;
  let net = 0n;
  const lines = input.lines.map((line, position) => {
    const product = products.get(line.productId)!;
    const unitPrice = line.unitPrice ?? product.unitPrice;
    const discountPercent = line.discountPercent ?? '0';
    const amounts = lineAmounts(line.quantity, unitPrice, discountPercent);
    gross += amounts.grossCents;
    net += amounts.totalCents;
    return Object.assign(new OrderLine(), {
      workspace: order.workspace,
      order,
      product,
      position,
      quantity: line.quantity,
      unitPrice: formatCents(scaled(unitPrice, 2)),
      discountPercent: formatCents(scaled(discountPercent, 2)),
      lineTotal: formatCents(amounts.totalCents),
    });
  });
  Object.assign(order, {
    subtotal: formatCents(gross),
    discountTotal: formatCents(gross - net),
    total: formatCents(net),
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
