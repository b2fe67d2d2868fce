import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoWorkspace } from '@kontra/core';
import { createTestServer, type TestServer } from '@kontra/server/testing';
import { supportPlugin } from '@kontra/plugin-support';

let kit: TestServer;
let key: string;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [supportPlugin] });
  ({ key } = await seedDemoWorkspace(kit.server.runtime, () => undefined));
}, 180_000);
afterAll(() => kit.close());

interface Page {
  edges: { node: { status: string; satisfaction: { rating: number } | null; comments: { internal: boolean }[] } }[];
}

describe('demo seed with the support plugin', () => {
  it('adds queues, SLA policies and tickets with a believable history: answered, waiting, resolved, breached, rated', async () => {
    const client = kit.clientForKey(key);
    const result = await client.request<{
      supportQueues: unknown[];
      slaPolicies: unknown[];
      all: Page;
      breached: Page;
    }>(`{
      supportQueues { name }
      slaPolicies { name calendar { timeZone } }
      all: tickets(first: 100) { edges { node { status satisfaction { rating } comments { internal } } } }
      breached: tickets(first: 100, filter: { slaBreached: true }) { edges { node { status satisfaction { rating } comments { internal } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.supportQueues).toHaveLength(3);
    expect(data.slaPolicies).toHaveLength(5);
    const tickets = data.all.edges.map((e) => e.node);
    expect(tickets).toHaveLength(100);
    const statuses = new Set(tickets.map((t) => t.status));
    for (const status of ['NEW', 'RESOLVED', 'CLOSED']) expect(statuses).toContain(status);
    expect(tickets.some((t) => t.satisfaction !== null)).toBe(true);
    expect(tickets.some((t) => t.comments.some((c) => c.internal))).toBe(true);
    // Some, not most, missed a target.
    expect(data.breached.edges.length).toBeGreaterThan(10);
    expect(data.breached.edges.length).toBeLessThan(100);
  });
});
