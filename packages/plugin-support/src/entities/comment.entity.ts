import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Attachment, Counterparty, User, WorkspaceOwnedEntity } from '@kontra/core';
import { Ticket } from './ticket.entity.js';

/** A message on a ticket: a public reply, or an internal note only staff may read. */
@Entity({ tableName: 'support_ticket_comment' })
@Index({ properties: ['workspace', 'ticket', 'createdAt'] })
export class TicketComment extends WorkspaceOwnedEntity {
  @ManyToOne(() => Ticket, { deleteRule: 'cascade' })
  ticket!: Ticket;

  /** The agent who wrote it; null when it came from the customer. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  author: User | null = null;

  /** The customer (or their contact person) who wrote it, e.g. an e-mail reply recorded by an integration. */
  @ManyToOne(() => Counterparty, { nullable: true, deleteRule: 'set null' })
  authorCounterparty: Counterparty | null = null;

  @Property({ type: 'text' })
  body!: string;

  @Property()
  internal = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** Links a comment to a file in the core's attachment store. */
@Entity({ tableName: 'support_comment_attachment' })
@Index({ properties: ['workspace', 'comment'] })
export class TicketCommentAttachment extends WorkspaceOwnedEntity {
  @ManyToOne(() => TicketComment, { deleteRule: 'cascade' })
  comment!: TicketComment;

  @ManyToOne(() => Attachment, { deleteRule: 'cascade' })
  attachment!: Attachment;
}
