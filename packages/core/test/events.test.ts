import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

interface EventMessage {
  events: {
    seq: number;
    type: string;
    entityId: string;
    changes: Record<string, { old: unknown; new: unknown }> | null;
  };
}

let kit: TestServer;
let alpha: TestClient;
let beta: TestClient;

beforeAll(async () => {
  kit = await createTestServer();
  alpha = await kit.createWorkspace('Alpha');
  beta = await kit.createWorkspace('Beta');
});
afterAll(() => kit.close());

const SUBSCRIBE = `subscription ($types: [String!]) { events(types: $types) { seq type entityId changes } }`;
const CREATE = `mutation ($name: String!) {
  createCounterparty(input: { kind: ORGANISATION, displayName: $name }) { id version }
}`;

describe('event subscription over graphql-ws', () => {
  it('delivers committed events in sequence order, with changed fields for updates', async () => {
    const subscription = await alpha.subscribe<EventMessage>(SUBSCRIBE);
    const created = await alpha.request<{ createCounterparty: { id: string } }>(CREATE, { name: 'Initech' });
    const id = created.data!.createCounterparty.id;
    await alpha.request(
      `mutation ($id: ID!) { updateCounterparty(input: { id: $id, version: 1, tags: ["vip"] }) { id } }`,
      {
        id,
      },
    );
    const [first, second] = await subscription.waitFor(2);
    expect(first!.data!.events).toMatchObject({ type: 'counterparty.created', entityId: id });
    expect(second!.data!.events).toMatchObject({
      type: 'counterparty.updated',
      changes: { tags: { old: [], new: ['vip'] } },
    });
    expect(Number(second!.data!.events.seq)).toBe(Number(first!.data!.events.seq) + 1);
    await subscription.close();
  });

  it('emits nothing for a write that fails and rolls back', async () => {
    const subscription = await alpha.subscribe<EventMessage>(SUBSCRIBE);
    const failed = await alpha.request(
      `mutation { updateCounterparty(input: { id: "0195f0a0-0000-7000-8000-000000000000", version: 1, displayName: "x" }) { id } }`,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stale = await alpha.request<{ createCounterparty: { id: string } }>(CREATE, { name: 'Rollback Co' });
    await subscription.waitFor(1);
    // The only event is the later successful create: the failed write published nothing.
    expect(subscription.messages.map((m) => m.data!.events.entityId)).toEqual([stale.data!.createCounterparty.id]);
    await subscription.close();
  });

  it('never delivers another workspace’s events', async () => {
    const betaSubscription = await beta.subscribe<EventMessage>(SUBSCRIBE);
    await alpha.request(CREATE, { name: 'Alpha Only' });
    const betaCreate = await beta.request<{ createCounterparty: { id: string } }>(CREATE, { name: 'Beta Own' });
    await betaSubscription.waitFor(1);
    expect(betaSubscription.messages.map((m) => m.data!.events.entityId)).toEqual([
      betaCreate.data!.createCounterparty.id,
    ]);
    await betaSubscription.close();
  });

  it('refuses a WebSocket connection with an invalid key', async () => {
    const intruder = { ...alpha, key: 'kontra_aaaaaaaaaaaa_' + 'x'.repeat(43) };
    await expect(kit.clientForKey(intruder.key).request(`{ viewer { user { id } } }`)).resolves.toMatchObject({
      status: 401,
    });
  });
});
