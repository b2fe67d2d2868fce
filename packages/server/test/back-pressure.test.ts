import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;

const SUBSCRIPTIONS = 100;
const EVENTS = 300;

beforeAll(async () => {
  kit = await createTestServer({ subscriberMaxPendingEvents: 50 });
  admin = await kit.createWorkspace('Back-pressure');
});
afterAll(() => kit.close());

/** A graphql-ws client on a raw socket, so the test can stop it reading, as a stalled client would. */
async function rawSubscriber(key: string) {
  const socket = new WebSocket(kit.server.wsUrl, 'graphql-transport-ws');
  const seqs: number[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  let acknowledged!: () => void;
  const ack = new Promise<void>((resolve) => (acknowledged = resolve));
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      id?: string;
      payload?: { data?: { events: { seq: number } } };
    };
    if (message.type === 'connection_ack') acknowledged();
    if (message.type === 'next' && message.id === '0') seqs.push(Number(message.payload!.data!.events.seq));
  });
  await new Promise((resolve) => socket.on('open', resolve));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } }));
  await ack;
  for (let id = 0; id < SUBSCRIPTIONS; id++) {
    socket.send(
      JSON.stringify({
        id: String(id),
        type: 'subscribe',
        payload: { query: 'subscription { events(types: ["counterparty.created"]) { seq type entityId payload } }' },
      }),
    );
  }
  const tcp = (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  return { seqs, closed, pause: () => tcp.pause(), resume: () => tcp.resume() };
}

describe('back-pressure', () => {
  it('disconnects a subscriber that stops reading, with a reason, while others get every event; it resumes with after', async () => {
    const fast = await admin.subscribe<{ events: { seq: number } }>(
      'subscription { events(types: ["counterparty.created"]) { seq } }',
    );
    const slow = await rawSubscriber(admin.key);
    await new Promise((resolve) => setTimeout(resolve, 300));
    slow.pause();
    for (let start = 0; start < EVENTS; start += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          admin.request(
            `mutation ($name: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $name,
              tags: ["back-pressure", "a-rather-long-tag-to-make-each-message-bigger"] }) { id } }`,
            { name: `Flood ${start + i}` },
          ),
        ),
      );
    }
    const all = await fast.waitFor(EVENTS, 30_000);
    expect(new Set(all.map((m) => m.data!.events.seq)).size).toBe(EVENTS);

    slow.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(1013);
    expect(closed.reason).toMatch(/too slow.*resume with after/i);
    expect(slow.seqs.length).toBeLessThan(EVENTS);

    // Resuming after the last event it received gives exactly the rest.
    const lastSeen = slow.seqs.at(-1)!;
    const resumed = await admin.subscribe<{ events: { seq: number } }>(
      'subscription ($after: BigInt) { events(types: ["counterparty.created"], after: $after) { seq } }',
      { after: lastSeen },
    );
    const rest = await resumed.waitFor(EVENTS - slow.seqs.length, 30_000);
    expect([...slow.seqs, ...rest.map((m) => Number(m.data!.events.seq))]).toEqual(
      all.map((m) => Number(m.data!.events.seq)),
    );
    await resumed.close();
    await fast.close();
  }, 90_000);
});
