import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';
import { okAs, summariesCaughtUp } from './analytics-helpers.js';

let kit: TestServer;
let admin: TestClient;
const ids: Record<string, string> = {};
const ok = <T>(query: string, variables: Record<string, unknown> = {}) => okAs<T>(admin, query, variables);

async function order(customer: string, day: string, unitPrice: string) {
  await ok(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
    input: {
      counterpartyId: ids[customer],
      placedAt: `2026-${day}T10:00:00Z`,
      lines: [{ productId: ids.product, quantity: '1', unitPrice }],
    },
  });
}

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin, analyticsPlugin] });
  admin = await kit.createWorkspace('Portrait');
  ids.product = (
    await ok<{ createProduct: { id: string } }>(
      `mutation { createProduct(input: { sku: "X", name: "X", unitPrice: "10.00" }) { id } }`,
    )
  ).createProduct.id;
  for (const name of ['A', 'B', 'C']) {
    ids[name] = (
      await ok<{ createCounterparty: { id: string } }>(
        `mutation ($name: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $name }) { id } }`,
        { name },
      )
    ).createCounterparty.id;
  }
  for (const day of ['01-10', '02-10', '04-10']) await order('A', day, '10.00');
  await order('B', '01-20', '20.00');
  for (const day of ['02-05', '03-07']) await order('C', day, '15.00');
  await summariesCaughtUp(admin);
}, 60_000);
afterAll(() => kit.close());

describe('the customer portrait', () => {
  it('gives cohort retention by first-purchase month', async () => {
    const cohorts = async (timeZone: string) =>
      (
        await ok<{ cohortRetention: { cohorts: unknown[] } }>(
          `query ($timeZone: String!) { cohortRetention(period: { from: "2026-01-01", to: "2026-04-01", timeZone: $timeZone }, months: 3) {
            cohorts { cohort customers retention { monthsAfter customers share } } } }`,
          { timeZone },
        )
      ).cohortRetention.cohorts;
    // In UTC, the reporting time zone, from the summaries; in Berlin (the same months here) from the orders.
    const fromSummaries = await cohorts('UTC');
    expect(await cohorts('Europe/Berlin')).toEqual(fromSummaries);
    expect(fromSummaries).toEqual([
      {
        cohort: '2026-01',
        customers: 2,
        retention: [
          { monthsAfter: 0, customers: 2, share: 1 },
          { monthsAfter: 1, customers: 1, share: 0.5 },
          { monthsAfter: 2, customers: 0, share: 0 },
          { monthsAfter: 3, customers: 1, share: 0.5 },
        ],
      },
      {
        cohort: '2026-02',
        customers: 1,
        retention: [
          { monthsAfter: 0, customers: 1, share: 1 },
          { monthsAfter: 1, customers: 1, share: 1 },
          { monthsAfter: 2, customers: 0, share: 0 },
          { monthsAfter: 3, customers: 0, share: 0 },
        ],
      },
    ]);
  });

  it('gives lifetime value from the summaries', async () => {
    const QUERY = `{ customerLifetimeValue { asOf customers averageRevenue averageOrderValue ordersPerYear averageLifespanDays predictedValue } }`;
    const data = await ok<{ customerLifetimeValue: Record<string, unknown> }>(QUERY);
    // A: 3 orders, 30.00, 90 days; B: 1 order, 20.00; C: 2 orders, 30.00, 30 days.
    expect(data.customerLifetimeValue).toEqual({
      asOf: expect.any(String),
      customers: 3,
      averageRevenue: '26.67',
      averageOrderValue: '13.33',
      ordersPerYear: 2,
      averageLifespanDays: 40,
      predictedValue: '26.67',
    });
  });

  it('gives conversion between pipeline stages and the win rate', async () => {
    const pipeline = await ok<{ createPipeline: { id: string; stages: { id: string; name: string }[] } }>(
      `mutation { createPipeline(input: { name: "Sales", stages: [{ name: "Lead", probability: 10 }, { name: "Proposal", probability: 40 },
        { name: "Negotiation", probability: 70 }, { name: "Won", probability: 100, kind: WON }, { name: "Lost", probability: 0, kind: LOST }] }) {
        id stages { id name } } }`,
    );
    const stage = Object.fromEntries(pipeline.createPipeline.stages.map((s) => [s.name, s.id]));
    const customer = ids.A;
    const deal = async (path: string[]) => {
      let current = (
        await ok<{ createDeal: { id: string; version: number } }>(
          `mutation ($input: CreateDealInput!) { createDeal(input: $input) { id version } }`,
          {
            input: {
              counterpartyId: customer,
              pipelineId: pipeline.createPipeline.id,
              title: ['Lead', ...path].join(' > '),
              amount: '100',
            },
          },
        )
      ).createDeal;
      for (const name of path) {
        current = (
          await ok<{ moveDeal: { id: string; version: number } }>(
            `mutation ($input: MoveDealInput!) { moveDeal(input: $input) { id version } }`,
            {
              input: {
                id: current.id,
                version: current.version,
                stageId: stage[name],
                lostReason: name === 'Lost' ? 'Price' : null,
              },
            },
          )
        ).moveDeal;
      }
    };
    await deal(['Proposal', 'Negotiation', 'Won']);
    await deal(['Proposal', 'Lost']);
    await deal([]);
    await deal(['Negotiation']);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const data = await ok<{ pipelineConversion: unknown }>(
      `query ($id: ID!, $from: Date!, $to: Date!) { pipelineConversion(pipelineId: $id, period: { from: $from, to: $to }) {
        deals won lost winRate stages { stageName reached conversionToNext } } }`,
      { id: pipeline.createPipeline.id, from: today, to: tomorrow },
    );
    expect(data.pipelineConversion).toEqual({
      deals: 4,
      won: 1,
      lost: 1,
      winRate: 0.5,
      stages: [
        { stageName: 'Lead', reached: 4, conversionToNext: 0.75 },
        { stageName: 'Proposal', reached: 3, conversionToNext: expect.closeTo(2 / 3, 6) },
        { stageName: 'Negotiation', reached: 2, conversionToNext: 0.5 },
        { stageName: 'Won', reached: 1, conversionToNext: null },
      ],
    });
  });
});
