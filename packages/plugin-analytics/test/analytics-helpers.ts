import { expect } from '@jest/globals';
import type { TestClient } from '@kontra/server/testing';

/** Runs a query or mutation as `client` that must succeed, and returns its data. */
export async function okAs<T>(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** Creates categories and their products (price 10.00), returning ids by category name and SKU. */
export async function createCatalogue(
  client: TestClient,
  categories: readonly string[],
  products: readonly (readonly [sku: string, category: string])[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of categories) {
    const data = await okAs<{ createProductCategory: { id: string } }>(
      client,
      `mutation ($name: String!) { createProductCategory(input: { name: $name }) { id } }`,
      { name },
    );
    ids[name] = data.createProductCategory.id;
  }
  for (const [sku, category] of products) {
    const data = await okAs<{ createProduct: { id: string } }>(
      client,
      `mutation ($sku: String!, $category: ID!) {
        createProduct(input: { sku: $sku, name: $sku, unitPrice: "10.00", categoryId: $category }) { id } }`,
      { sku, category: ids[category] },
    );
    ids[sku] = data.createProduct.id;
  }
  return ids;
}

/** Places an order of one of each SKU for a customer, on a day of 2026 (`MM-DD`). */
export async function placeOrderOf(
  client: TestClient,
  ids: Record<string, string>,
  customer: string,
  day: string,
  skus: string[],
) {
  await okAs(client, `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
    input: {
      counterpartyId: ids[customer],
      placedAt: `2026-${day}T10:00:00Z`,
      lines: skus.map((sku) => ({ productId: ids[sku], quantity: '1' })),
    },
  });
}

/**
 * Waits until the workspace's precomputed summaries include everything written before the call
 * (their `asOf`, here read from RFM, passes the call's time); the refresh job runs every second.
 */
export async function summariesCaughtUp(client: TestClient): Promise<void> {
  const since = Date.now();
  for (const started = since; Date.now() - started < 10_000;) {
    const data = await okAs<{ rfm: { asOf: string | null } }>(client, '{ rfm { asOf } }');
    if (data.rfm.asOf && Date.parse(data.rfm.asOf) >= since) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the summaries did not catch up within 10 s');
}
