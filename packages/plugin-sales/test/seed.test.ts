import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoWorkspace } from '@kontra/core';
import { createTestServer, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';

let kit: TestServer;
let key: string;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin] });
  ({ key } = await seedDemoWorkspace(kit.server.runtime, () => undefined));
}, 180_000);
afterAll(() => kit.close());

describe('demo seed with the sales plugin', () => {
  it('adds a catalogue, a pipeline with deals in every kind of stage, loyalty cards and a year of orders', async () => {
    const client = kit.clientForKey(key);
    const result = await client.request<{
      products: { edges: unknown[] };
      pipelines: { stages: { kind: string; deals: { edges: unknown[] } }[] }[];
      recent: { edges: { node: { placedAt: string } }[] };
      oldest: { edges: { node: { placedAt: string } }[] };
      buyers: { edges: { node: { lifetimeValue: { amount: string }[]; orders: { edges: unknown[] } } }[] };
    }>(`{
      products(first: 100) { edges { cursor } }
      pipelines { stages { kind deals(first: 100) { edges { cursor } } } }
      recent: orders(first: 1) { edges { node { placedAt } } }
      oldest: orders(last: 1) { edges { node { placedAt } } }
      buyers: counterparties(first: 10, filter: { orders: { some: {} } }) {
        edges { node { lifetimeValue { amount } orders(first: 3) { edges { cursor } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.products.edges.length).toBe(13);
    const kinds = new Set(data.pipelines[0]!.stages.filter((s) => s.deals.edges.length > 0).map((s) => s.kind));
    expect(kinds).toEqual(new Set(['OPEN', 'WON', 'LOST']));
    const spanDays =
      (Date.parse(data.recent.edges[0]!.node.placedAt) - Date.parse(data.oldest.edges[0]!.node.placedAt)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(300);
    expect(data.buyers.edges).toHaveLength(10);
    expect(data.buyers.edges.every((e) => Number(e.node.lifetimeValue[0]?.amount ?? 0) > 0)).toBe(true);
  });
});
