import {
  attachmentFrom,
  badUserInput,
  Counterparty,
  findLive,
  loadForUpdate,
  User,
  type WriteContext,
} from '@kontra/core';
import { TicketStatus } from '../entities/support.enums.js';
import { TicketComment, TicketCommentAttachment } from '../entities/comment.entity.js';
import { Ticket } from '../entities/ticket.entity.js';
import type { AddTicketCommentInput } from '../resolvers/inputs/ticket.inputs.js';
import { completeAndReport, ticketCalendar, ticketRouting } from './sla.service.js';
import { moveTicket } from './ticket.service.js';

/** Who wrote a comment: the agent calling, or the ticket's customer (or contact) it is recorded for. */
async function customerAuthor(tx: WriteContext, ticket: Ticket, input: AddTicketCommentInput) {
  if (!input.authorCounterpartyId) return null;
  const author = await findLive(tx, Counterparty, input.authorCounterpartyId);
  const own = author && (author.id === ticket.counterparty.id || author.id === ticket.contact?.id);
  if (!own) {
    throw badUserInput('The author is not this ticket’s customer', [
      { path: 'authorCounterpartyId', message: "must be the ticket's counterparty or its contact" },
    ]);
  }
  if (input.internal) {
    throw badUserInput('A customer’s message cannot be an internal note', [
      { path: 'internal', message: 'must be false for a message from the customer' },
    ]);
  }
  return author;
}

/**
 * Adds a reply or an internal note. The first public reply by an agent meets the first-response
 * target and opens a new ticket; a customer's message reopens a pending or resolved ticket.
 */
export async function addComment(tx: WriteContext, input: AddTicketCommentInput, now = new Date()) {
  const ticket = await loadForUpdate(tx, Ticket, input.ticketId, { label: 'Ticket' });
  if (ticket.status === TicketStatus.CLOSED) {
    throw badUserInput('A closed ticket takes no more comments', [
      { path: 'ticketId', message: 'the ticket is closed' },
    ]);
  }
  const customer = await customerAuthor(tx, ticket, input);
  const comment = Object.assign(new TicketComment(), {
    workspace: ticket.workspace,
    ticket,
    author: customer ? null : tx.em.getReference(User, tx.principal.userId),
    authorCounterparty: customer,
    body: input.body,
    internal: input.internal,
    createdAt: now,
  });
  tx.em.persist(comment);
  for (const [index, file] of (input.attachments ?? []).entries()) {
    const attachment = attachmentFrom(tx, file, `attachments.${index}`);
    tx.em.persist([
      attachment,
      Object.assign(new TicketCommentAttachment(), { workspace: ticket.workspace, comment, attachment }),
    ]);
  }
  tx.emit({
    type: 'support.commentAdded',
    entityType: 'TicketComment',
    entityId: comment.id,
    counterpartyId: ticket.counterparty.id,
    // No body: the event log is readable more widely than internal notes are.
    payload: { ...ticketRouting(ticket), ticketId: ticket.id, internal: comment.internal, fromCustomer: !!customer },
  });
  if (customer) {
    if (ticket.status === TicketStatus.PENDING || ticket.status === TicketStatus.RESOLVED) {
      await moveTicket(tx, ticket, TicketStatus.OPEN, now);
    }
  } else if (!comment.internal) {
    completeAndReport(tx, ticket, 'FIRST_RESPONSE', now, await ticketCalendar(tx, ticket));
    if (ticket.status === TicketStatus.NEW) await moveTicket(tx, ticket, TicketStatus.OPEN, now);
  }
  ticket.updatedAt = now;
  return comment;
}
