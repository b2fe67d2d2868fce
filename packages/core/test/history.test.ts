import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;
let acmeId: string;
let graceId: string;

async function mutate<T>(query: string, variables: Record<string, unknown>, client = admin): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const CREATE_COUNTERPARTY = `mutation ($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`;
const CREATE_INTERACTION = `mutation ($input: CreateInteractionInput!) {
  createInteraction(input: $input) { id version subject occurredAt attachments { fileName size sha256 contentType } }
}`;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('History');
  type Created = { createCounterparty: { id: string } };
  acmeId = (
    await mutate<Created>(CREATE_COUNTERPARTY, { input: { kind: 'ORGANISATION', displayName: 'Acme', tags: ['vip'] } })
  ).createCounterparty.id;
  graceId = (
    await mutate<Created>(CREATE_COUNTERPARTY, { input: { kind: 'PERSON', firstName: 'Grace', lastName: 'Hopper' } })
  ).createCounterparty.id;
});
afterAll(() => kit.close());

describe('interactions', () => {
  it('records a call with participants and an attachment whose checksum and size are stored', async () => {
    const content = Buffer.from('minutes of the call');
    const created = await mutate<{ createInteraction: { id: string; attachments: unknown[] } }>(CREATE_INTERACTION, {
      input: {
        counterpartyId: acmeId,
        type: 'CALL',
        direction: 'INBOUND',
        occurredAt: '2026-11-02T10:00:00.000Z',
        subject: 'Renewal',
        durationSeconds: 600,
        participants: [
          { counterpartyId: graceId, role: 'CALLER' },
          { userId: admin.userId, role: 'AGENT' },
        ],
        attachments: [
          { fileName: 'minutes.txt', contentType: 'text/plain', contentBase64: content.toString('base64') },
        ],
      },
    });
    expect(created.createInteraction.attachments).toEqual([
      {
        fileName: 'minutes.txt',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        contentType: 'text/plain',
      },
    ]);
    const read = await admin.request<{
      interaction: {
        participants: { role: string; counterparty: { displayName: string } | null; user: { id: string } | null }[];
        attachments: { contentBase64: string }[];
      };
    }>(
      `query ($id: ID!) { interaction(id: $id) {
        participants { role counterparty { displayName } user { id } } attachments { contentBase64 } } }`,
      { id: created.createInteraction.id },
    );
    expect(read.data?.interaction.participants).toEqual([
      { role: 'CALLER', counterparty: { displayName: 'Grace Hopper' }, user: null },
      { role: 'AGENT', counterparty: null, user: { id: admin.userId } },
    ]);
    expect(Buffer.from(read.data!.interaction.attachments[0]!.contentBase64, 'base64').toString()).toBe(
      'minutes of the call',
    );
  });

  it('refuses an attachment whose declared checksum does not match, writing nothing', async () => {
    const before = await admin.request<{ interactions: { edges: unknown[] } }>(
      `{ interactions(first: 100) { edges { cursor } } }`,
    );
    const result = await admin.request(CREATE_INTERACTION, {
      input: {
        counterpartyId: acmeId,
        type: 'DOCUMENT',
        direction: 'INTERNAL',
        occurredAt: '2026-11-03T10:00:00.000Z',
        attachments: [
          { fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: 'AAAA', sha256: '0'.repeat(64) },
        ],
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'attachments.0.sha256' }],
    });
    const after = await admin.request<{ interactions: { edges: unknown[] } }>(
      `{ interactions(first: 100) { edges { cursor } } }`,
    );
    expect(after.data?.interactions.edges).toHaveLength(before.data!.interactions.edges.length);
  });

  it('refuses a participant that is both a user and a counterparty', async () => {
    const result = await admin.request(CREATE_INTERACTION, {
      input: {
        counterpartyId: acmeId,
        type: 'MEETING',
        direction: 'OUTBOUND',
        occurredAt: '2026-11-04T10:00:00.000Z',
        participants: [{ counterpartyId: graceId, userId: admin.userId }],
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'participants.0' }],
    });
  });

  it('updates with optimistic locking and soft-deletes', async () => {
    const { createInteraction } = await mutate<{ createInteraction: { id: string } }>(CREATE_INTERACTION, {
      input: {
        counterpartyId: acmeId,
        type: 'NOTE',
        direction: 'INTERNAL',
        occurredAt: '2026-10-01T09:00:00.000Z',
        body: 'draft',
      },
    });
    const id = createInteraction.id;
    const UPDATE = `mutation ($input: UpdateInteractionInput!) { updateInteraction(input: $input) { body version } }`;
    expect((await admin.request(UPDATE, { input: { id, version: 1, body: 'final' } })).data).toEqual({
      updateInteraction: { body: 'final', version: 2 },
    });
    expect(
      (await admin.request(UPDATE, { input: { id, version: 1, body: 'stale' } })).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    await mutate(`mutation ($id: ID!) { deleteInteraction(id: $id, version: 2) { id } }`, { id });
    expect(
      (await admin.request<{ interaction: null }>(`query ($id: ID!) { interaction(id: $id) { id } }`, { id })).data
        ?.interaction,
    ).toBeNull();
  });
});

