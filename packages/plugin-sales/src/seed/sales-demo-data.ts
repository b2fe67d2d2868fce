import { pick, type SeedContext, type WriteContext } from '@kontra/core';
import { Stage } from '../entities/pipeline.entity.js';
import { StageKind } from '../entities/sales.enums.js';
import { createDeal, moveDeal } from '../services/deal.service.js';
import { issueCard } from '../services/loyalty.service.js';
import { placeOrder } from '../services/order.service.js';
import { createPipeline } from '../services/pipeline.service.js';
import { createCategory, createProduct } from '../services/product.service.js';
import type { ProductKind } from '../entities/sales.enums.js';

const ORDERS = 1_500;
const DEALS = 60;
const BATCH = 50;
const DAY = 86_400_000;

const CATALOGUE: Record<string, [sku: string, name: string, price: string, kind?: ProductKind][]> = {
  Coffee: [
    ['COF-ESP', 'Espresso beans 1 kg', '21.50'],
    ['COF-FIL', 'Filter coffee 1 kg', '16.90'],
    ['COF-DEC', 'Decaf beans 1 kg', '19.80'],
    ['COF-CAP', 'Capsules, 50', '14.50'],
  ],
  Tea: [
    ['TEA-GRN', 'Green tea 250 g', '8.40'],
    ['TEA-BLK', 'Black tea 250 g', '7.90'],
    ['TEA-HRB', 'Herbal tea 250 g', '6.50'],
  ],
  Equipment: [
    ['EQP-GRD', 'Burr grinder', '189.00'],
    ['EQP-MCH', 'Espresso machine', '1249.00'],
    ['EQP-KTL', 'Kettle', '59.00'],
    ['EQP-CUP', 'Cups, 12', '36.00'],
  ],
  Services: [
    ['SRV-MNT', 'Machine maintenance', '120.00', 'SERVICE' as ProductKind],
    ['SRV-TRN', 'Barista training', '350.00', 'SERVICE' as ProductKind],
  ],
};

/** Spring and the run-up to Christmas sell more, as in a real year. */
const MONTH_WEIGHT = [0.7, 0.7, 0.9, 1.0, 1.0, 0.8, 0.7, 0.7, 1.0, 1.1, 1.4, 1.8];

async function inBatches<T>(
  ctx: SeedContext,
  step: string,
  permission: string,
  items: readonly T[],
  make: (tx: WriteContext, item: T) => Promise<unknown>,
) {
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    await ctx.write(permission, async (tx) => {
      for (const item of batch) await make(tx, item);
    });
    ctx.progress(step, start + batch.length, items.length);
  }
}

function orderDate(random: () => number, now: number): Date {
  // Rejection sampling against the month weights over the last 365 days.
  for (;;) {
    const at = new Date(now - Math.floor(random() * 365 * DAY));
    if (random() * 1.8 < MONTH_WEIGHT[at.getUTCMonth()]!) return at;
  }
}

/** Products, a pipeline with deals in every stage, loyalty cards and a year of orders with repeat buyers. */
export async function seedSalesDemoData(ctx: SeedContext): Promise<void> {
  const { random } = ctx;
  const { defaultCurrency, loyalty } = ctx.request.runtime.config('sales');
  const counterparties = ctx.created.get('counterparties') ?? [];
  if (counterparties.length === 0) return;

  const products = await ctx.write('sales.catalog.manage', async (tx) => {
    const ids: string[] = [];
    for (const [categoryName, items] of Object.entries(CATALOGUE)) {
      const category = await createCategory(tx, { name: categoryName });
      for (const [sku, name, unitPrice, kind] of items) {
        const product = await createProduct(
          tx,
          { sku, name, unitPrice, kind: kind ?? ('PRODUCT' as ProductKind), active: true, categoryId: category.id },
          defaultCurrency,
        );
        ids.push(product.id);
      }
    }
    return ids;
  });

  const pipeline = await ctx.write('sales.pipeline.manage', (tx) =>
    createPipeline(tx, {
      name: 'New business',
      stages: [
        { name: 'Lead', probability: 10, kind: StageKind.OPEN },
        { name: 'Qualified', probability: 30, kind: StageKind.OPEN },
        { name: 'Proposal', probability: 60, kind: StageKind.OPEN },
        { name: 'Won', probability: 100, kind: StageKind.WON },
        { name: 'Lost', probability: 0, kind: StageKind.LOST },
      ],
    }),
  );
  const stages = (await ctx.request.em.find(Stage, { pipeline: pipeline.id }, { orderBy: { position: 'asc' } })).map(
    (s) => ({
      id: s.id,
      kind: s.kind,
    }),
  );
  const now = Date.now();
  await inBatches(
    ctx,
    'deals',
    'sales.deal.write',
    Array.from({ length: DEALS }, (_, i) => i),
    async (tx, i) => {
      const deal = await createDeal(
        tx,
        {
          counterpartyId: pick(random, counterparties),
          pipelineId: pipeline.id,
          title: `${pick(random, ['Office coffee', 'Café fit-out', 'Annual supply', 'Machine upgrade'])} #${i + 1}`,
          amount: String(500 + Math.floor(random() * 20_000)),
          expectedCloseDate: new Date(now + Math.floor((random() - 0.2) * 180) * DAY).toISOString().slice(0, 10),
          source: pick(random, ['referral', 'website', 'trade fair', 'cold call']),
        },
        defaultCurrency,
      );
      const target = stages[Math.floor(random() * stages.length)]!;
      if (target.id !== deal.stage.id) {
        await moveDeal(
          tx,
          {
            id: deal.id,
            version: deal.version,
            stageId: target.id,
            lostReason: target.kind === StageKind.LOST ? 'Price' : null,
          },
          false,
        );
      }
    },
  );

  // A third of the customers hold a card; a fifth of them buy most of the time (repeat buyers).
  const cardHolders = counterparties.filter(() => random() < 0.33);
  await inBatches(ctx, 'loyalty cards', 'sales.order.write', cardHolders, (tx, id) => issueCard(tx, id));
  const regulars = counterparties.slice(0, Math.ceil(counterparties.length / 5));
  await inBatches(
    ctx,
    'orders',
    'sales.order.write',
    Array.from({ length: ORDERS }, (_, i) => i),
    (tx) =>
      placeOrder(
        tx,
        {
          counterpartyId: random() < 0.7 ? pick(random, regulars) : pick(random, counterparties),
          placedAt: orderDate(random, now),
          lines: Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
            productId: pick(random, products),
            quantity: String(1 + Math.floor(random() * 5)),
            discountPercent: random() < 0.15 ? '10' : '0',
          })).filter((line, index, all) => all.findIndex((l) => l.productId === line.productId) === index),
        },
        loyalty,
      ),
  );
  ctx.created.set('products', products);
}
