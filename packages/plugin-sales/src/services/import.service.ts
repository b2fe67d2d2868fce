import { GraphQLError } from 'graphql';
import { Counterparty, isId, type WriteContext } from '@kontra/core';
import type { LoyaltyRule } from '../config.js';
import { ProductCategory } from '../entities/product-category.entity.js';
import { Product } from '../entities/product.entity.js';
import { ProductKind } from '../entities/sales.enums.js';
import { DATE, DECIMAL, readCsv, RowProblems, type CsvRow } from './csv.js';
import { placeOrder } from './order.service.js';
import { createCategory, createProduct, updateProduct } from './product.service.js';

export interface ImportOptions {
  /** Longest CSV accepted (the API's default; the CLI lifts it). */
  maxChars?: number;
  progress?: (step: string, done: number, total: number) => void;
}

const PROGRESS_EVERY = 500;

/** Re-labels a service's input problems with the CSV lines they came from. */
function onLines<T>(lines: number[], run: () => Promise<T>): Promise<T> {
  return run().catch((error: unknown) => {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
      const problems = (error.extensions.problems as { path: string; message: string }[] | undefined) ?? [];
      throw new GraphQLError(`Line ${lines.join(', ')}: ${error.message}; nothing was imported`, {
        extensions: {
          ...error.extensions,
          problems: problems.map((p) => ({ ...p, path: `line ${lines[0]}.${p.path}` })),
        },
      });
    }
    throw error;
  });
}

const PRODUCT_COLUMNS = ['sku', 'name', 'unit_price'] as const;
const PRODUCT_OPTIONAL = ['kind', 'category', 'currency', 'active', 'launch_date', 'tags'] as const;

function checkProductRow(row: CsvRow, problems: RowProblems): void {
  const v = row.values;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(v.sku ?? '')) problems.add(row, 'sku', 'must be 1-64 letters, digits, . _ -');
  if (!v.name) problems.add(row, 'name', 'is empty');
  if (!DECIMAL.test(v.unit_price ?? '')) problems.add(row, 'unit_price', 'must be a non-negative number such as 12.50');
  if (v.kind && !(v.kind in ProductKind)) problems.add(row, 'kind', 'must be PRODUCT or SERVICE');
  if (v.currency && !/^[A-Z]{3}$/.test(v.currency))
    problems.add(row, 'currency', 'must be an ISO 4217 code such as EUR');
  if (v.active && !['true', 'false'].includes(v.active)) problems.add(row, 'active', 'must be true or false');
  if (v.launch_date && !DATE.test(v.launch_date)) problems.add(row, 'launch_date', 'must be a date as YYYY-MM-DD');
}

/**
 * Imports products: a new SKU is created, a known one updated (a changed price opens a new price
 * period). Every row is checked first; any problem is reported by line and nothing is written.
 */
