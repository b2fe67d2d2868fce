import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { CREATE_DEAL, MOVE_DEAL, createCounterparty, createPipeline, ok } from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;
let customerId: string;
const product: Record<string, { id: string; version: number }> = {};

const PLACE = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) {
  id version status currency subtotal discountTotal total lines { position quantity unitPrice discountPercent lineTotal product { sku } } } }`;

interface PlacedOrder {
  id: string;
  version: number;
  subtotal: string;
  discountTotal: string;
  total: string;
  lines: { lineTotal: string; unitPrice: string }[];
}

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin] });
  admin = await kit.createWorkspace('Orders');
  customerId = await createCounterparty(admin, 'Corner Shop');
  for (const [sku, unitPrice] of [
    ['COFFEE', '7.99'],
    ['MUG', '4.50'],
    ['BEANS-KG', '21.35'],
  ] as const) {
    const created = await ok<{ createProduct: { id: string; version: number } }>(
      admin,
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id version } }`,
      { input: { sku, name: sku, unitPrice } },
    );
    product[sku] = created.createProduct;
  }
});
afterAll(() => kit.close());

async function place(lines: Record<string, unknown>[], extra: Record<string, unknown> = {}): Promise<PlacedOrder> {
  const data = await ok<{ placeOrder: PlacedOrder }>(admin, PLACE, {
    input: { counterpartyId: customerId, lines, ...extra },
  });
  return data.placeOrder;
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('orders', () => {
  it('totals exactly the sum of its lines after discounts, each rounded to the cent', async () => {
    const order = await place([
      { productId: product['COFFEE']!.id, quantity: '3' },
      { productId: product['MUG']!.id, quantity: '2', discountPercent: '12.5' },
      { productId: product['BEANS-KG']!.id, quantity: '1.333', discountPercent: '3' },
    ]);
    // 1.333 kg × 21.35 = 28.45955, less 3 % = 27.6057635 → 27.61; 2 × 4.50 less 12.5 % = 7.875 → 7.88.
    expect(order.lines.map((l) => l.lineTotal)).toEqual(['23.97', '7.88', '27.61']);
    expect(cents(order.total)).toBe(order.lines.reduce((sum, l) => sum + cents(l.lineTotal), 0));
    expect(order).toMatchObject({ subtotal: '61.43', discountTotal: '1.97', total: '59.46' });
  });

  it('keeps the price a line had when ordered after the product’s price changes', async () => {
    const order = await place([{ productId: product['MUG']!.id, quantity: '1' }]);
    await ok(admin, `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { id } }`, {
      input: { id: product['MUG']!.id, version: product['MUG']!.version, unitPrice: '5.25' },
    });
    const read = await ok<{ order: { lines: { unitPrice: string }[]; total: string } }>(
      admin,
      `query ($id: ID!) { order(id: $id) { total lines { unitPrice } } }`,
      { id: order.id },
    );
    expect(read.order).toEqual({ total: '4.50', lines: [{ unitPrice: '4.50' }] });
  });

  it('reports a bad line by its index and places nothing', async () => {
    const before = await ok<{ orders: { edges: unknown[] } }>(admin, `{ orders(first: 100) { edges { cursor } } }`);
    const result = await admin.request(PLACE, {
      input: {
        counterpartyId: customerId,
        lines: [
          { productId: product['COFFEE']!.id, quantity: '1' },
          { productId: product['MUG']!.id, quantity: '0' },
          { productId: '0195f0a0-0000-7000-8000-000000000000', quantity: '1' },
        ],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (result.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(['lines.1.quantity', 'lines.2.productId']);
    const after = await ok<{ orders: { edges: unknown[] } }>(admin, `{ orders(first: 100) { edges { cursor } } }`);
    expect(after.orders.edges).toHaveLength(before.orders.edges.length);
  });

  it('allows only the status changes of an order’s life', async () => {
    const order = await place([{ productId: product['COFFEE']!.id, quantity: '1' }]);
    const SET = `mutation ($id: ID!, $v: Int!, $s: OrderStatus!) { setOrderStatus(id: $id, version: $v, status: $s) { status version } }`;
    const shippedEarly = await admin.request(SET, { id: order.id, v: order.version, s: 'SHIPPED' });
    expect(shippedEarly.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'status' }],
    });
    const paid = await ok<{ setOrderStatus: { version: number } }>(admin, SET, {
      id: order.id,
      v: order.version,
      s: 'PAID',
    });
    const cancelled = await ok<{ setOrderStatus: { status: string; version: number } }>(admin, SET, {
      id: order.id,
      v: paid.setOrderStatus.version,
      s: 'CANCELLED',
    });
    expect(cancelled.setOrderStatus.status).toBe('CANCELLED');
    const revived = await admin.request(SET, { id: order.id, v: cancelled.setOrderStatus.version, s: 'PAID' });
    expect(revived.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('orders on the counterparty', () => {
  it('adds orders, lifetime value (without cancelled orders) and timeline entries to Counterparty', async () => {
    const buyer = await createCounterparty(admin, 'Loyal Buyer');
    const pipeline = await createPipeline(admin, 'Buyer pipeline');
    const deal = await ok<{ createDeal: { id: string; version: number } }>(admin, CREATE_DEAL, {
      input: { counterpartyId: buyer, pipelineId: pipeline.id, title: 'Annual coffee', amount: '100' },
    });
    await ok(admin, MOVE_DEAL, {
      input: {
        id: deal.createDeal.id,
        version: deal.createDeal.version,
        stageId: pipeline.stages.find((s) => s.kind === 'WON')!.id,
      },
    });
    const lines = [{ productId: product['BEANS-KG']!.id, quantity: '2' }];
    await ok(admin, PLACE, {
      input: { counterpartyId: buyer, lines, dealId: deal.createDeal.id, placedAt: '2026-11-01T10:00:00Z' },
    });
    const second = await ok<{ placeOrder: { id: string; version: number } }>(admin, PLACE, {
      input: { counterpartyId: buyer, lines, placedAt: '2026-11-02T10:00:00Z' },
    });
    await ok(
      admin,
      `mutation ($id: ID!, $v: Int!) { setOrderStatus(id: $id, version: $v, status: CANCELLED) { id } }`,
      {
        id: second.placeOrder.id,
        v: second.placeOrder.version,
      },
    );
    const read = await ok<{
      counterparty: {
        lifetimeValue: unknown[];
        orders: { edges: { node: { status: string; deal: { title: string } | null } }[] };
        timeline: { edges: { node: { kind: string } }[] };
      };
    }>(
      admin,
      `query ($id: ID!) { counterparty(id: $id) {
        lifetimeValue { currency amount }
        orders { edges { node { status deal { title } } } }
        timeline(first: 20) { edges { node { kind } } } } }`,
      { id: buyer },
    );
    expect(read.counterparty.lifetimeValue).toEqual([{ currency: 'EUR', amount: '42.70' }]);
    expect(read.counterparty.orders.edges.map((e) => [e.node.status, e.node.deal?.title ?? null])).toEqual([
      ['CANCELLED', null],
      ['PLACED', 'Annual coffee'],
    ]);
    const kinds = read.counterparty.timeline.edges.map((e) => e.node.kind);
    expect(kinds[0]).toBe('sales.orderCancelled');
    expect(kinds).toEqual(expect.arrayContaining(['sales.dealCreated', 'sales.dealWon', 'sales.orderPlaced']));
    expect(kinds.filter((k) => k === 'sales.orderPlaced')).toHaveLength(2);
  });
});

describe('timeline identity', () => {
  it('gives an order placed and later cancelled two entries with distinct ids', async () => {
    const buyer = await createCounterparty(admin, 'Fickle Buyer');
    const placed = await ok<{ placeOrder: { id: string; version: number } }>(admin, PLACE, {
      input: { counterpartyId: buyer, lines: [{ productId: product['COFFEE']!.id, quantity: '1' }] },
    });
    await ok(
      admin,
      `mutation ($id: ID!, $v: Int!) { setOrderStatus(id: $id, version: $v, status: CANCELLED) { id } }`,
      {
        id: placed.placeOrder.id,
        v: placed.placeOrder.version,
      },
    );
    const read = await ok<{ counterparty: { timeline: { edges: { node: { id: string; kind: string } }[] } } }>(
      admin,
      `query ($id: ID!) { counterparty(id: $id) { timeline { edges { node { id kind } } } } }`,
      { id: buyer },
    );
    expect(read.counterparty.timeline.edges.map((e) => e.node)).toEqual([
      { id: `sales.orderCancelled:${placed.placeOrder.id}`, kind: 'sales.orderCancelled' },
      { id: `sales.orderPlaced:${placed.placeOrder.id}`, kind: 'sales.orderPlaced' },
    ]);
  });
});

describe('filtering counterparties by their orders', () => {
  it('finds who bought a product, and who contacted us but bought nothing', async () => {
    const bought = await createCounterparty(admin, 'Bean Buyer');
    const quiet = await createCounterparty(admin, 'Called But Never Bought');
    await ok(admin, PLACE, {
      input: {
        counterpartyId: bought,
        lines: [{ productId: product['BEANS-KG']!.id, quantity: '1' }],
        placedAt: '2026-10-15T09:00:00Z',
      },
    });
    await ok(admin, `mutation ($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`, {
      input: { counterpartyId: quiet, type: 'CALL', direction: 'INBOUND', occurredAt: '2026-10-20T09:00:00Z' },
    });
    const names = async (filter: unknown) =>
      (
        await ok<{ counterparties: { edges: { node: { displayName: string } }[] } }>(
          admin,
          `query ($f: CounterpartyFilter) { counterparties(first: 100, filter: $f) { edges { node { displayName } } } }`,
          { f: filter },
        )
      ).counterparties.edges.map((e) => e.node.displayName);
    expect(
      await names({
        orders: {
          some: {
            productIds: [product['BEANS-KG']!.id],
            placedAt: { gte: '2026-10-01T00:00:00Z', lt: '2026-11-01T00:00:00Z' },
          },
        },
      }),
    ).toEqual(['Bean Buyer']);
    expect(
      await names({
        interactions: {
          some: { direction: ['INBOUND'], occurredAt: { gte: '2026-10-01T00:00:00Z', lt: '2026-11-01T00:00:00Z' } },
        },
        orders: { none: { placedAt: { gte: '2026-10-01T00:00:00Z', lt: '2026-11-01T00:00:00Z' } } },
      }),
    ).toEqual(['Called But Never Bought']);
  });
});
