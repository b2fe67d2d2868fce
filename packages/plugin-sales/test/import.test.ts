import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { createCounterparty, ok } from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;
let shopId: string;

const IMPORT_PRODUCTS = `mutation ($csv: String!) { importProducts(csv: $csv) { created updated } }`;
const IMPORT_ORDERS = `mutation ($csv: String!) { importOrders(csv: $csv) { orders lines } }`;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin] });
  admin = await kit.createWorkspace('Imports');
  shopId = await createCounterparty(admin, 'Import Shop');
});
afterAll(() => kit.close());

const productCount = async () =>
  (await ok<{ products: { edges: unknown[] } }>(admin, `{ products(first: 100) { edges { cursor } } }`)).products.edges
    .length;

describe('CSV import', () => {
  it('creates products, then updates known SKUs keeping their price history', async () => {
    const first = await ok<{ importProducts: unknown }>(admin, IMPORT_PRODUCTS, {
      csv: 'sku,name,unit_price,category,tags\nTEA-1,"Green tea, 250 g",8.40,Tea,fresh|organic\nTEA-2,Black tea,7.90,Tea,\n',
    });
    expect(first.importProducts).toEqual({ created: 2, updated: 0 });
    const second = await ok<{ importProducts: unknown }>(admin, IMPORT_PRODUCTS, {
      csv: 'sku,name,unit_price\nTEA-1,"Green tea, 250 g",8.90\nTEA-3,White tea,12.00\n',
    });
    expect(second.importProducts).toEqual({ created: 1, updated: 1 });
    const tea = await ok<{
      products: { edges: { node: { name: string; tags: string[]; priceHistory: { unitPrice: string }[] } }[] };
    }>(admin, `{ products(search: "green") { edges { node { name tags priceHistory { unitPrice } } } } }`);
    expect(tea.products.edges[0]!.node).toEqual({
      name: 'Green tea, 250 g',
      tags: ['fresh', 'organic'],
      priceHistory: [{ unitPrice: '8.90' }, { unitPrice: '8.40' }],
    });
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const before = await productCount();
    const result = await admin.request(IMPORT_PRODUCTS, {
      csv: 'sku,name,unit_price,kind\nGOOD-1,Good,1.00,PRODUCT\nBAD 2,Bad sku,1.00,PRODUCT\nGOOD-3,,abc,GADGET\nGOOD-1,Again,1.00,\n',
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path)).toEqual([
      'line 3.sku',
      'line 4.name',
      'line 4.unit_price',
      'line 4.kind',
      'line 5.sku',
    ]);
    expect(await productCount()).toBe(before);
  });

  it('refuses a file with a missing column', async () => {
    const result = await admin.request(IMPORT_PRODUCTS, { csv: 'sku,name\nX,Y\n' });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'header.unit_price' }],
    });
  });

  it('imports orders grouped by reference, all or nothing', async () => {
    const good = await ok<{ importOrders: unknown }>(admin, IMPORT_ORDERS, {
      csv: [
        'order_ref,counterparty_id,placed_at,sku,quantity,discount_percent',
        `A-1,${shopId},2026-09-01T10:00:00Z,TEA-1,2,`,
        `A-1,${shopId},2026-09-01T10:00:00Z,TEA-2,1,10`,
        `A-2,${shopId},2026-09-15T10:00:00Z,TEA-3,1,`,
      ].join('\n'),
    });
    expect(good.importOrders).toEqual({ orders: 2, lines: 3 });
    const orders = async () =>
      (
        await ok<{ orders: { edges: { node: { total: string } }[] } }>(
          admin,
          `{ orders(first: 100) { edges { node { total } } } }`,
        )
      ).orders.edges;
    expect((await orders()).map((e) => e.node.total)).toEqual(['12.00', '24.91']);
    const bad = await admin.request(IMPORT_ORDERS, {
      csv: ['order_ref,counterparty_id,sku,quantity', `B-1,${shopId},TEA-1,1`, `B-2,${shopId},NOPE,1`].join('\n'),
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'line 3.sku' }] });
    expect(await orders()).toHaveLength(2);
  });
});
