import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { supportPlugin } from '@kontra/plugin-support';
import {
  ADD_COMMENT,
  CHANGE_STATUS,
  createBerlinPolicy,
  createCounterparty,
  createTicket,
  ok,
  TICKET_FIELDS,
  type TicketView,
} from './support-helpers.js';

let now = new Date('2026-12-18T15:00:00Z'); // Friday 16:00 in Berlin
let kit: TestServer;
let admin: TestClient;
let customerId: string;

beforeAll(async () => {
  kit = await createTestServer({
    plugins: [supportPlugin],
    pluginConfig: { support: { slaSweepSeconds: 1 } },
    clock: () => now,
  });
  admin = await kit.createWorkspace('Helpdesk');
  customerId = await createCounterparty(admin, 'Kunde GmbH');
  await createBerlinPolicy(admin);
});
afterAll(() => kit.close());

async function readTicket(id: string): Promise<TicketView> {
  const data = await ok<{ ticket: TicketView }>(admin, `query ($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, {
    id,
  });
  return data.ticket;
}

describe('SLA in business hours', () => {
  it('computes due times in Berlin office hours across a weekend and a holiday', async () => {
    now = new Date('2026-12-18T15:00:00Z');
    const ticket = await createTicket(admin, { counterpartyId: customerId, priority: 'HIGH' });
    expect(ticket.sla.policy).toEqual({ name: 'Business hours' });
    // 2 h: 1 on Friday, then Monday is a holiday, so Tuesday 10:00 Berlin (09:00 UTC).
    expect(ticket.sla.firstResponse).toMatchObject({
      status: 'RUNNING',
      targetMinutes: 120,
      dueAt: '2026-12-22T09:00:00.000Z',
    });
    // 10 h: 1 on Friday, 8 on Tuesday, 1 on Wednesday.
    expect(ticket.sla.resolution).toMatchObject({
      status: 'RUNNING',
      targetMinutes: 600,
      dueAt: '2026-12-23T09:00:00.000Z',
    });
    expect(ticket.nextDueAt).toBe('2026-12-22T09:00:00.000Z');
  });

  it('pauses while pending on the customer and resumes with the time left', async () => {
    now = new Date('2026-12-18T15:00:00Z');
    const created = await createTicket(admin, { counterpartyId: customerId, priority: 'HIGH' });
    now = new Date('2026-12-18T15:30:00Z'); // 30 working minutes later
    const pending = await ok<{ changeTicketStatus: TicketView }>(admin, CHANGE_STATUS, {
      input: { id: created.id, version: created.version, status: 'PENDING' },
    });
    expect(pending.changeTicketStatus.sla.firstResponse).toMatchObject({ status: 'PAUSED', dueAt: null });
    expect(pending.changeTicketStatus.nextDueAt).toBeNull();

    // The customer answers on Tuesday 11:00 Berlin: 90 minutes of the first-response target remain.
    now = new Date('2026-12-22T10:00:00Z');
    await ok(admin, ADD_COMMENT, {
      input: { ticketId: created.id, body: 'Here are the logs', authorCounterpartyId: customerId },
    });
    const resumed = await readTicket(created.id);
    expect(resumed.status).toBe('OPEN');
    expect(resumed.sla.firstResponse).toMatchObject({ status: 'RUNNING', dueAt: '2026-12-22T11:30:00.000Z' });
    // Resolution: 600 − 30 = 570 minutes from Tuesday 11:00: 6 h that day, 3.5 h on Wednesday.
    expect(resumed.sla.resolution.dueAt).toBe('2026-12-23T11:30:00.000Z');

    // An agent's public reply meets the first-response target; an internal note would not have.
    now = new Date('2026-12-22T11:00:00Z');
    await ok(admin, ADD_COMMENT, { input: { ticketId: created.id, body: 'Looking into it', internal: true } });
    expect((await readTicket(created.id)).sla.firstResponse.status).toBe('RUNNING');
    await ok(admin, ADD_COMMENT, { input: { ticketId: created.id, body: 'Fixed on our side, please retry' } });
    const answered = await readTicket(created.id);
    expect(answered.sla.firstResponse).toMatchObject({
      status: 'MET',
      completedAt: '2026-12-22T11:00:00.000Z',
      breachedAt: null,
    });
    expect(answered.nextDueAt).toBe('2026-12-23T11:30:00.000Z');
  });

  it('records a breach found by the scheduled job, with nobody reading the ticket', async () => {
    now = new Date('2026-12-18T15:00:00Z');
    const queue = await ok<{ createSupportQueue: { id: string } }>(
      admin,
      `mutation { createSupportQueue(input: { name: "Escalations" }) { id } }`,
    );
    const queueId = queue.createSupportQueue.id;
    const unwatchedCustomer = await createCounterparty(admin, 'Watched AG');
    const ticket = await createTicket(admin, {
      counterpartyId: unwatchedCustomer,
      priority: 'HIGH',
      subject: 'Server down',
      queueId,
    });
    const breaches = await admin.subscribe<{
      slaBreaches: { type: string; clock: string; ticket: { number: number } };
    }>(`subscription ($queueId: ID) { slaBreaches(queueId: $queueId) { type clock ticket { number } } }`, { queueId });
    const events = await admin.subscribe<{ events: { type: string; entityId: string; payload: { clock: string } } }>(
      `subscription ($cp: ID) { events(types: ["support.slaBreached"], counterpartyId: $cp) { type entityId payload } }`,
      { cp: unwatchedCustomer },
    );
    // Time passes beyond the first-response due time (Tuesday 10:00 Berlin); nobody touches the ticket.
    now = new Date('2026-12-22T09:00:01Z');
    const [message] = await breaches.waitFor(1, 15_000);
    expect(message!.data!.slaBreaches).toEqual({
      type: 'support.slaBreached',
      clock: 'FIRST_RESPONSE',
      ticket: { number: ticket.number },
    });
    const [logged] = await events.waitFor(1);
    expect(logged!.data!.events).toMatchObject({ entityId: ticket.id, payload: { clock: 'FIRST_RESPONSE' } });
    const breached = await readTicket(ticket.id);
    expect(breached.sla.firstResponse).toMatchObject({ status: 'BREACHED', breachedAt: '2026-12-22T09:00:00.000Z' });
    expect(breached.sla.resolution.status).toBe('RUNNING');
    // Later sweeps find nothing more to record: the breach is announced once.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(breaches.messages).toHaveLength(1);
    await breaches.close();
    await events.close();
  });

  it('counts a late resolution as a breach at the due time', async () => {
    now = new Date('2026-12-18T15:00:00Z');
    const ticket = await createTicket(admin, { counterpartyId: customerId, priority: 'NORMAL' });
    expect(ticket.sla.firstResponse.status).toBe('NONE');
    const resolved = await ok<{ changeTicketStatus: TicketView }>(admin, CHANGE_STATUS, {
      input: { id: ticket.id, version: ticket.version, status: 'RESOLVED' },
    });
    expect(resolved.changeTicketStatus.sla.resolution.status).toBe('NONE');
    expect(resolved.changeTicketStatus.resolvedAt).toBe('2026-12-18T15:00:00.000Z');
  });
});
