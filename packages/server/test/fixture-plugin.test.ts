import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserRole } from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { deliveredAfterCommit, stampPlugin } from './fixture-plugin/plugin.js';

let kit: TestServer;
let admin: TestClient;
let acmeId: string;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [stampPlugin], pluginConfig: { fixture: { maxStampsPerDay: 5 } } });
  admin = await kit.createWorkspace('Plugins');
  const created = await admin.request<{ createCounterparty: { id: string } }>(
    `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Acme" }) { id } }`,
  );
  acmeId = created.data!.createCounterparty.id;
  await admin.request(`mutation ($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`, {
    input: {
      counterpartyId: acmeId,
      type: 'CALL',
      direction: 'INBOUND',
      occurredAt: '2026-11-10T10:00:00Z',
      subject: 'Hello',
    },
  });
  for (const [reason, stampedAt] of [
    ['first purchase', '2026-11-05T10:00:00Z'],
    ['second purchase', '2026-11-15T10:00:00Z'],
  ]) {
    const stamped = await admin.request(
      `mutation ($id: ID!, $reason: String!, $at: DateTime!) { addStamp(counterpartyId: $id, reason: $reason, stampedAt: $at) }`,
      {
        id: acmeId,
        reason,
        at: stampedAt,
      },
    );
    expect(stamped.errors).toBeUndefined();
  }
});
afterAll(() => kit.close());

describe('a plugin built only on the public contract', () => {
  it('adds a field to Counterparty', async () => {
    const result = await admin.request<{ counterparty: { stampCount: number } }>(
      `query ($id: ID!) { counterparty(id: $id) { stampCount } }`,
      { id: acmeId },
    );
    expect(result.data?.counterparty.stampCount).toBe(2);
  });

  it('adds timeline entries, merged with core interactions in time order', async () => {
    const result = await admin.request<{ counterparty: { timeline: { edges: { node: Record<string, unknown> }[] } } }>(
      `query ($id: ID!) { counterparty(id: $id) { timeline(first: 10) { edges { node {
        kind ... on StampTimelineEntry { reason } ... on InteractionTimelineEntry { interaction { subject } } } } } } }`,
      { id: acmeId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.counterparty.timeline.edges.map((e) => e.node)).toEqual([
      { kind: 'fixture.stamp', reason: 'second purchase' },
      { kind: 'core.interaction', interaction: { subject: 'Hello' } },
      { kind: 'fixture.stamp', reason: 'first purchase' },
    ]);
  });

  it('adds a filter field compiled to SQL', async () => {
    const filtered = async (atLeast: number) =>
      (
        await admin.request<{ counterparties: { edges: unknown[] } }>(
          `query ($n: Int!) { counterparties(filter: { stamps: { atLeast: $n } }) { edges { cursor } } }`,
          { n: atLeast },
        )
      ).data?.counterparties.edges.length;
    expect(await filtered(2)).toBe(1);
    expect(await filtered(3)).toBe(0);
  });

  it('gets its events through the log and its after-commit handler', async () => {
    expect(deliveredAfterCommit.map((e) => e.payload)).toEqual([
      { reason: 'first purchase' },
      { reason: 'second purchase' },
    ]);
    expect(deliveredAfterCommit[1]!.seq).toBeGreaterThan(deliveredAfterCommit[0]!.seq);
  });

  it('has its configuration validated and its permission enforced', async () => {
    expect(kit.server.runtime.config('fixture')).toEqual({ maxStampsPerDay: 5 });
    const viewer = await kit.addUser(admin, UserRole.VIEWER);
    const refused = await viewer.request(
      `mutation ($id: ID!) { addStamp(counterpartyId: $id, reason: "x", stampedAt: "2026-11-20T10:00:00Z") }`,
      {
        id: acmeId,
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
