import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { purgeEventLog, type EntityManager } from '@kontra/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let second: { url: string; wsUrl: string; process: ChildProcess };
let admin: TestClient;
let databaseUrl: string;
const clients: Client[] = [];

interface Received {
  seq: number[];
  waitFor(count: number): Promise<void>;
}

/** Subscribes to all events of the key's workspace on one server instance. */
function follow(wsUrl: string, key: string, after?: number): Promise<Received> {
  const seq: number[] = [];
  let wake: () => void = () => undefined;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    lazy: false,
  });
  clients.push(client);
  return new Promise((resolve) => {
    client.on('connected', () => {
      client.subscribe<{ events: { seq: string } }>(
        { query: `subscription ($after: BigInt) { events(after: $after) { seq } }`, variables: { after } },
        {
          next: (message) => {
            seq.push(Number(message.data!.events.seq));
            wake();
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      setTimeout(
        () =>
          resolve({
            seq,
            async waitFor(count) {
              const deadline = Date.now() + 10_000;
              while (seq.length < count && Date.now() < deadline)
                await new Promise<void>((r) => ((wake = r), setTimeout(r, 100)));
            },
          }),
        100,
      );
    });
  });
}

const CREATE = `mutation ($n: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $n }) { id } }`;

async function writeOn(url: string, key: string, name: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: CREATE, variables: { n: name } }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A second server as its own process (the built CLI), on the same database. */
async function startSecondProcess(): Promise<{ url: string; wsUrl: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'packages/server/dist/cli.js'), 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      KONTRA_PLUGINS: '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let tries = 0; tries < 100; tries++) {
    const ready = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
    })
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return { url, wsUrl: `ws://127.0.0.1:${port}/graphql`, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('the second server process did not start');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Two instances');
  databaseUrl = kit.server.orm.config.get('clientUrl')!;
  second = await startSecondProcess();
}, 30_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  second.process.kill();
  await kit.close();
});

describe('subscriptions across server processes', () => {
  it('gives a subscriber on each instance every event exactly once, in order, wherever it was written', async () => {
    const onFirst = await follow(kit.server.wsUrl, admin.key);
    const onSecond = await follow(second.wsUrl, admin.key);
    await Promise.all(range(1, 20).map((i) => writeOn(i % 2 ? kit.server.url : second.url, admin.key, `Company ${i}`)));
    await onFirst.waitFor(20);
    await onSecond.waitFor(20);
    expect(onFirst.seq).toEqual(range(1, 20));
    expect(onSecond.seq).toEqual(range(1, 20));
  });

  it('misses nothing when an instance loses its listening connection mid-stream', async () => {
    const onSecond = await follow(second.wsUrl, admin.key);
    const killer = new pg.Client({ connectionString: databaseUrl });
    await killer.connect();
    const killed = await killer.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen ${'kontra_events'}'`,
    );
    await killer.end();
    expect(killed.rowCount).toBe(2);
    // Written while neither instance listens: only reading the log after reconnecting finds these.
    await Promise.all(range(21, 40).map((i) => writeOn(kit.server.url, admin.key, `Later ${i}`)));
    await onSecond.waitFor(20);
    expect(onSecond.seq).toEqual(range(21, 40));
  });

  it('resumes after a sequence: first what was missed, then live, no gap and no repeat', async () => {
    const resumed = await follow(second.wsUrl, admin.key, 35);
    await writeOn(kit.server.url, admin.key, 'After resume');
    await resumed.waitFor(6);
    expect(resumed.seq).toEqual(range(36, 41));
  });
});

describe('event retention', () => {
  it('answers a resume from before the oldest kept event with EVENTS_EXPIRED, not a silent gap', async () => {
    await purgeEventLog(kit.server.orm.em.fork() as EntityManager, new Date(Date.now() + 60_000));
    const errors: { extensions?: { code?: string } }[] = [];
    const client = createClient({
      url: kit.server.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin.key}` },
    });
    clients.push(client);
    await new Promise<void>((resolve) => {
      client.subscribe(
        { query: `subscription { events(after: 3) { seq } }` },
        {
          next: () => undefined,
          error: (error) => {
            errors.push(...(error as { extensions?: { code?: string } }[]));
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    expect(errors[0]?.extensions?.code).toBe('EVENTS_EXPIRED');
  });
});
