import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';
import { okAs } from './analytics-helpers.js';

let kit: TestServer;
let admin: TestClient;
const ids: Record<string, string> = {};

const ok = <T>(query: string, variables: Record<string, unknown> = {}) => okAs<T>(admin, query, variables);

async function order(customer: string, day: string, skus: string[]) {
  await ok(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
    input: {
      counterpartyId: ids[customer],
      placedAt: `2026-${day}T10:00:00Z`,
      lines: skus.map((sku) => ({ productId: ids[sku], quantity: '1' })),
    },
  });
}

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin, analyticsPlugin] });
  admin = await kit.createWorkspace('Audience');
  for (const category of ['Machines', 'Accessories', 'Coffee']) {
    const data = await ok<{ createProductCategory: { id: string } }>(
      `mutation ($name: String!) { createProductCategory(input: { name: $name }) { id } }`,
      { name: category },
    );
    ids[category] = data.createProductCategory.id;
  }
  for (const [sku, category] of [
    ['ESPRESSO', 'Machines'],
    ['MILKER', 'Machines'],
    ['CUPS', 'Accessories'],
    ['TAMPER', 'Accessories'],
    ['BEANS', 'Coffee'],
  ] as const) {
    const data = await ok<{ createProduct: { id: string } }>(
      `mutation ($sku: String!, $category: ID!) { createProduct(input: { sku: $sku, name: $sku, unitPrice: "10.00", categoryId: $category }) { id } }`,
      { sku, category: ids[category] },
    );
    ids[sku] = data.createProduct.id;
  }
  for (const [name, consent] of [
    ['U', true],
    ['V', true],
    ['W', true],
    ['X', true],
    ['M', true],
    ['Y', true],
    ['Z', false],
  ] as const) {
    const data = await ok<{ createCounterparty: { id: string } }>(
      `mutation ($name: String!, $consent: Boolean!) {
        createCounterparty(input: { kind: PERSON, firstName: $name, contactConsent: $consent }) { id } }`,
      { name, consent },
    );
    ids[name] = data.createCounterparty.id;
  }
  await order('U', '01-05', ['ESPRESSO', 'CUPS']); // cups are bought together with the machine
  await order('V', '01-01', ['TAMPER']); // a tamper just before the machine: its predecessor
  await order('V', '01-10', ['ESPRESSO']);
  await order('W', '01-07', ['CUPS']);
  await order('X', '01-08', ['TAMPER']);
  await order('M', '01-09', ['MILKER']); // same category
  await order('Y', '01-09', ['BEANS']); // nothing to do with it
  await order('Z', '01-09', ['TAMPER']); // would qualify, but gave no consent
}, 60_000);
afterAll(() => kit.close());

describe('question 4: who to tell about a product', () => {
  it('ranks customers by affinity, leaving out buyers and those without consent', async () => {
    const data = await ok<{
      productAudience: {
        score: number;
        boughtInCategory: boolean;
        boughtTogetherProductIds: string[];
        boughtPredecessorProductIds: string[];
        counterparty: { displayName: string };
      }[];
    }>(
      `query ($id: ID!) { productAudience(productId: $id) { score boughtInCategory boughtTogetherProductIds
        boughtPredecessorProductIds counterparty { displayName } } }`,
      { id: ids.ESPRESSO },
    );
    expect(data.productAudience).toEqual([
      {
        counterparty: { displayName: 'X' },
        score: 3,
        boughtInCategory: false,
        boughtTogetherProductIds: [],
        boughtPredecessorProductIds: [ids.TAMPER],
      },
      {
        counterparty: { displayName: 'W' },
        score: 2,
        boughtInCategory: false,
        boughtTogetherProductIds: [ids.CUPS],
        boughtPredecessorProductIds: [],
      },
      {
        counterparty: { displayName: 'M' },
        score: 1,
        boughtInCategory: true,
        boughtTogetherProductIds: [],
        boughtPredecessorProductIds: [],
      },
    ]);
  });
});
