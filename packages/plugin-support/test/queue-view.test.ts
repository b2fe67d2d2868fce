import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { supportPlugin } from '@kontra/plugin-support';
import { ADD_COMMENT, createCounterparty, createTicket, ok } from './support-helpers.js';

let kit: TestServer;
let admin: TestClient;
let agents: TestClient[];
let queueId: string;
let customers: string[];

const QUEUE_VIEW = `query ($queueId: ID!, $first: Int!) {
  tickets(filter: { queueId: $queueId, status: [NEW, OPEN] }, orderBy: DUE, first: $first) {
    edges { node { number subject priority nextDueAt
      counterparty { displayName openTicketCount }
      assignee { name }
      lastComment { body author { name } attachments { fileName } }
      sla { policy { name } firstResponse { status dueAt } } } }
  }
}`;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [supportPlugin] });
  admin = await kit.createWorkspace('Queue view');
  agents = [await kit.addUser(admin, 'AGENT' as never), await kit.addUser(admin, 'AGENT' as never)];
  const queue = await ok<{ createSupportQueue: { id: string } }>(
    admin,
    `mutation { createSupportQueue(input: { name: "Tier 1" }) { id } }`,
  );
  queueId = queue.createSupportQueue.id;
  await ok(
    admin,
    `mutation { createSlaPolicy(input: { name: "Urgent", priority: URGENT, firstResponseMinutes: 30, resolutionMinutes: 240 }) { id } }`,
  );
  await ok(
    admin,
    `mutation { createSlaPolicy(input: { name: "Normal", priority: NORMAL, firstResponseMinutes: 480, resolutionMinutes: 2400 }) { id } }`,
  );
  customers = [];
  for (let i = 0; i < 20; i++) customers.push(await createCounterparty(admin, `Customer ${i}`));
  for (let i = 0; i < 200; i++) {
    const agent = agents[i % 2]!;
    const ticket = await createTicket(admin, {
      counterpartyId: customers[i % customers.length],
      subject: `Request ${i}`,
      priority: i % 10 === 0 ? 'URGENT' : 'NORMAL',
      queueId,
      assigneeId: agent.userId,
    });
    await ok(agent, ADD_COMMENT, {
      input: {
        ticketId: ticket.id,
        body: `Reply ${i}`,
        internal: i % 3 === 0,
        attachments: i % 50 === 0 ? [{ fileName: 'log.txt', contentType: 'text/plain', contentBase64: 'b2s=' }] : [],
      },
    });
  }
}, 120_000);
afterAll(() => kit.close());

describe('the queue view', () => {
  it('reads a queue of 200 tickets (pages of 100) with counterparty, assignee and last comment in as many statements as a page of 10', async () => {
    let page: { tickets: { edges: { node: { nextDueAt: string; lastComment: { body: string } } }[] } } | undefined;
    const small = await kit.countStatements(() => ok(admin, QUEUE_VIEW, { queueId, first: 10 }));
    const large = await kit.countStatements(async () => {
      page = await ok(admin, QUEUE_VIEW, { queueId, first: 100 });
    });
    const largest = await kit.countStatements(() => ok(admin, QUEUE_VIEW, { queueId, first: 100 }));
    expect(page!.tickets.edges).toHaveLength(100);
    expect(large).toBe(small);
    expect(largest).toBe(small);
    // Ticket page, counterparties, open counts, users, last comments, their authors and attachments, policies.
    expect(small).toBe(8);
    const dueTimes = page!.tickets.edges.map((e) => e.node.nextDueAt);
    expect([...dueTimes].sort()).toEqual(dueTimes);
  });

  it('pages through all 200 in due order without gaps', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const data: {
        tickets: {
          edges: { cursor: string; node: { number: number } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await ok(
        admin,
        `query ($after: String) { tickets(filter: { status: [NEW, OPEN] }, orderBy: DUE, first: 100, after: $after) {
          edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const edge of data.tickets.edges) seen.add(String(edge.node.number));
      if (!data.tickets.pageInfo.hasNextPage) break;
      after = data.tickets.pageInfo.endCursor;
    }
    expect(seen.size).toBe(200);
  });

  it("lists an agent's own open tickets, soonest due first", async () => {
    const mine = await ok<{ myOpenTickets: { edges: { node: { priority: string; assignee: { id: string } } }[] } }>(
      agents[0]!,
      `{ myOpenTickets(first: 100) { edges { node { priority assignee { id } } } } }`,
    );
    expect(mine.myOpenTickets.edges).toHaveLength(100);
    expect(new Set(mine.myOpenTickets.edges.map((e) => e.node.assignee.id))).toEqual(new Set([agents[0]!.userId]));
    // Urgent tickets (30 minutes to respond) come before normal ones (8 hours).
    expect(mine.myOpenTickets.edges.slice(0, 10).map((e) => e.node.priority)).toEqual(Array(10).fill('URGENT'));
  });

  it('adds tickets and open counts to counterparties, in constant statements', async () => {
    const query = `query ($first: Int!) { counterparties(first: $first) { edges { node { openTicketCount
      tickets(first: 3) { edges { node { subject } } } } } } }`;
    const few = await kit.countStatements(() => ok(admin, query, { first: 2 }));
    let data:
      { counterparties: { edges: { node: { openTicketCount: number; tickets: { edges: unknown[] } } }[] } } | undefined;
    const many = await kit.countStatements(async () => {
      data = await ok(admin, query, { first: 20 });
    });
    expect(many).toBe(few);
    expect(data!.counterparties.edges.map((e) => e.node.openTicketCount)).toEqual(Array(20).fill(10));
    expect(data!.counterparties.edges.every((e) => e.node.tickets.edges.length === 3)).toBe(true);
  });
});
