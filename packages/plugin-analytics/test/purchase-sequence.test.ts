import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';
import { createCatalogue, okAs, placeOrderOf, summariesCaughtUp } from './analytics-helpers.js';

let kit: TestServer;
let admin: TestClient;
const ids: Record<string, string> = {};

const ok = <T>(query: string, variables: Record<string, unknown> = {}) => okAs<T>(admin, query, variables);

const order = (customer: string, day: string, skus: string[]) => placeOrderOf(admin, ids, customer, day, skus);

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin, analyticsPlugin] });
  admin = await kit.createWorkspace('Sequences');
  Object.assign(
    ids,
    await createCatalogue(
      admin,
      ['Equipment', 'Coffee'],
      [
        ['GRINDER', 'Equipment'],
        ['CUPS', 'Equipment'],
        ['BEANS', 'Coffee'],
        ['FILTER', 'Coffee'],
      ],
    ),
  );
  for (const name of ['P', 'Q', 'R', 'S', 'T']) {
    const data = await ok<{ createCounterparty: { id: string } }>(
      `mutation ($name: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $name }) { id } }`,
      { name },
    );
    ids[name] = data.createCounterparty.id;
  }
  await order('P', '01-01', ['GRINDER']);
  await order('P', '01-11', ['BEANS', 'FILTER']); // P's next order: 10 days later
  await order('P', '02-01', ['BEANS']); // later repeats do not count again
  await order('Q', '01-05', ['GRINDER']);
  await order('Q', '01-08', ['BEANS']); // 3 days later
  await order('Q', '01-20', ['GRINDER']); // a second grinder: only the first purchase of A counts
  await order('Q', '01-22', ['BEANS']);
  await order('R', '01-03', ['GRINDER', 'BEANS']); // bought with A, not after it
  await order('R', '02-02', ['CUPS']); // 30 days later
  await order('S', '01-04', ['BEANS']); // never bought A
  await order('T', '01-02', ['GRINDER']); // never ordered again
  await summariesCaughtUp(admin);
}, 60_000);
afterAll(() => kit.close());

const QUERY = `query ($id: ID!, $level: SequenceLevel!) { purchaseSequence(itemId: $id, level: $level) {
  asOf customersOfA customersWithNextOrder next { itemId customers confidence medianDays } } }`;

interface Sequence {
  purchaseSequence: {
    asOf: string;
    customersOfA: number;
    customersWithNextOrder: number;
    next: { itemId: string; customers: number; confidence: number; medianDays: number }[];
  };
}

describe('question 2: what customers buy next', () => {
  it('counts customers, not orders, in the order after their first purchase of a product', async () => {
    const data = await ok<Sequence>(QUERY, { id: ids.GRINDER, level: 'PRODUCT' });
    expect(data.purchaseSequence.customersOfA).toBe(4);
    expect(data.purchaseSequence.customersWithNextOrder).toBe(3);
    const bySku = Object.fromEntries(
      data.purchaseSequence.next.map((n) => [Object.keys(ids).find((key) => ids[key] === n.itemId), n]),
    );
    expect(data.purchaseSequence.next[0]!.itemId).toBe(ids.BEANS);
    expect(bySku).toEqual({
      BEANS: { itemId: ids.BEANS, customers: 2, confidence: 0.5, medianDays: 6.5 },
      FILTER: { itemId: ids.FILTER, customers: 1, confidence: 0.25, medianDays: 10 },
      CUPS: { itemId: ids.CUPS, customers: 1, confidence: 0.25, medianDays: 30 },
    });
  });

  it('works by category too, leaving out the category itself', async () => {
    const data = await ok<Sequence>(QUERY, { id: ids.Equipment, level: 'CATEGORY' });
    expect(data.purchaseSequence).toEqual({
      asOf: expect.any(String),
      customersOfA: 4,
      customersWithNextOrder: 3,
      next: [{ itemId: ids.Coffee, customers: 2, confidence: 0.5, medianDays: 6.5 }],
    });
  });

  it('follows a product into another category once the summaries catch up', async () => {
    const cups = await ok<{ product: { version: number } }>(`query ($id: ID!) { product(id: $id) { version } }`, {
      id: ids.CUPS,
    });
    await ok(`mutation ($input: UpdateProductInput!) { updateProduct(input: $input) { id } }`, {
      input: { id: ids.CUPS, version: cups.product.version, categoryId: ids.Coffee },
    });
    await summariesCaughtUp(admin);
    // Equipment is now the grinder alone; R's cups, 30 days after it, are coffee things.
    const data = await ok<Sequence>(QUERY, { id: ids.Equipment, level: 'CATEGORY' });
    expect(data.purchaseSequence.next).toEqual([
      { itemId: ids.Coffee, customers: 3, confidence: 0.75, medianDays: 10 },
    ]);
  });
});