export async function importProducts(
  tx: WriteContext,
  csv: string,
  defaultCurrency: string,
  options: ImportOptions = {},
) {
  const rows = readCsv(csv, PRODUCT_COLUMNS, PRODUCT_OPTIONAL, options.maxChars);
  const problems = new RowProblems();
  const seen = new Map<string, number>();
  for (const row of rows) {
    checkProductRow(row, problems);
    const sku = row.values.sku ?? '';
    if (seen.has(sku)) problems.add(row, 'sku', `repeats line ${seen.get(sku)}`);
    seen.set(sku, row.line);
  }
  problems.throwIfAny('products CSV');

  const existing = new Map(
    (await tx.em.find(Product, { workspace: tx.principal.workspaceId, sku: { $in: [...seen.keys()] } })).map((p) => [
      p.sku,
      p,
    ]),
  );
  const categories = new Map(
    (await tx.em.find(ProductCategory, { workspace: tx.principal.workspaceId, parent: null, deletedAt: null })).map(
      (c) => [c.name, c],
    ),
  );
  let created = 0;
  let updated = 0;
  for (const [index, row] of rows.entries()) {
    if (index % PROGRESS_EVERY === 0) options.progress?.('products', index, rows.length);
    const v = row.values;
    // A column left out of the file leaves that field as it is on known SKUs.
    let categoryId: string | null | undefined;
    if (v.category !== undefined) {
      const category = v.category
        ? (categories.get(v.category) ?? (await createCategory(tx, { name: v.category })))
        : null;
      if (category) categories.set(v.category, category);
      categoryId = category?.id ?? null;
    }
    const fields = {
      name: v.name!,
      unitPrice: v.unit_price!,
      ...(v.currency ? { currency: v.currency } : {}),
      ...(v.active !== undefined ? { active: v.active !== 'false' } : {}),
      ...(v.launch_date !== undefined ? { launchDate: v.launch_date || null } : {}),
      ...(v.tags !== undefined
        ? {
            tags: v.tags
              .split('|')
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(categoryId !== undefined ? { categoryId } : {}),
    };
    const product = existing.get(v.sku!);
    await onLines([row.line], async () => {
      if (product) {
        await updateProduct(tx, { id: product.id, version: product.version, ...fields });
        updated++;
      } else {
        await createProduct(
          tx,
          { sku: v.sku!, kind: (v.kind as ProductKind) || ProductKind.PRODUCT, active: true, ...fields },
          defaultCurrency,
        );
        created++;
      }
    });
  }
  options.progress?.('products', rows.length, rows.length);
  return { created, updated };
}

const ORDER_COLUMNS = ['order_ref', 'counterparty_id', 'sku', 'quantity'] as const;
const ORDER_OPTIONAL = ['placed_at', 'unit_price', 'discount_percent', 'currency'] as const;

/**
 * Imports orders, one CSV row per line, grouped by `order_ref`. Every row is checked first; any
 * problem is reported by line and no order of the file is written.
 */
export async function importOrders(tx: WriteContext, csv: string, loyalty: LoyaltyRule, options: ImportOptions = {}) {
  const rows = readCsv(csv, ORDER_COLUMNS, ORDER_OPTIONAL, options.maxChars);
  const problems = new RowProblems();
  const skus = new Set(rows.map((r) => r.values.sku ?? ''));
  const products = new Map(
    (await tx.em.find(Product, { workspace: tx.principal.workspaceId, sku: { $in: [...skus] }, deletedAt: null })).map(
      (p) => [p.sku, p],
    ),
  );
  const counterpartyIds = [...new Set(rows.map((r) => r.values.counterparty_id ?? '').filter(isId))];
  const counterparties = new Set(
    (
      await tx.em.find(Counterparty, {
        workspace: tx.principal.workspaceId,
        id: { $in: counterpartyIds },
        deletedAt: null,
      })
    ).map((c) => c.id),
  );
  const orders = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const v = row.values;
    if (!v.order_ref) problems.add(row, 'order_ref', 'is empty');
    if (!counterparties.has(v.counterparty_id ?? ''))
      problems.add(row, 'counterparty_id', 'is not a counterparty of this workspace');
    if (!products.has(v.sku ?? '')) problems.add(row, 'sku', 'is not a product of this workspace');
    if (!DECIMAL.test(v.quantity ?? '') || Number(v.quantity) <= 0)
      problems.add(row, 'quantity', 'must be a number above 0');
    if (v.unit_price && !DECIMAL.test(v.unit_price)) problems.add(row, 'unit_price', 'must be a non-negative number');
    if (v.discount_percent && (!DECIMAL.test(v.discount_percent) || Number(v.discount_percent) > 100)) {
      problems.add(row, 'discount_percent', 'must be 0 to 100');
    }
    if (v.placed_at && Number.isNaN(Date.parse(v.placed_at)))
      problems.add(row, 'placed_at', 'must be an ISO date-time');
    const group = orders.get(v.order_ref ?? '') ?? [];
    const first = group[0];
    if (
      first &&
      (first.values.counterparty_id !== v.counterparty_id || (first.values.placed_at ?? '') !== (v.placed_at ?? ''))
    ) {
      problems.add(row, 'order_ref', `has another counterparty or time than line ${first.line} of the same order`);
    }
    orders.set(v.order_ref ?? '', [...group, row]);
  }
  problems.throwIfAny('orders CSV');

  let placed = 0;
  for (const group of orders.values()) {
    if (placed % PROGRESS_EVERY === 0) options.progress?.('orders', placed, orders.size);
    const head = group[0]!.values;
    await onLines(
      group.map((r) => r.line),
      () =>
        placeOrder(
          tx,
          {
            counterpartyId: head.counterparty_id!,
            ...(head.placed_at ? { placedAt: new Date(head.placed_at) } : {}),
            ...(head.currency ? { currency: head.currency } : {}),
            lines: group.map((r) => ({
              productId: products.get(r.values.sku!)!.id,
              quantity: r.values.quantity!,
              unitPrice: r.values.unit_price || null,
              discountPercent: r.values.discount_percent || null,
            })),
          },
          loyalty,
        ),
    );
    placed++;
  }
  options.progress?.('orders', placed, orders.size);
  return { orders: placed, lines: rows.length };
}
