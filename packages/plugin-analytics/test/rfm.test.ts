import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';
import { okAs } from './analytics-helpers.js';

let kit: TestServer;
let admin: TestClient;
const ids: Record<string, string> = {};

const ok = <T>(query: string, variables: Record<string, unknown> = {}) => okAs<T>(admin, query, variables);

async function order(customer: string, placedAt: string, unitPrice: string) {
  await ok(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
    input: { counterpartyId: ids[customer], placedAt, lines: [{ productId: ids.product, quantity: '1', unitPrice }] },
  });
}

interface Rfm {
  rfm: { asOf: string | null; customers: number };
  rfmCustomers: {
    segment: string;
    recency: number;
    frequency: number;
    monetary: number;
    counterparty: { displayName: string };
  }[];
}

const RFM = `{ rfm { asOf customers } rfmCustomers { segment recency frequency monetary counterparty { displayName } } }`;

/** Polls until the RFM answer satisfies `done`; returns it and how long that took. */
async function rfmWhen(done: (answer: Rfm) => boolean): Promise<{ answer: Rfm; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const answer = await ok<Rfm>(RFM);
    if (done(answer) || Date.now() - started > 10_000) return { answer, waitedMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin, analyticsPlugin] });
  admin = await kit.createWorkspace('RFM');
  const product = await ok<{ createProduct: { id: string } }>(
    `mutation { createProduct(input: { sku: "X", name: "X", unitPrice: "10.00" }) { id } }`,
  );
  ids.product = product.createProduct.id;
  for (const name of ['A', 'B', 'C', 'D', 'E']) {
    const data = await ok<{ createCounterparty: { id: string } }>(
      `mutation ($name: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $name }) { id } }`,
      { name },
    );
    ids[name] = data.createCounterparty.id;
  }
  // Recency A > C > B > D > E; frequency A 5, B 4, D 3, C 2, E 1; revenue A 500, B 200, D 90, C 80, E 10.
  for (const day of ['07-01', '08-01', '09-01', '10-01', '11-20']) await order('A', `2026-${day}T10:00:00Z`, '100.00');
  for (const day of ['07-01', '08-01', '09-01', '10-01']) await order('B', `2026-${day}T10:00:00Z`, '50.00');
  for (const day of ['11-01', '11-10']) await order('C', `2026-${day}T10:00:00Z`, '40.00');
  for (const day of ['04-01', '05-01', '06-01']) await order('D', `2026-${day}T10:00:00Z`, '30.00');
  await order('E', '2026-01-15T10:00:00Z', '10.00');
}, 60_000);
afterAll(() => kit.close());

describe('RFM segmentation from precomputed summaries', () => {
  it('scores quintiles and names segments, with the summaries’ asOf', async () => {
    const { answer } = await rfmWhen((a) => a.rfm.customers === 5);
    expect(answer.rfm.asOf).not.toBeNull();
    expect(
      answer.rfmCustomers.map((c) => [c.counterparty.displayName, c.segment, c.recency, c.frequency, c.monetary]),
    ).toEqual([
      ['A', 'CHAMPIONS', 5, 5, 5],
      ['C', 'POTENTIAL_LOYALIST', 4, 2, 2],
      ['B', 'LOYAL', 3, 4, 4],
      ['D', 'AT_RISK', 2, 3, 3],
      ['E', 'LOST', 1, 1, 1],
    ]);
  });

  it('shows a new order within 5 seconds, with a later asOf', async () => {
    const before = await ok<Rfm>(RFM);
    await order('E', new Date().toISOString(), '1000.00');
    const { answer, waitedMs } = await rfmWhen(
      (a) => a.rfmCustomers.find((c) => c.counterparty.displayName === 'E')?.recency === 5,
    );
    expect(waitedMs).toBeLessThan(5_000);
    expect(Date.parse(answer.rfm.asOf!)).toBeGreaterThan(Date.parse(before.rfm.asOf!));
    expect(answer.rfmCustomers.find((c) => c.counterparty.displayName === 'E')).toMatchObject({
      recency: 5,
      monetary: 5,
    });
    // E now has two orders, as C has: equal values share a quintile.
    const frequency = (name: string) => answer.rfmCustomers.find((c) => c.counterparty.displayName === name)!.frequency;
    expect([frequency('C'), frequency('E'), frequency('D')]).toEqual([1, 1, 3]);
  });
});
