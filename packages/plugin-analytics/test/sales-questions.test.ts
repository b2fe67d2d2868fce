import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';
import { okAs, summariesCaughtUp } from './analytics-helpers.js';

let kit: TestServer;
let admin: TestClient;
const ids: Record<string, string> = {};

const ok = <T>(query: string, variables: Record<string, unknown> = {}) => okAs<T>(admin, query, variables);

async function customer(name: string, tags: string[] = []) {
  const data = await ok<{ createCounterparty: { id: string } }>(
    `mutation ($name: String!, $tags: [String!]) { createCounterparty(input: { kind: ORGANISATION, displayName: $name, roles: [CUSTOMER], tags: $tags }) { id } }`,
    { name, tags },
  );
  return data.createCounterparty.id;
}

async function order(counterpartyId: string, placedAt: string, lines: [string, string][]) {
  await ok(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
    input: { counterpartyId, placedAt, lines: lines.map(([sku, quantity]) => ({ productId: ids[sku], quantity })) },
  });
}

async function contact(counterpartyId: string, occurredAt: string, type = 'CALL', direction = 'INBOUND') {
  await ok(`mutation ($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`, {
    input: { counterpartyId, occurredAt, type, direction },
  });
}

const BERLIN_JANUARY = { from: '2026-01-01', to: '2026-02-01', timeZone: 'Europe/Berlin' };

beforeAll(async () => {
  // Months in Berlin come from the precomputed summaries, other time zones from the orders.
  kit = await createTestServer({
    plugins: [salesPlugin, analyticsPlugin],
    pluginConfig: { analytics: { reportingTimeZone: 'Europe/Berlin' } },
  });
  admin = await kit.createWorkspace('Analytics');
  for (const [sku, price] of [
    ['BEANS', '20.00'],
    ['MILK', '2.50'],
    ['CUPS', '30.00'],
  ] as const) {
    const product = await ok<{ createProduct: { id: string } }>(
      `mutation ($sku: String!, $price: Decimal!) { createProduct(input: { sku: $sku, name: $sku, unitPrice: $price }) { id } }`,
      { sku, price },
    );
    ids[sku] = product.createProduct.id;
  }
  ids.anna = await customer('Anna Café', ['vip']);
  ids.bert = await customer('Bert Bistro');
  ids.cora = await customer('Cora Canteen');
  ids.dora = await customer('Dora Diner');
  // Anna: January (Berlin) twice, and an order at 23:30 UTC on 31 January, which is February in Berlin.
  await order(ids.anna, '2026-01-05T09:00:00Z', [
    ['BEANS', '2'],
    ['MILK', '4'],
  ]);
  await order(ids.anna, '2026-01-20T09:00:00Z', [['BEANS', '1']]);
  await order(ids.anna, '2026-01-31T23:30:00Z', [['CUPS', '1']]);
  // Bert: January only.
  await order(ids.bert, '2026-01-10T12:00:00Z', [['BEANS', '3']]);
  // Cora buys nothing in January; she called twice and wrote once.
  await contact(ids.cora, '2026-01-12T10:00:00Z');
  await contact(ids.cora, '2026-01-15T10:00:00Z', 'EMAIL');
  await contact(ids.cora, '2026-01-16T10:00:00Z', 'NOTE', 'INTERNAL');
  // Bert called too, but he bought in January.
  await contact(ids.bert, '2026-01-09T10:00:00Z');
  // Anna called and bought in January. Dora called on 30 January and bought on 3 February.
  await contact(ids.anna, '2026-01-21T10:00:00Z');
  await contact(ids.dora, '2026-01-30T10:00:00Z', 'MESSAGE');
  await order(ids.dora, '2026-02-03T10:00:00Z', [['MILK', '1']]);
  await summariesCaughtUp(admin);
}, 60_000);
afterAll(() => kit.close());

