import { isId, type FieldProblem, type WriteContext } from '@kontra/core';
import { Product } from '../entities/product.entity.js';
import type { ProductLineInput } from '../resolvers/order.types.js';
import { formatCents, lineAmounts, scaled } from './order-math.js';

export interface PricedLine {
  product: Product;
  position: number;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  lineTotal: string;
}

export interface PricedLines {
  lines: PricedLine[];
  /** The currencies of the lines' products; an order or deal needs exactly one. */
  currencies: Set<string>;
  grossCents: bigint;
  totalCents: bigint;
}

/**
 * Checks product lines (of an order or a deal) and prices them: the product's current list price
 * unless one is given, less the line's discount, rounded once per line. Problems are reported as
 * `lines.<index>.<field>`; the lines are priced only when there are none.
 */
export async function priceLines(
  tx: WriteContext,
  inputs: ProductLineInput[],
  problems: FieldProblem[],
): Promise<PricedLines> {
  const ids = [...new Set(inputs.map((l) => l.productId).filter(isId))];
  const products = new Map(
    (await tx.em.find(Product, { id: { $in: ids }, workspace: tx.principal.workspaceId, deletedAt: null })).map((p) => [
      p.id,
      p,
    ]),
  );
  const problemsBefore = problems.length;
  inputs.forEach((line, index) => {
    const product = products.get(line.productId);
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
  const priced: PricedLines = { lines: [], currencies: new Set(), grossCents: 0n, totalCents: 0n };
  if (problems.length > problemsBefore) return priced;
  inputs.forEach((line, position) => {
    const product = products.get(line.productId)!;
    const unitPrice = line.unitPrice ?? product.unitPrice;
    const discountPercent = line.discountPercent ?? '0';
    const amounts = lineAmounts(line.quantity, unitPrice, discountPercent);
    priced.grossCents += amounts.grossCents;
    priced.totalCents += amounts.totalCents;
    priced.currencies.add(product.currency);
    priced.lines.push({
      product,
      position,
      quantity: line.quantity,
      unitPrice: formatCents(scaled(unitPrice, 2)),
      discountPercent: formatCents(scaled(discountPercent, 2)),
      lineTotal: formatCents(amounts.totalCents),
    });
  });
  return priced;
}
