import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { supportPlugin } from '@kontra/plugin-support';
import { ADD_COMMENT, createCounterparty, createTicket, ok } from './support-helpers.js';

let kit: TestServer;
let admin: TestClient;
let agent: TestClient;
let customerId: string;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [supportPlugin] });
  admin = await kit.createWorkspace('Live board');
  agent = await kit.addUser(admin, 'AGENT' as never);
  customerId = await createCounterparty(admin, 'Board customer');
});
afterAll(() => kit.close());

async function createQueue(name: string) {
  const data = await ok<{ createSupportQueue: { id: string } }>(
    admin,
    `mutation ($name: String!) { createSupportQueue(input: { name: $name }) { id } }`,
    { name },
  );
  return data.createSupportQueue.id;
}

describe('the live support board', () => {
  it("streams one queue's ticket changes, including a ticket moved out of it, with the ticket as it is now", async () => {
    const billing = await createQueue('Billing');
    const technical = await createQueue('Technical');
    const live = await agent.subscribe<{
      ticketChanges: { type: string; ticket: { subject: string; queue: { name: string } | null } };
    }>(`subscription ($q: ID) { ticketChanges(queueId: $q) { type ticket { subject queue { name } } } }`, {
      q: billing,
    });
    await createTicket(admin, { counterpartyId: customerId, subject: 'Elsewhere', queueId: technical });
    const ticket = await createTicket(admin, {
      counterpartyId: customerId,
      subject: 'Double charge',
      queueId: billing,
    });
    await ok(agent, ADD_COMMENT, { input: { ticketId: ticket.id, body: 'Refund on its way' } });
    await ok(
      admin,
      `mutation ($id: ID!, $v: Int!, $q: ID) { updateTicket(input: { id: $id, version: $v, queueId: $q }) { id } }`,
      {
        id: ticket.id,
        v: ticket.version + 1,
        q: technical,
      },
    );
    const messages = await live.waitFor(5);
    expect(messages.map((m) => m.data!.ticketChanges.type)).toEqual([
      'support.ticketCreated',
      'support.commentAdded',
      'support.ticketStatusChanged',
      'support.ticketUpdated',
      'support.ticketAssigned',
    ]);
    expect(messages.every((m) => m.data!.ticketChanges.ticket.subject === 'Double charge')).toBe(true);
    await live.close();
  });

  it("streams one assignee's tickets only", async () => {
    const live = await agent.subscribe<{ ticketChanges: { ticket: { subject: string } } }>(
      `subscription ($a: ID) { ticketChanges(assigneeId: $a) { ticket { subject } } }`,
      { a: agent.userId },
    );
    await createTicket(admin, { counterpartyId: customerId, subject: 'Not mine' });
    await createTicket(admin, { counterpartyId: customerId, subject: 'Mine', assigneeId: agent.userId });
    const [message] = await live.waitFor(1);
    expect(message!.data!.ticketChanges.ticket.subject).toBe('Mine');
    await live.close();
  });
});

describe('concurrent writers', () => {
  it('number tickets created at once without a gap or a duplicate', async () => {
    const fresh = await kit.createWorkspace('Busy desk');
    const freshCustomer = await createCounterparty(fresh, 'Crowd');
    const tickets = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createTicket(fresh, { counterpartyId: freshCustomer, subject: `Rush ${i}` }),
      ),
    );
    expect(tickets.map((t) => t.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('keep every comment added to one ticket at the same time', async () => {
    const ticket = await createTicket(admin, { counterpartyId: customerId, subject: 'Busy thread' });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ok(agent, ADD_COMMENT, { input: { ticketId: ticket.id, body: `Note ${i}`, internal: true } }),
      ),
    );
    const read = await ok<{ ticket: { comments: unknown[] } }>(
      agent,
      `query ($id: ID!) { ticket(id: $id) { comments { id } } }`,
      {
        id: ticket.id,
      },
    );
    expect(read.ticket.comments).toHaveLength(8);
  });
});