describe('relationships', () => {
  it('links a person to an organisation, visible from both ends', async () => {
    await mutate(`mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`, {
      input: { fromId: graceId, toId: acmeId, type: 'WORKS_AT', title: 'CTO', since: '2020-01-01' },
    });
    const ends = await admin.request<{
      grace: { relationships: { type: string; to: { displayName: string } }[] };
      acme: { relationships: { title: string; from: { displayName: string } }[]; outgoing: unknown[] };
    }>(
      `query ($grace: ID!, $acme: ID!) {
        grace: counterparty(id: $grace) { relationships { type to { displayName } } }
        acme: counterparty(id: $acme) { relationships { title from { displayName } } outgoing: relationships(direction: OUTGOING) { id } }
      }`,
      { grace: graceId, acme: acmeId },
    );
    expect(ends.data?.grace.relationships).toEqual([{ type: 'WORKS_AT', to: { displayName: 'Acme' } }]);
    expect(ends.data?.acme.relationships).toEqual([{ title: 'CTO', from: { displayName: 'Grace Hopper' } }]);
    expect(ends.data?.acme.outgoing).toEqual([]);
  });

  it('filters people whose organisation has a tag', async () => {
    const result = await admin.request<{ counterparties: { edges: { node: { displayName: string } }[] } }>(
      `{ counterparties(filter: { kind: PERSON, relationships: { some: { type: ["WORKS_AT"], direction: OUTGOING, other: { tags: { includes: "vip" } } } } }) {
        edges { node { displayName } } } }`,
    );
    expect(result.data?.counterparties.edges.map((e) => e.node.displayName)).toEqual(['Grace Hopper']);
  });

  it('refuses a link to itself and an unknown type format', async () => {
    const result = await admin.request(
      `mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`,
      {
        input: { fromId: acmeId, toId: acmeId, type: 'works at' },
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('history filters and the timeline', () => {
  it('finds counterparties with an inbound call since a date', async () => {
    const result = await admin.request<{ counterparties: { edges: { node: { id: string } }[] } }>(
      `{ counterparties(filter: { interactions: { some: { type: [CALL], direction: [INBOUND], occurredAt: { gte: "2026-11-01T00:00:00Z" } } } }) {
        edges { node { id } } } }`,
    );
    expect(result.data?.counterparties.edges.map((e) => e.node.id)).toEqual([acmeId]);
  });

  it('pages the timeline newest first, merging interactions', async () => {
    const TIMELINE = `query ($id: ID!, $after: String) { counterparty(id: $id) { timeline(first: 1, after: $after) {
      edges { node { kind occurredAt ... on InteractionTimelineEntry { interaction { subject } } } }
      pageInfo { hasNextPage endCursor } } } }`;
    type Timeline = {
      counterparty: {
        timeline: {
          edges: { node: { kind: string; interaction: { subject: string | null } } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const response = await admin.request<Timeline>(TIMELINE, { id: acmeId });
    expect(response.errors).toBeUndefined();
    const first = response.data!.counterparty.timeline;
    expect(first.edges[0]!.node).toMatchObject({ kind: 'core.interaction', interaction: { subject: 'Renewal' } });
    expect(first.pageInfo.hasNextPage).toBe(false);
  });
});
