import {
  badUserInput,
  changedFields,
  Counterparty,
  findLive,
  isId,
  loadForUpdate,
  sql,
  User,
  Workspace,
  type FieldProblem,
  type WriteContext,
} from '@kontra/core';
import { SupportQueue } from '../entities/settings.entity.js';
import { ALLOWED_TRANSITIONS, TicketPriority, TicketStatus } from '../entities/support.enums.js';
import { Ticket, TicketStatusChange } from '../entities/ticket.entity.js';
import type {
  ChangeTicketStatusInput,
  CreateTicketInput,
  RateTicketInput,
  UpdateTicketInput,
} from '../resolvers/inputs/ticket.inputs.js';
import { pauseClock, reopenClock, resumeClock, retargetClock, startClock } from './sla-clock.js';
import { calendarOf, clocksOf, completeAndReport, policyFor, ticketCalendar, ticketRouting } from './sla.service.js';

/** Whether the sales plugin is loaded: deal and order links are checked against its tables then. */
export interface SalesLinks {
  salesInstalled: boolean;
}

const TRACKED = [
  'subject',
  'description',
  'channel',
  'priority',
  'tags',
  'contactId',
  'assigneeId',
  'queueId',
  'relatedDealId',
  'relatedOrderId',
] as const;

function snapshot(t: Ticket) {
  return {
    subject: t.subject,
    description: t.description,
    channel: t.channel,
    priority: t.priority,
    tags: t.tags,
    contactId: t.contact?.id ?? null,
    assigneeId: t.assignee?.id ?? null,
    queueId: t.queue?.id ?? null,
    relatedDealId: t.relatedDealId,
    relatedOrderId: t.relatedOrderId,
  };
}

async function liveOrProblem<T>(
  find: () => Promise<T | null>,
  id: string | null | undefined,
  path: string,
  what: string,
  problems: FieldProblem[],
): Promise<T | null> {
  if (!id) return null;
  const found = await find();
  if (!found) problems.push({ path, message: `is not ${what} of this workspace` });
  return found;
}

/** A deal or order id is kept as given, after checking it names one, when sales is installed. */
async function salesLink(
  tx: WriteContext,
  table: 'sales_deal' | 'sales_order',
  id: string | null | undefined,
  path: string,
  links: SalesLinks,
  problems: FieldProblem[],
): Promise<string | null> {
  if (!id) return null;
  if (!links.salesInstalled) {
    problems.push({ path, message: 'needs the sales plugin, which is not installed' });
    return null;
  }
  const { rows } = isId(id)
    ? await sql<{ found: number }>`select 1 as found from ${sql.table(table)}
        where workspace_id = ${tx.principal.workspaceId} and id = ${id}::uuid and deleted_at is null`.execute(
        tx.em.getKysely(),
      )
    : { rows: [] };
  if (rows.length === 0)
    problems.push({ path, message: `is not ${table === 'sales_deal' ? 'a deal' : 'an order'} of this workspace` });
  return id;
}

/** The next ticket number of the workspace; the advisory lock serialises concurrent creations. */
async function nextNumber(tx: WriteContext): Promise<number> {
  const db = tx.em.getKysely();
  await tx.em.flush(); // tickets created earlier in this transaction count too
  await sql`select pg_advisory_xact_lock(hashtext('support_ticket_number'), hashtext(${tx.principal.workspaceId}))`.execute(
    db,
  );
  const { rows } = await sql<{ next: number }>`select coalesce(max(number), 0)::int + 1 as next from support_ticket
    where workspace_id = ${tx.principal.workspaceId}`.execute(db);
  return rows[0]!.next;
}

function recordStatus(tx: WriteContext, ticket: Ticket, from: TicketStatus | null, to: TicketStatus, now: Date) {
  tx.em.persist(
    Object.assign(new TicketStatusChange(), {
      workspace: ticket.workspace,
      ticket,
      fromStatus: from,
      toStatus: to,
      actor: tx.principal.system ? null : tx.em.getReference(User, tx.principal.userId),
      changedAt: now,
    }),
  );
}

