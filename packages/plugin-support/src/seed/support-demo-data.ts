import { pick, weighted, type SeedContext, type WriteContext } from '@kontra/core';
import { TicketChannel, TicketPriority, TicketStatus } from '../entities/support.enums.js';
import type { Ticket } from '../entities/ticket.entity.js';
import { sweepBreaches } from '../jobs/sla-sweep.job.js';
import { addComment } from '../services/comment.service.js';
import { createCalendar, createPolicy, createQueue } from '../services/settings.service.js';
import { createTicket, moveTicket, rateTicket } from '../services/ticket.service.js';

const TICKETS = 240;
const BATCH = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Topic → queue, tag and subjects customers write. */
const TOPICS: Record<string, { queue: string; subjects: string[] }> = {
  invoice: {
    queue: 'Billing',
    subjects: ['Invoice shows the wrong amount', 'Please resend last invoice', 'Refund not received'],
  },
  delivery: { queue: 'General', subjects: ['Delivery is late', 'Parcel arrived damaged', 'Wrong item delivered'] },
  machine: { queue: 'Technical', subjects: ['Espresso machine leaks', 'Grinder makes a noise', 'Error E4 on display'] },
  account: {
    queue: 'General',
    subjects: ['Cannot log in to the shop', 'Change our delivery address', 'Add a colleague to our account'],
  },
};

const PRIORITY_WEIGHTS: [TicketPriority, number][] = [
  [TicketPriority.LOW, 0.2],
  [TicketPriority.NORMAL, 0.5],
  [TicketPriority.HIGH, 0.22],
  [TicketPriority.URGENT, 0.08],
];

/** Roughly the policies' first-response targets in wall-clock hours, to make some replies late. */
const REPLY_HOURS: Record<TicketPriority, number> = { LOW: 30, NORMAL: 10, HIGH: 3, URGENT: 1 };

async function seedSettings(ctx: SeedContext) {
  return ctx.write('support.settings.manage', async (tx) => {
    const queues = Object.fromEntries(
      ['General', 'Technical', 'Billing'].map((name) => [name, createQueue(tx, { name }).id]),
    );
    const year = new Date().getUTCFullYear();
    const calendar = createCalendar(tx, {
      name: 'Office hours (Berlin)',
      timeZone: 'Europe/Berlin',
      workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
      holidays: [year - 1, year, year + 1].flatMap((y) => [
        `${y}-01-01`,
        `${y}-05-01`,
        `${y}-10-03`,
        `${y}-12-24`,
        `${y}-12-25`,
        `${y}-12-26`,
      ]),
    });
    await tx.em.flush();
    const targets: [TicketPriority, number, number][] = [
      [TicketPriority.URGENT, 60, 480],
      [TicketPriority.HIGH, 120, 960],
      [TicketPriority.NORMAL, 480, 2400],
      [TicketPriority.LOW, 960, 4800],
    ];
    for (const [priority, firstResponseMinutes, resolutionMinutes] of targets) {
      await createPolicy(tx, {
        name: `${priority.toLowerCase()} priority`,
        priority,
        firstResponseMinutes,
        resolutionMinutes,
        calendarId: calendar.id,
      });
    }
    await createPolicy(tx, {
      name: 'VIP customers',
      priority: TicketPriority.NORMAL,
      tag: 'vip',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      calendarId: calendar.id,
    });
    return queues;
  });
}

/** One ticket's whole history, at the times it happened: reply, waiting on the customer, resolution, rating. */
async function ticketHistory(
  tx: WriteContext,
  ctx: SeedContext,
  ids: { customers: string[]; agents: string[]; queues: Record<string, string> },
  now: number,
) {
  const { random } = ctx;
  const topic = pick(random, Object.keys(TOPICS));
  const priority = weighted(random, PRIORITY_WEIGHTS);
  let at = now - Math.floor(random() * 90 * DAY);
  const customer = pick(random, ids.customers);
  const ticket: Ticket = await createTicket(
    tx,
    {
      counterpartyId: customer,
      subject: pick(random, TOPICS[topic]!.subjects),
      description: 'Reported by the customer; details in the conversation.',
      channel: pick(random, Object.values(TicketChannel)),
      priority,
      tags: random() < 0.1 ? [topic, 'vip'] : [topic],
      queueId: ids.queues[TOPICS[topic]!.queue],
      assigneeId: random() < 0.75 ? pick(random, ids.agents) : null,
    },
    { salesInstalled: false },
    new Date(at),
  );
  const step = (hours: number) => (at += Math.max(0.1, hours) * HOUR) < now;
  // A third of the replies come later than the target allows: those tickets breach.
  if (!step(REPLY_HOURS[priority] * (random() < 0.33 ? 1.5 + random() * 3 : random() * 0.8))) return;
  if (random() < 0.3)
    await addComment(
      tx,
      { ticketId: ticket.id, body: 'Checked the order history; escalating if needed.', internal: true },
      new Date(at),
    );
  await addComment(
    tx,
    { ticketId: ticket.id, body: 'Thank you for reaching out; we are on it.', internal: false },
    new Date(at),
  );
  if (random() < 0.4) {
    await moveTicket(tx, ticket, TicketStatus.PENDING, new Date(at));
    if (!step(2 + random() * 24)) return;
    await addComment(
      tx,
      {
        ticketId: ticket.id,
        body: 'Here is the information you asked for.',
        internal: false,
        authorCounterpartyId: customer,
      },
      new Date(at),
    );
  }
  // Recent tickets are often still being worked on.
  if ((now - at < 7 * DAY && random() < 0.5) || !step(1 + random() * 30)) return;
  await moveTicket(tx, ticket, TicketStatus.RESOLVED, new Date(at));
  if (random() < 0.6 && step(1 + random() * 48)) {
    const rating = weighted(random, [
      [5, 0.45],
      [4, 0.3],
      [3, 0.12],
      [2, 0.08],
      [1, 0.05],
    ] as [number, number][]);
    const comment = rating >= 4 ? 'Quick and friendly.' : rating === 3 ? 'Solved, but it took a while.' : 'Too slow.';
    await rateTicket(tx, { id: ticket.id, rating, comment }, new Date(at));
  }
  if (step(7 * 24)) await moveTicket(tx, ticket, TicketStatus.CLOSED, new Date(at));
}

/** Queues, an office-hours calendar, SLA policies and three months of tickets, some breached and some rated. */
export async function seedSupportDemoData(ctx: SeedContext): Promise<void> {
  const customers = ctx.created.get('counterparties') ?? [];
  if (customers.length === 0) return;
  const queues = await seedSettings(ctx);
  const ids = { customers, agents: ctx.created.get('users') ?? [], queues };
  const now = Date.now();
  for (let done = 0; done < TICKETS; done += BATCH) {
    await ctx.write('support.ticket.write', async (tx) => {
      for (let i = 0; i < BATCH; i++) await ticketHistory(tx, ctx, ids, now);
    });
    ctx.progress('tickets', done + BATCH, TICKETS);
  }
  // What the breach job would have found over those months: tickets still waiting past their due time.
  await sweepBreaches(ctx.request.runtime);
}
