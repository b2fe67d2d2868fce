import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { badUserInput, definePlugin } from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

/** Refuses, inside the transaction and after the change and its event are recorded, one name. */
const guardPlugin = definePlugin({
  name: 'guard',
  version: '1.0.0',
  beforeCommit: {
    'counterparty.created': (event) => {
      if ((event.payload as { displayName?: string }).displayName === 'Explode Ltd') {
        throw badUserInput('Explode Ltd is not welcome here');
      }
    },
  },
});

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
  kit = await createTestServer({ plugins: [guardPlugin] });
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

  it('emits nothing for a transaction that rolls back after recording its event', async () => {
    const subscription = await alpha.subscribe<EventMessage>(SUBSCRIBE);
    const refused = await alpha.request(CREATE, { name: 'Explode Ltd' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const later = await alpha.request<{ createCounterparty: { id: string } }>(CREATE, { name: 'Rollback Co' });
    await subscription.waitFor(1);
    // The only event is the later successful create: the rolled-back one published nothing…
    expect(subscription.messages.map((m) => m.data!.events.entityId)).toEqual([later.data!.createCounterparty.id]);
    // …and left no row behind.
    const search = await alpha.request<{ counterparties: { edges: unknown[] } }>(
      `{ counterparties(filter: { search: "explode" }) { edges { cursor } } }`,
    );
    expect(search.data?.counterparties.edges).toEqual([]);
    await subscription.close();
  });

  it('follows one counterparty and one event type when asked to', async () => {
    const first = await alpha.request<{ createCounterparty: { id: string } }>(CREATE, { name: 'Followed' });
    const other = await alpha.request<{ createCounterparty: { id: string } }>(CREATE, { name: 'Ignored' });
    const id = first.data!.createCounterparty.id;
    const subscription = await alpha.subscribe<EventMessage>(
      `subscription ($id: ID!) { events(counterpartyId: $id, types: ["counterparty.updated"]) { type entityId } }`,
      { id },
    );
    const UPDATE = `mutation ($id: ID!) { updateCounterparty(input: { id: $id, version: 1, tags: ["x"] }) { id } }`;
    await alpha.request(UPDATE, { id: other.data!.createCounterparty.id });
    await alpha.request(UPDATE, { id });
    await subscription.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(subscription.messages.map((m) => m.data!.events)).toEqual([{ type: 'counterparty.updated', entityId: id }]);
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

  it('closes a WebSocket whose key is invalid with 4403 Forbidden', async () => {
    const intruder = kit.clientForKey('kontra_aaaaaaaaaaaa_' + 'x'.repeat(43));
    await expect(intruder.subscribe(SUBSCRIBE)).rejects.toThrow('socket closed: 4403');
  });
});