export async function createTicket(
  tx: WriteContext,
  input: CreateTicketInput,
  links: SalesLinks,
  now = new Date(),
): Promise<Ticket> {
  const problems: FieldProblem[] = [];
  const counterparty = await findLive(tx, Counterparty, input.counterpartyId);
  if (!counterparty) problems.push({ path: 'counterpartyId', message: 'is not a counterparty of this workspace' });
  const contact = await liveOrProblem(
    () => findLive(tx, Counterparty, input.contactId),
    input.contactId,
    'contactId',
    'a counterparty',
    problems,
  );
  const assignee = await liveOrProblem(
    () => findLive(tx, User, input.assigneeId),
    input.assigneeId,
    'assigneeId',
    'a user',
    problems,
  );
  const queue = await liveOrProblem(
    () => findLive(tx, SupportQueue, input.queueId),
    input.queueId,
    'queueId',
    'a queue',
    problems,
  );
  const relatedDealId = await salesLink(tx, 'sales_deal', input.relatedDealId, 'relatedDealId', links, problems);
  const relatedOrderId = await salesLink(tx, 'sales_order', input.relatedOrderId, 'relatedOrderId', links, problems);
  if (problems.length || !counterparty) throw badUserInput('The ticket input is invalid', problems);

  const priority = input.priority ?? TicketPriority.NORMAL;
  const tags = [...new Set(input.tags ?? [])];
  const policy = await policyFor(tx, priority, tags);
  const ticket = Object.assign(new Ticket(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    number: await nextNumber(tx),
    counterparty,
    contact,
    subject: input.subject,
    description: input.description ?? null,
    channel: input.channel,
    priority,
    tags,
    assignee,
    queue,
    relatedDealId,
    relatedOrderId,
    slaPolicy: policy,
    createdAt: now,
    updatedAt: now,
  });
  const calendar = calendarOf(policy);
  startClock(ticket.firstResponse, policy?.firstResponseMinutes ?? null, now, calendar);
  startClock(ticket.resolution, policy?.resolutionMinutes ?? null, now, calendar);
  tx.em.persist(ticket);
  recordStatus(tx, ticket, null, TicketStatus.NEW, now);
  tx.emit({
    type: 'support.ticketCreated',
    entityType: 'Ticket',
    entityId: ticket.id,
    counterpartyId: counterparty.id,
    payload: { ...ticketRouting(ticket), subject: ticket.subject, channel: ticket.channel },
  });
  return ticket;
}

export async function updateTicket(
  tx: WriteContext,
  input: UpdateTicketInput,
  links: SalesLinks,
  now = new Date(),
): Promise<Ticket> {
  const ticket = await loadForUpdate(tx, Ticket, input.id, { expectedVersion: input.version, label: 'Ticket' });
  const before = snapshot(ticket);
  const problems: FieldProblem[] = [];
  if (input.subject != null) ticket.subject = input.subject;
  if (input.description !== undefined) ticket.description = input.description;
  if (input.channel != null) ticket.channel = input.channel;
  if (input.priority != null) ticket.priority = input.priority;
  if (input.tags != null) ticket.tags = [...new Set(input.tags)];
  if (input.contactId !== undefined) {
    ticket.contact = await liveOrProblem(
      () => findLive(tx, Counterparty, input.contactId),
      input.contactId,
      'contactId',
      'a counterparty',
      problems,
    );
  }
  if (input.assigneeId !== undefined) {
    ticket.assignee = await liveOrProblem(
      () => findLive(tx, User, input.assigneeId),
      input.assigneeId,
      'assigneeId',
      'a user',
      problems,
    );
  }
  if (input.queueId !== undefined) {
    ticket.queue = await liveOrProblem(
      () => findLive(tx, SupportQueue, input.queueId),
      input.queueId,
      'queueId',
      'a queue',
      problems,
    );
  }
  if (input.relatedDealId !== undefined) {
    ticket.relatedDealId = await salesLink(tx, 'sales_deal', input.relatedDealId, 'relatedDealId', links, problems);
  }
  if (input.relatedOrderId !== undefined) {
    ticket.relatedOrderId = await salesLink(tx, 'sales_order', input.relatedOrderId, 'relatedOrderId', links, problems);
  }
  if (problems.length) throw badUserInput('The ticket input is invalid', problems);

  const after = snapshot(ticket);
  const changes = changedFields(before, after, TRACKED);
  if (Object.keys(changes).length === 0) return ticket;
  if (changes.priority || changes.tags) await reapplyPolicy(tx, ticket, now);
  tx.emit({
    type: 'support.ticketUpdated',
    entityType: 'Ticket',
    entityId: ticket.id,
    counterpartyId: ticket.counterparty.id,
    payload: ticketRouting(ticket),
    changes,
  });
  if (changes.assigneeId || changes.queueId) {
    tx.emit({
      type: 'support.ticketAssigned',
      entityType: 'Ticket',
      entityId: ticket.id,
      counterpartyId: ticket.counterparty.id,
      payload: ticketRouting(ticket),
      changes: changedFields(before, after, ['assigneeId', 'queueId']),
    });
  }
  return ticket;
}