describe('question 1: the typical monthly basket', () => {
  it("gives a customer's months with what was bought, months in the period's time zone", async () => {
    const data = await ok<{
      monthlyBaskets: { month: string; orders: number; items: { sku: string; quantity: string; spend: string }[] }[];
    }>(
      `query ($id: ID!, $period: PeriodInput!) { monthlyBaskets(counterpartyId: $id, period: $period) {
        month orders items { sku quantity spend } } }`,
      { id: ids.anna, period: { from: '2026-01-01', to: '2026-03-01', timeZone: 'Europe/Berlin' } },
    );
    expect(data.monthlyBaskets).toEqual([
      {
        month: '2026-01',
        orders: 2,
        items: [
          { sku: 'BEANS', quantity: '3.000', spend: '60.00' },
          { sku: 'MILK', quantity: '4.000', spend: '10.00' },
        ],
      },
      { month: '2026-02', orders: 1, items: [{ sku: 'CUPS', quantity: '1.000', spend: '30.00' }] },
    ]);
    const utc = await ok<{ monthlyBaskets: { month: string; orders: number }[] }>(
      `query ($id: ID!, $period: PeriodInput!) { monthlyBaskets(counterpartyId: $id, period: $period) { month orders } }`,
      { id: ids.anna, period: { from: '2026-01-01', to: '2026-03-01', timeZone: 'UTC' } },
    );
    expect(utc.monthlyBaskets).toEqual([{ month: '2026-01', orders: 3 }]);
  });

  it('ranks products by the share of customer-months that contain them; a customer who bought nothing is absent', async () => {
    const basket = async (period: Record<string, string>) =>
      (
        await ok<{
          typicalMonthlyBasket: {
            asOf: string;
            customerMonths: number;
            customers: number;
            items: { sku: string; customerMonths: number; share: number; averageQuantity: string }[];
          };
        }>(
          `query ($period: PeriodInput!) { typicalMonthlyBasket(period: $period) { asOf customerMonths customers
            items { sku customerMonths share averageQuantity } } }`,
          { period },
        )
      ).typicalMonthlyBasket;
    // January in Berlin, from the summaries: Anna (BEANS 3, MILK 4) and Bert (BEANS 3); Cora bought nothing.
    const { asOf, ...fromSummaries } = await basket(BERLIN_JANUARY);
    expect(Date.parse(asOf)).toBeLessThanOrEqual(Date.now());
    expect(fromSummaries).toEqual({
      customerMonths: 2,
      customers: 2,
      items: [
        { sku: 'BEANS', customerMonths: 2, share: 1, averageQuantity: '3.000' },
        { sku: 'MILK', customerMonths: 1, share: 0.5, averageQuantity: '4.000' },
      ],
    });
    // Not whole months, so read from the orders: the same answer.
    const { asOf: now, ...fromOrders } = await basket({ ...BERLIN_JANUARY, to: '2026-01-31' });
    expect(fromOrders).toEqual(fromSummaries);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(Date.parse(asOf));
    // January in UTC includes Anna's cups of 31 January, 23:30.
    const { asOf: _, ...utc } = await basket({ from: '2026-01-01', to: '2026-02-01', timeZone: 'UTC' });
    expect(utc).toEqual({
      customerMonths: 2,
      customers: 2,
      items: [
        { sku: 'BEANS', customerMonths: 2, share: 1, averageQuantity: '3.000' },
        { sku: 'CUPS', customerMonths: 1, share: 0.5, averageQuantity: '1.000' },
        { sku: 'MILK', customerMonths: 1, share: 0.5, averageQuantity: '4.000' },
      ],
    });
    const vip = await ok<{ typicalMonthlyBasket: { customers: number; items: { sku: string }[] } }>(
      `query ($period: PeriodInput!) { typicalMonthlyBasket(period: $period, filter: { tag: "vip" }) { customers items { sku } } }`,
      { period: BERLIN_JANUARY },
    );
    expect(vip.typicalMonthlyBasket).toEqual({ customers: 1, items: [{ sku: 'BEANS' }, { sku: 'MILK' }] });
  });
});

describe('question 3: contacted but did not buy', () => {
  it('lists inbound contacts of the configured types without an order in the period', async () => {
    const QUERY = `query ($period: PeriodInput!, $grace: Int!) { contactedWithoutPurchase(period: $period, graceDays: $grace) {
      contacts lastContactAt interactionIds counterparty { displayName } } }`;
    const data = await ok<{
      contactedWithoutPurchase: { contacts: number; interactionIds: string[]; counterparty: { displayName: string } }[];
    }>(QUERY, { period: BERLIN_JANUARY, grace: 0 });
    // Cora: a call and an e-mail (her internal note does not count); Dora: a message. Most recent first.
    expect(data.contactedWithoutPurchase.map((r) => [r.counterparty.displayName, r.contacts])).toEqual([
      ['Dora Diner', 1],
      ['Cora Canteen', 2],
    ]);
    // With a week of grace, Dora's purchase four days after the month takes her off the list.
    const withGrace = await ok<{ contactedWithoutPurchase: { counterparty: { displayName: string } }[] }>(QUERY, {
      period: BERLIN_JANUARY,
      grace: 7,
    });
    expect(withGrace.contactedWithoutPurchase.map((r) => r.counterparty.displayName)).toEqual(['Cora Canteen']);
  });
});

describe('average order value', () => {
  it('per month, with the change against the month before', async () => {
    const QUERY = `query ($period: PeriodInput!) { averageOrderValue(period: $period) {
      asOf months { month orders revenue averageOrderValue changeFromPreviousMonth } } }`;
    type Answer = { averageOrderValue: { asOf: string; months: Record<string, unknown>[] } };
    const berlin = { from: '2026-01-01', to: '2026-03-01', timeZone: 'Europe/Berlin' };
    const data = await ok<Answer>(QUERY, { period: berlin });
    // January: 50 + 20 + 60 = 130 over 3 orders; February: Anna's 30 and Dora's 2.50.
    expect(data.averageOrderValue.months).toEqual([
      { month: '2026-01', orders: 3, revenue: '130.00', averageOrderValue: '43.33', changeFromPreviousMonth: null },
      {
        month: '2026-02',
        orders: 2,
        revenue: '32.50',
        averageOrderValue: '16.25',
        changeFromPreviousMonth: expect.closeTo(16.25 / 43.33 - 1, 6),
      },
    ]);
    // The same from the orders (not whole months: up to the last day of February).
    const fromOrders = await ok<Answer>(QUERY, { period: { ...berlin, to: '2026-02-28' } });
    expect(fromOrders.averageOrderValue.months).toEqual(data.averageOrderValue.months);
  });

  it('refuses an unknown time zone or an empty period', async () => {
    const bad = await admin.request(
      `{ averageOrderValue(period: { from: "2026-02-01", to: "2026-01-01", timeZone: "Mars/Base" }) { asOf } }`,
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.problems).toEqual([
      { path: 'period.timeZone', message: '"Mars/Base" is not an IANA time zone' },
      { path: 'period.to', message: 'must be after from' },
    ]);
  });
});
