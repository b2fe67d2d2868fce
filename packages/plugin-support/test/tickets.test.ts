import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { supportPlugin } from '@kontra/plugin-support';
import {
  ADD_COMMENT,
  CHANGE_STATUS,
  createCounterparty,
  createTicket,
  ok,
  type TicketView,
} from './support-helpers.js';

let kit: TestServer;
let admin: TestClient;
let viewer: TestClient;
let agent: TestClient;
let customerId: string;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [supportPlugin] });
  admin = await kit.createWorkspace('Support desk');
  viewer = await kit.addUser(admin, 'VIEWER' as never);
  agent = await kit.addUser(admin, 'AGENT' as never);
  customerId = await createCounterparty(admin, 'Acme Ltd');
});
afterAll(() => kit.close());

async function move(client: TestClient, ticket: { id: string; version: number }, status: string) {
  return client.request<{ changeTicketStatus: TicketView }>(CHANGE_STATUS, {
    input: { id: ticket.id, version: ticket.version, status },
  });
}

describe('ticket life cycle', () => {
  it('allows the transitions of the life cycle and refuses the others, changing nothing', async () => {
    const ticket = await createTicket(admin, { counterpartyId: customerId, subject: 'Invoice wrong' });
    expect(ticket).toMatchObject({ status: 'NEW', priority: 'NORMAL', number: expect.any(Number) });
    const open = await move(admin, ticket, 'OPEN');
    const resolved = await move(admin, open.data!.changeTicketStatus, 'RESOLVED');
    expect(resolved.data!.changeTicketStatus.status).toBe('RESOLVED');

    const refused = await move(admin, resolved.data!.changeTicketStatus, 'PENDING');
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toBe('A RESOLVED ticket cannot become PENDING');
    expect(refused.errors![0]!.extensions!.problems).toEqual([
      { path: 'status', message: 'must be one of OPEN, CLOSED' },
    ]);

    const closed = await move(admin, resolved.data!.changeTicketStatus, 'CLOSED');
    const reopened = await move(admin, closed.data!.changeTicketStatus, 'OPEN');
    expect(reopened.errors![0]!.extensions!.problems).toEqual([
      { path: 'status', message: 'a closed ticket is final' },
    ]);
    const comment = await admin.request(ADD_COMMENT, { input: { ticketId: ticket.id, body: 'Too late' } });
    expect(comment.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

    const after = await ok<{
      ticket: {
        status: string;
        version: number;
        statusHistory: { fromStatus: string | null; toStatus: string }[];
        comments: unknown[];
      };
    }>(
      admin,
      `query ($id: ID!) { ticket(id: $id) { status version statusHistory { fromStatus toStatus } comments { id } } }`,
      { id: ticket.id },
    );
    expect(after.ticket).toEqual({
      status: 'CLOSED',
      version: closed.data!.changeTicketStatus.version,
      statusHistory: [
        { fromStatus: null, toStatus: 'NEW' },
        { fromStatus: 'NEW', toStatus: 'OPEN' },
        { fromStatus: 'OPEN', toStatus: 'RESOLVED' },
        { fromStatus: 'RESOLVED', toStatus: 'CLOSED' },
      ],
      comments: [],
    });
  });

  it('refuses a stale version with CONFLICT and a viewer with FORBIDDEN', async () => {
    const ticket = await createTicket(admin, { counterpartyId: customerId });
    await move(admin, ticket, 'OPEN');
    expect((await move(admin, ticket, 'PENDING')).errors![0]!.extensions!.code).toBe('CONFLICT');
    const fresh = await ok<{ ticket: TicketView }>(admin, `query ($id: ID!) { ticket(id: $id) { id version } }`, {
      id: ticket.id,
    });
    expect((await move(viewer, fresh.ticket, 'PENDING')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('reopens a resolved ticket when the customer writes back, and takes a rating after resolution', async () => {
    const ticket = await createTicket(admin, { counterpartyId: customerId });
    const early = await agent.request(`mutation ($id: ID!) { rateTicket(input: { id: $id, rating: 5 }) { id } }`, {
      id: ticket.id,
    });
    expect(early.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    await move(agent, ticket, 'RESOLVED');
    await ok(agent, ADD_COMMENT, {
      input: { ticketId: ticket.id, body: 'Still broken', authorCounterpartyId: customerId },
    });
    const reopened = await ok<{ ticket: TicketView }>(
      admin,
      `query ($id: ID!) { ticket(id: $id) { id version status resolvedAt } }`,
      { id: ticket.id },
    );
    expect(reopened.ticket).toMatchObject({ status: 'OPEN', resolvedAt: null });
    await move(agent, reopened.ticket, 'RESOLVED');
    const badRating = await agent.request(`mutation ($id: ID!) { rateTicket(input: { id: $id, rating: 6 }) { id } }`, {
      id: ticket.id,
    });
    expect(badRating.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const rated = await ok<{ rateTicket: { satisfaction: { rating: number; comment: string } } }>(
      agent,
      `mutation ($id: ID!) { rateTicket(input: { id: $id, rating: 4, comment: "Quick and kind" }) { satisfaction { rating comment } } }`,
      { id: ticket.id },
    );
    expect(rated.rateTicket.satisfaction).toEqual({ rating: 4, comment: 'Quick and kind' });
  });

  it('validates references and refuses a deal link when the sales plugin is not installed', async () => {
    const bad = await admin.request(`mutation ($input: CreateTicketInput!) { createTicket(input: $input) { id } }`, {
      input: {
        counterpartyId: customerId,
        subject: 'Where is my order?',
        channel: 'WEB',
        assigneeId: '00000000-0000-7000-8000-000000000000',
        relatedOrderId: '00000000-0000-7000-8000-000000000001',
      },
    });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.problems).toEqual([
      { path: 'assigneeId', message: 'is not a user of this workspace' },
      { path: 'relatedOrderId', message: 'needs the sales plugin, which is not installed' },
    ]);
    const count = await ok<{ tickets: { edges: unknown[] } }>(
      admin,
      `{ tickets(filter: { search: "Where is my order" }) { edges { cursor } } }`,
    );
    expect(count.tickets.edges).toHaveLength(0);
  });
});

describe('internal notes', () => {
  let ticketId: string;
  let printerCustomerId: string;

  beforeAll(async () => {
    printerCustomerId = await createCounterparty(admin, 'Print Shop');
    const ticket = await createTicket(admin, { counterpartyId: printerCustomerId, subject: 'Printer jam' });
    ticketId = ticket.id;
    await ok(agent, ADD_COMMENT, { input: { ticketId, body: 'Did you try turning it off and on?' } });
    await ok(agent, ADD_COMMENT, {
      input: { ticketId, body: 'Customer sounds annoyed; offer a voucher', internal: true },
    });
  });

  const CONVERSATION = `query ($id: ID!) { ticket(id: $id) { comments { body internal } lastComment { body } } }`;

  it('shows them to staff', async () => {
    const staff = await ok<{
      ticket: { comments: { body: string; internal: boolean }[]; lastComment: { body: string } };
    }>(agent, CONVERSATION, { id: ticketId });
    expect(staff.ticket.comments.map((c) => c.internal)).toEqual([false, true]);
    expect(staff.ticket.lastComment.body).toBe('Customer sounds annoyed; offer a voucher');
    const found = await ok<{ tickets: { edges: unknown[] } }>(
      agent,
      `{ tickets(filter: { search: "voucher" }) { edges { cursor } } }`,
    );
    expect(found.tickets.edges).toHaveLength(1);
  });

  it('hides them from a viewer in the conversation, the last comment, search, the timeline and live events', async () => {
    const seen = await ok<{ ticket: { comments: { body: string }[]; lastComment: { body: string } } }>(
      viewer,
      CONVERSATION,
      { id: ticketId },
    );
    expect(seen.ticket.comments.map((c) => c.body)).toEqual(['Did you try turning it off and on?']);
    expect(seen.ticket.lastComment.body).toBe('Did you try turning it off and on?');
    const search = await ok<{ tickets: { edges: unknown[] } }>(
      viewer,
      `{ tickets(filter: { search: "voucher" }) { edges { cursor } } }`,
    );
    expect(search.tickets.edges).toHaveLength(0);
    const timeline = await ok<{
      counterparty: { timeline: { edges: { node: { kind: string; comment?: { body: string } } }[] } };
    }>(
      viewer,
      `query ($id: ID!) { counterparty(id: $id) { timeline(first: 50) { edges { node { kind
        ... on TicketReplyTimelineEntry { comment { body } } } } } } }`,
      { id: printerCustomerId },
    );
    const replies = timeline.counterparty.timeline.edges.filter((e) => e.node.kind === 'support.ticketReplied');
    expect(replies.map((e) => e.node.comment!.body)).toEqual(['Did you try turning it off and on?']);

    const live = await viewer.subscribe<{ ticketChanges: { type: string } }>(`subscription { ticketChanges { type } }`);
    await ok(agent, ADD_COMMENT, { input: { ticketId, body: 'Voucher approved by finance', internal: true } });
    await ok(agent, ADD_COMMENT, { input: { ticketId, body: 'We will send a technician' } });
    const [message] = await live.waitFor(1);
    expect(message!.data!.ticketChanges.type).toBe('support.commentAdded');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(live.messages).toHaveLength(1);
    await live.close();
  });
});

describe('workspaces', () => {
  it('never shows one workspace’s tickets to another', async () => {
    const ticket = await createTicket(admin, { counterpartyId: customerId, subject: 'Confidential matter' });
    const stranger = await kit.createWorkspace('Other company');
    const read = await ok<{ ticket: unknown; tickets: { edges: unknown[] } }>(
      stranger,
      `query ($id: ID!) { ticket(id: $id) { id } tickets(filter: { search: "Confidential" }) { edges { cursor } } }`,
      { id: ticket.id },
    );
    expect(read).toEqual({ ticket: null, tickets: { edges: [] } });
    const write = await stranger.request(ADD_COMMENT, { input: { ticketId: ticket.id, body: 'Hello' } });
    expect(write.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const foreign = await stranger.request(
      `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { id } }`,
      {
        input: { counterpartyId: customerId, subject: 'x', channel: 'EMAIL' },
      },
    );
    expect(foreign.errors![0]!.extensions!.problems).toEqual([
      { path: 'counterpartyId', message: 'is not a counterparty of this workspace' },
    ]);
  });
});