/** A new priority or tag may select another policy: its targets apply, keeping the time consumed. */
async function reapplyPolicy(tx: WriteContext, ticket: Ticket, now: Date) {
  const policy = await policyFor(tx, ticket.priority, ticket.tags);
  ticket.slaPolicy = policy;
  const calendar = calendarOf(policy);
  const paused = ticket.status === TicketStatus.PENDING;
  retargetClock(ticket.firstResponse, policy?.firstResponseMinutes ?? null, now, calendar, paused);
  retargetClock(ticket.resolution, policy?.resolutionMinutes ?? null, now, calendar, paused);
}

/** Moves a locked ticket to another status, running the SLA clocks' consequences. */
export async function moveTicket(tx: WriteContext, ticket: Ticket, to: TicketStatus, now: Date): Promise<void> {
  const from = ticket.status;
  if (from === to) return;
  if (!ALLOWED_TRANSITIONS[from].includes(to)) {
    const allowed = ALLOWED_TRANSITIONS[from];
    throw badUserInput(`A ${from} ticket cannot become ${to}`, [
      { path: 'status', message: allowed.length ? `must be one of ${allowed.join(', ')}` : 'a closed ticket is final' },
    ]);
  }
  const calendar = await ticketCalendar(tx, ticket);
  if (to === TicketStatus.PENDING) {
    for (const [, clock] of clocksOf(ticket)) pauseClock(clock, now, calendar);
  } else if (to === TicketStatus.RESOLVED || to === TicketStatus.CLOSED) {
    // Resolving answers the customer: it completes the first response too, if still due.
    completeAndReport(tx, ticket, 'FIRST_RESPONSE', now, calendar);
    completeAndReport(tx, ticket, 'RESOLUTION', now, calendar);
    ticket.resolvedAt ??= now;
    if (to === TicketStatus.CLOSED) ticket.closedAt = now;
  } else if (from === TicketStatus.RESOLVED) {
    reopenClock(ticket.resolution, now, calendar);
    ticket.resolvedAt = null;
  } else {
    for (const [, clock] of clocksOf(ticket)) resumeClock(clock, now, calendar);
  }
  ticket.status = to;
  ticket.updatedAt = now;
  recordStatus(tx, ticket, from, to, now);
  tx.emit({
    type: 'support.ticketStatusChanged',
    entityType: 'Ticket',
    entityId: ticket.id,
    counterpartyId: ticket.counterparty.id,
    payload: { ...ticketRouting(ticket), fromStatus: from },
    changes: { status: { old: from, new: to } },
  });
}

export async function changeTicketStatus(
  tx: WriteContext,
  input: ChangeTicketStatusInput,
  now = new Date(),
): Promise<Ticket> {
  const ticket = await loadForUpdate(tx, Ticket, input.id, { expectedVersion: input.version, label: 'Ticket' });
  await moveTicket(tx, ticket, input.status, now);
  return ticket;
}

export async function rateTicket(tx: WriteContext, input: RateTicketInput, now = new Date()): Promise<Ticket> {
  const ticket = await loadForUpdate(tx, Ticket, input.id, { label: 'Ticket' });
  if (ticket.status !== TicketStatus.RESOLVED && ticket.status !== TicketStatus.CLOSED) {
    throw badUserInput('Only a resolved or closed ticket can be rated', [
      { path: 'id', message: `the ticket is ${ticket.status}` },
    ]);
  }
  Object.assign(ticket, { satisfactionRating: input.rating, satisfactionComment: input.comment ?? null, ratedAt: now });
  tx.emit({
    type: 'support.ticketRated',
    entityType: 'Ticket',
    entityId: ticket.id,
    counterpartyId: ticket.counterparty.id,
    payload: { ...ticketRouting(ticket), rating: input.rating },
  });
  return ticket;
}
