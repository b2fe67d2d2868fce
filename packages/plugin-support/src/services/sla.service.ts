import type { WriteContext } from '@kontra/core';
import { SlaPolicy } from '../entities/settings.entity.js';
import type { TicketPriority } from '../entities/support.enums.js';
import type { SlaClock, Ticket } from '../entities/ticket.entity.js';
import { ALWAYS_OPEN, type BusinessCalendarSpec } from './business-hours.js';
import { breachIfOverdue, completeClock } from './sla-clock.js';

export type ClockName = 'FIRST_RESPONSE' | 'RESOLUTION';

/** The policy for a priority and tags: one naming a tag of the ticket wins over one naming none. */
export async function policyFor(tx: WriteContext, priority: TicketPriority, tags: readonly string[]) {
  const candidates = await tx.em.find(
    SlaPolicy,
    { workspace: tx.principal.workspaceId, priority, deletedAt: null },
    { populate: ['calendar'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return (
    candidates.find((p) => p.tag !== null && tags.includes(p.tag)) ?? candidates.find((p) => p.tag === null) ?? null
  );
}

export function calendarOf(policy: SlaPolicy | null): BusinessCalendarSpec {
  const calendar = policy?.calendar;
  return calendar
    ? { timeZone: calendar.timeZone, workingHours: calendar.workingHours, holidays: calendar.holidays }
    : ALWAYS_OPEN;
}

/** The ticket's calendar, loading its policy and calendar if they are not yet. */
export async function ticketCalendar(tx: WriteContext, ticket: Ticket): Promise<BusinessCalendarSpec> {
  if (ticket.slaPolicy) await tx.em.populate(ticket, ['slaPolicy.calendar']);
  return calendarOf(ticket.slaPolicy);
}

export function clocksOf(ticket: Ticket): [ClockName, SlaClock][] {
  return [
    ['FIRST_RESPONSE', ticket.firstResponse],
    ['RESOLUTION', ticket.resolution],
  ];
}

function emitBreach(tx: WriteContext, ticket: Ticket, clock: ClockName, dueAt: Date) {
  tx.emit({
    type: 'support.slaBreached',
    entityType: 'Ticket',
    entityId: ticket.id,
    counterpartyId: ticket.counterparty.id,
    payload: { ...ticketRouting(ticket), clock, dueAt: dueAt.toISOString() },
  });
}

/** Completes a clock; a late completion is recorded (and announced) as a breach. */
export function completeAndReport(
  tx: WriteContext,
  ticket: Ticket,
  name: ClockName,
  now: Date,
  calendar: BusinessCalendarSpec,
) {
  const clock = name === 'FIRST_RESPONSE' ? ticket.firstResponse : ticket.resolution;
  if (completeClock(clock, now, calendar)) emitBreach(tx, ticket, name, clock.breachedAt!);
}

/** Marks every overdue running clock of a locked ticket as breached. Idempotent. */
export function breachOverdueClocks(tx: WriteContext, ticket: Ticket, now: Date): number {
  let breaches = 0;
  for (const [name, clock] of clocksOf(ticket)) {
    if (breachIfOverdue(clock, now)) {
      emitBreach(tx, ticket, name, clock.breachedAt!);
      breaches++;
    }
  }
  return breaches;
}

/** What every ticket event carries, so subscriptions filter by queue, assignee or priority without a read. */
export function ticketRouting(ticket: Ticket) {
  return {
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    queueId: ticket.queue?.id ?? null,
    assigneeId: ticket.assignee?.id ?? null,
  };
}
