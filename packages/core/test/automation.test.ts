import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dispatchAutomation, verifyWebhookSignature } from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on loopback that answers with the given statuses in turn, then 200. */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses[received.length - 1] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((r) => server.close(r)) };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ok<T>(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const CREATE_PERSON = `mutation ($name: String!) { createCounterparty(input: { kind: PERSON, firstName: $name }) { id } }`;

const now = new Date('2026-11-23T08:00:00Z');

beforeAll(async () => {
  kit = await createTestServer({ clock: () => now });
  admin = await kit.createWorkspace('Automation');
});
afterAll(() => kit.close());

describe('webhooks', () => {
  it('retries a failing receiver with back-off, signs every attempt, records them, and replays on demand', async () => {
    const hook = await receiver([500, 503]);
    const created = await ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
      admin,
      `mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: ["counterparty.created"] }) {
        secret endpoint { id } } }`,
      { url: hook.url },
    );
    const { secret, endpoint } = created.createWebhookEndpoint;
    const person = await ok<{ createCounterparty: { id: string } }>(admin, CREATE_PERSON, { name: 'Hook' });
    await ok(
      admin,
      `mutation { createInteraction(input: { counterpartyId: "${person.createCounterparty.id}", type: CALL,
      direction: INBOUND, occurredAt: "2026-11-23T10:00:00Z" }) { id } }`,
    );

    await until(
      async () => hook.received.length,
      (n) => n >= 3,
    );
    expect(hook.received).toHaveLength(3);
    for (const attempt of hook.received) {
      expect(verifyWebhookSignature(secret, attempt.headers['kontra-signature'] as string, attempt.body)).toBe(true);
      expect(verifyWebhookSignature('whsec_wrong', attempt.headers['kontra-signature'] as string, attempt.body)).toBe(
        false,
      );
      const { event } = JSON.parse(attempt.body) as { event: { type: string; entityId: string } };
      expect(event).toMatchObject({ type: 'counterparty.created', entityId: person.createCounterparty.id });
    }
    const DELIVERIES = `query ($id: ID!) { webhookDeliveries(endpointId: $id) { id status attempts lastStatusCode replayOf } }`;
    const deliveries = await until(
      () =>
        ok<{ webhookDeliveries: { id: string; status: string; attempts: number; lastStatusCode: number }[] }>(
          admin,
          DELIVERIES,
          { id: endpoint.id },
        ),
      (data) => data.webhookDeliveries[0]?.status === 'SUCCEEDED',
    );
    expect(deliveries.webhookDeliveries).toEqual([
      { id: expect.any(String), status: 'SUCCEEDED', attempts: 3, lastStatusCode: 200, replayOf: null },
    ]);

    const original = deliveries.webhookDeliveries[0]!.id;
    const replay = await ok<{ replayWebhookDelivery: { id: string; replayOf: string } }>(
      admin,
      `mutation ($id: ID!) { replayWebhookDelivery(id: $id) { id replayOf } }`,
      { id: original },
    );
    expect(replay.replayWebhookDelivery.replayOf).toBe(original);
    await until(
      async () => hook.received.length,
      (n) => n >= 4,
    );
    const replayed = JSON.parse(hook.received[3]!.body) as { deliveryId: string; event: { entityId: string } };
    expect(replayed).toMatchObject({
      deliveryId: replay.replayWebhookDelivery.id,
      event: { entityId: person.createCounterparty.id },
    });
    await hook.close();
  }, 60_000);

  it('refuses a URL that is not http(s), and viewers', async () => {
    const bad = await admin.request(
      `mutation { createWebhookEndpoint(input: { url: "ftp://x", eventTypes: ["*"] }) { secret } }`,
    );
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const viewer = await kit.addUser(admin, 'VIEWER' as never);
    const refused = await viewer.request(`{ webhookEndpoints { id } }`);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('trigger rules', () => {
  it('act once per event, even when the dispatcher and the job run again after a crash', async () => {
    const rule = await ok<{ createTriggerRule: { id: string } }>(
      admin,
      `mutation { createTriggerRule(input: { name: "Welcome new people", eventType: "counterparty.created",
        conditions: [{ path: "payload.kind", equals: "PERSON" }],
        actions: [{ type: CREATE_TASK, subject: "Call {payload.displayName} to say hello" }] }) { id } }`,
    );
    const org = await ok<{ createCounterparty: { id: string } }>(
      admin,
      `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "No Task Ltd" }) { id } }`,
    );
    const person = await ok<{ createCounterparty: { id: string } }>(admin, CREATE_PERSON, { name: 'Ada' });
    const RUNS = `query ($id: ID!) { triggerRuns(ruleId: $id) { id status attempts } }`;
    const runs = await until(
      () => ok<{ triggerRuns: { id: string; status: string }[] }>(admin, RUNS, { id: rule.createTriggerRule.id }),
      (data) => data.triggerRuns[0]?.status === 'SUCCEEDED',
    );
    expect(runs.triggerRuns).toHaveLength(1);

    // A crash before the dispatcher saved its cursor, and a job delivered twice: both run again.
    await kit.server.orm.em.getConnection().execute('update automation_cursor set last_seq = 0');
    await dispatchAutomation(kit.server.runtime);
    await kit.server.runtime.jobs.send('core.triggerRun', { runId: runs.triggerRuns[0]!.id });
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const TASKS = `query ($id: ID!) { counterparty(id: $id) { interactions(first: 10) { edges { node { subject outcome } } } } }`;
    const tasks = await ok<{
      counterparty: { interactions: { edges: { node: { subject: string; outcome: string } }[] } };
    }>(admin, TASKS, {
      id: person.createCounterparty.id,
    });
    expect(tasks.counterparty.interactions.edges.map((e) => e.node)).toEqual([
      { subject: 'Call Ada to say hello', outcome: 'open task' },
    ]);
    const none = await ok<{ counterparty: { interactions: { edges: unknown[] } } }>(admin, TASKS, {
      id: org.createCounterparty.id,
    });
    expect(none.counterparty.interactions.edges).toHaveLength(0);
    expect(
      (await ok<{ triggerRuns: unknown[] }>(admin, RUNS, { id: rule.createTriggerRule.id })).triggerRuns,
    ).toHaveLength(1);
  }, 60_000);

  it('never fire on what a rule did, so a rule cannot feed itself', async () => {
    const rule = await ok<{ createTriggerRule: { id: string } }>(
      admin,
      `mutation { createTriggerRule(input: { name: "Follow up every call", eventType: "interaction.created",
        conditions: [{ path: "payload.type", equals: "CALL" }],
        actions: [{ type: CREATE_TASK, subject: "Follow up" }] }) { id } }`,
    );
    const someone = await ok<{ createCounterparty: { id: string } }>(admin, CREATE_PERSON, { name: 'Loop' });
    await ok(
      admin,
      `mutation { createInteraction(input: { counterpartyId: "${someone.createCounterparty.id}", type: CALL,
      direction: INBOUND, occurredAt: "2026-11-23T10:00:00Z" }) { id } }`,
    );
    await until(
      () =>
        ok<{ triggerRuns: { status: string }[] }>(admin, `query ($id: ID!) { triggerRuns(ruleId: $id) { status } }`, {
          id: rule.createTriggerRule.id,
        }),
      (data) => data.triggerRuns[0]?.status === 'SUCCEEDED',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const history = await ok<{ counterparty: { interactions: { edges: { node: { subject: string | null } }[] } } }>(
      admin,
      `query ($id: ID!) { counterparty(id: $id) { interactions(first: 10) { edges { node { subject } } } } }`,
      { id: someone.createCounterparty.id },
    );
    // The call, one follow-up task for it, and the welcome task of the earlier rule (it acts on new people).
    expect(history.counterparty.interactions.edges.map((e) => e.node.subject).sort()).toEqual(
      ['Call Loop to say hello', 'Follow up', null].sort(),
    );
  }, 60_000);
});

describe('occasions', () => {
  it('announce a birthday once on the day, and a rule turns it into one task', async () => {
    const people = await Promise.all(
      [
        ['Bea', '1990-11-23'],
        ['Cal', '1990-11-24'],
      ].map(([name, birthday]) =>
        ok<{ createCounterparty: { id: string } }>(
          admin,
          `mutation ($name: String!, $birthday: Date!) {
            createCounterparty(input: { kind: PERSON, firstName: $name, birthday: $birthday }) { id } }`,
          { name, birthday },
        ),
      ),
    );
    const rule = await ok<{ createTriggerRule: { id: string } }>(
      admin,
      `mutation { createTriggerRule(input: { name: "Birthday wishes", eventType: "counterparty.birthday",
        actions: [{ type: CREATE_TASK, subject: "Send birthday wishes to {payload.displayName} ({payload.years})" }] }) { id } }`,
    );
    const birthdays = await admin.subscribe<{ events: { entityId: string; payload: { years: number; on: string } } }>(
      `subscription { events(types: ["counterparty.birthday"]) { entityId payload } }`,
    );
    // The hourly job runs again after a restart, or on two instances: still one announcement.
    await kit.server.runtime.jobs.send('core.birthdays', {});
    await kit.server.runtime.jobs.send('core.birthdays', {});
    const [announced] = await birthdays.waitFor(1);
    expect(announced!.data!.events).toEqual({
      entityId: people[0]!.createCounterparty.id,
      payload: expect.objectContaining({ years: 36, on: '2026-11-23' }),
    });
    await until(
      () =>
        ok<{ triggerRuns: { status: string }[] }>(admin, `query ($id: ID!) { triggerRuns(ruleId: $id) { status } }`, {
          id: rule.createTriggerRule.id,
        }),
      (data) => data.triggerRuns[0]?.status === 'SUCCEEDED',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(birthdays.messages).toHaveLength(1);
    const tasks = await ok<{ counterparty: { interactions: { edges: { node: { subject: string } }[] } } }>(
      admin,
      `query ($id: ID!) { counterparty(id: $id) { interactions(first: 5) { edges { node { subject } } } } }`,
      { id: people[0]!.createCounterparty.id },
    );
    expect(tasks.counterparty.interactions.edges.map((e) => e.node.subject)).toContain(
      'Send birthday wishes to Bea (36)',
    );
    await birthdays.close();
  }, 60_000);
});
