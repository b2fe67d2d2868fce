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
  admin = await kit.createWorkspace('Audience');
  Object.assign(
    ids,
    await createCatalogue(
      admin,
      ['Machines', 'Accessories', 'Coffee'],
      [
        ['ESPRESSO', 'Machines'],
        ['MILKER', 'Machines'],
        ['CUPS', 'Accessories'],
        ['TAMPER', 'Accessories'],
        ['BEANS', 'Coffee'],
      ],
    ),
  );
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
  await summariesCaughtUp(admin);
}, 60_000);
afterAll(() => kit.close());

describe('question 4: who to tell about a product', () => {
  it('ranks customers by affinity, leaving out buyers and those without consent', async () => {
    const data = await ok<{
      productAudience: {
        productId: string;
        asOf: string;
        customers: {
          score: number;
          boughtInCategory: boolean;
          boughtTogetherProductIds: string[];
          boughtPredecessorProductIds: string[];
          counterparty: { displayName: string };
        }[];
      };
    }>(
      `query ($id: ID!) { productAudience(productId: $id) { productId asOf customers { score boughtInCategory
        boughtTogetherProductIds boughtPredecessorProductIds counterparty { displayName } } } }`,
      { id: ids.ESPRESSO },
    );
    expect(data.productAudience.productId).toBe(ids.ESPRESSO);
    expect(Date.parse(data.productAudience.asOf)).toBeLessThanOrEqual(Date.now());
    expect(data.productAudience.customers).toEqual([
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
