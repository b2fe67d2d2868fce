import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoWorkspace } from '@kontra/core';
import { createTestServer, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let key: string;
const steps = new Set<string>();

beforeAll(async () => {
  kit = await createTestServer();
  ({ key } = await seedDemoWorkspace(kit.server.runtime, (step, done, total) => {
    if (done === total) steps.add(step);
  }));
}, 120_000);
afterAll(() => kit.close());

describe('demo seed', () => {
  it('reports progress for every step', () => {
    expect([...steps]).toEqual(['organisations', 'people', 'relationships', 'interactions']);
  });

  it('creates a believable workspace a new user can explore at once', async () => {
    const client = kit.clientForKey(key);
    const result = await client.request<{
      viewer: { workspace: { name: string } };
      customers: { edges: unknown[] };
      people: { edges: { node: { relationships: { type: string }[]; interactions: { edges: unknown[] } } }[] };
      users: unknown[];
    }>(`{
      viewer { workspace { name } }
      customers: counterparties(first: 100, filter: { roles: { includes: CUSTOMER } }) { edges { cursor } }
      people: counterparties(first: 20, filter: { kind: PERSON, interactions: { some: {} } }) {
        edges { node { relationships(direction: OUTGOING) { type } interactions(first: 3) { edges { cursor } } } } }
      users { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer.workspace.name).toBe('Demo Trading Ltd');
    expect(result.data?.customers.edges.length).toBe(100);
    expect(result.data?.users.length).toBe(5);
    const people = result.data!.people.edges.map((e) => e.node);
    expect(people.length).toBe(20);
    expect(people.every((p) => p.relationships.some((r) => r.type === 'WORKS_AT'))).toBe(true);
    expect(people.every((p) => p.interactions.edges.length > 0)).toBe(true);
  });

  it('issues a new key instead of seeding twice', async () => {
    const again = await seedDemoWorkspace(kit.server.runtime, () => undefined);
    expect(again.seeded).toBe(false);
    expect((await kit.clientForKey(again.key).request(`{ viewer { user { email } } }`)).data).toEqual({
      viewer: { user: { email: 'admin@demo.example' } },
    });
  });
});
