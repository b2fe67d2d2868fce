import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserRole } from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { ok } from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin], pluginConfig: { sales: { defaultCurrency: 'USD' } } });
  admin = await kit.createWorkspace('Catalogue');
});
afterAll(() => kit.close());

const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id sku unitPrice currency version } }`;

describe('products and services', () => {
  it('files products in a category tree', async () => {
    const food = await ok<{ createProductCategory: { id: string } }>(
      admin,
      `mutation { createProductCategory(input: { name: "Food" }) { id } }`,
    );
    const dairy = await ok<{ createProductCategory: { id: string; parentId: string } }>(
      admin,
      `mutation ($p: ID!) { createProductCategory(input: { name: "Dairy", parentId: $p }) { id parentId } }`,
      { p: food.createProductCategory.id },
    );
    expect(dairy.createProductCategory.parentId).toBe(food.createProductCategory.id);
    const milk = await ok<{ createProduct: { id: string; currency: string } }>(admin, CREATE, {
      input: {
        sku: 'MILK-1L',
        name: 'Milk 1 l',
        unitPrice: '1.19',
        categoryId: dairy.createProductCategory.id,
        tags: ['fresh'],
      },
    });
    expect(milk.createProduct.currency).toBe('USD');
    const inCategory = await ok<{ products: { edges: { node: { sku: string } }[] } }>(
      admin,
      `query ($c: ID!) { products(categoryId: $c) { edges { node { sku } } } }`,
      { c: dairy.createProductCategory.id },
    );
    expect(inCategory.products.edges.map((e) => e.node.sku)).toEqual(['MILK-1L']);
  });

  it('keeps the price history when the price changes', async () => {
    const created = await ok<{ createProduct: { id: string; version: number } }>(admin, CREATE, {
      input: { sku: 'SVC-AUDIT', name: 'Audit', kind: 'SERVICE', unitPrice: '500' },
    });
    const updated = await ok<{
      updateProduct: { unitPrice: string; priceHistory: { unitPrice: string; validTo: string | null }[] };
    }>(
      admin,
      `mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { unitPrice priceHistory { unitPrice validTo } } }`,
      { input: { id: created.createProduct.id, version: created.createProduct.version, unitPrice: '550.5' } },
    );
    expect(updated.updateProduct.unitPrice).toBe('550.50');
    expect(updated.updateProduct.priceHistory.map((p) => p.unitPrice)).toEqual(['550.50', '500.00']);
    expect(updated.updateProduct.priceHistory[0]!.validTo).toBeNull();
    expect(updated.updateProduct.priceHistory[1]!.validTo).not.toBeNull();
  });

  it('refuses a duplicate SKU, a negative price and a malformed one', async () => {
    await ok(admin, CREATE, { input: { sku: 'DUP-1', name: 'One', unitPrice: '1' } });
    const duplicate = await admin.request(CREATE, { input: { sku: 'DUP-1', name: 'Two', unitPrice: '1' } });
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'sku' }] });
    const negative = await admin.request(CREATE, { input: { sku: 'NEG', name: 'Neg', unitPrice: '-5' } });
    expect(negative.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'unitPrice' }],
    });
    const malformed = await admin.request(CREATE, { input: { sku: 'BAD', name: 'Bad', unitPrice: '12,50' } });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets managers but not agents change the catalogue', async () => {
    const agent = await kit.addUser(admin, UserRole.AGENT);
    const refused = await agent.request(CREATE, { input: { sku: 'AGENT-1', name: 'Nope', unitPrice: '1' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const manager = await kit.addUser(admin, UserRole.MANAGER);
    expect(
      (await manager.request(CREATE, { input: { sku: 'MGR-1', name: 'Yes', unitPrice: '1' } })).errors,
    ).toBeUndefined();
  });

  it('validates its configuration at start-up, naming plugin and key', async () => {
    await expect(
      createTestServer({ plugins: [salesPlugin], pluginConfig: { sales: { defaultCurrency: 'euro' } } }),
    ).rejects.toThrow(/Plugin "sales" has invalid configuration: key "defaultCurrency"/);
  });
});
