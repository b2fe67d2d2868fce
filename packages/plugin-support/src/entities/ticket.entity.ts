import { Embeddable, Embedded, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Counterparty, User, WorkspaceOwnedEntity, WorkspaceScopedEntity } from '@kontra/core';
import { SlaPolicy, SupportQueue } from './settings.entity.js';
import { TicketChannel, TicketPriority, TicketStatus } from './support.enums.js';

/**
 * One SLA target of a ticket, counted in business time: it runs, pauses (pending on the customer),
 * and completes; `consumedSeconds` holds the working time of the runs before the current one.
 */
@Embeddable()
export class SlaClock {
  /** Null when no SLA policy applies. */
  @Property({ type: 'int', nullable: true })
  targetMinutes: number | null = null;

  @Property({ default: 0 })
  consumedSeconds = 0;

  /** Start of the current run; null while paused or complete. */
  @Property({ type: 'datetime', nullable: true })
  runningSince: Date | null = null;

  /** When the target is due in the current run; null while paused or complete. */
  @Property({ type: 'datetime', nullable: true })
  dueAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  /** When the target was missed (its due time); set by the breach job or on a late completion. */
  @Property({ type: 'datetime', nullable: true })
  breachedAt: Date | null = null;
}

/** A customer's request to support, with its conversation, SLA clocks and rating. */
@Entity({ tableName: 'support_ticket' })
@Index({ properties: ['workspace', 'status', 'createdAt'] })
@Index({ properties: ['workspace', 'queue', 'status'] })
@Index({ properties: ['workspace', 'assignee', 'status'] })
@Index({ properties: ['workspace', 'counterparty'] })
@Unique({ properties: ['workspace', 'number'] })
export class Ticket extends WorkspaceScopedEntity {
  /** Per workspace, from 1: what people say on the phone ("ticket 1042"). */
  @Property()
  number!: number;

  @ManyToOne(() => Counterparty, { deleteRule: 'cascade' })
  counterparty!: Counterparty;

  /** The person who asked, when the counterparty is an organisation. */
  @ManyToOne(() => Counterparty, { nullable: true, deleteRule: 'set null' })
  contact: Counterparty | null = null;

  @Property()
  subject!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Enum({ items: () => TicketChannel, nativeEnumName: 'support_ticket_channel' })
  channel!: TicketChannel;

  @Enum({ items: () => TicketStatus, nativeEnumName: 'support_ticket_status' })
  status: TicketStatus = TicketStatus.NEW;

  @Enum({ items: () => TicketPriority, nativeEnumName: 'support_ticket_priority' })
  priority: TicketPriority = TicketPriority.NORMAL;

  @Property({ type: 'text[]', default: [] })
  tags: string[] = [];

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assignee: User | null = null;

  @ManyToOne(() => SupportQueue, { nullable: true, deleteRule: 'set null' })
  queue: SupportQueue | null = null;

  /** A sales deal, by id; no foreign key, so the support plugin works without sales. */
  @Property({ type: 'uuid', nullable: true })
  relatedDealId: string | null = null;

  /** A sales order, by id; as for the deal. */
  @Property({ type: 'uuid', nullable: true })
  relatedOrderId: string | null = null;

  @ManyToOne(() => SlaPolicy, { nullable: true, deleteRule: 'set null' })
  slaPolicy: SlaPolicy | null = null;

  @Embedded(() => SlaClock, { prefix: 'first_response_' })
  firstResponse = new SlaClock();

  @Embedded(() => SlaClock, { prefix: 'resolution_' })
  resolution = new SlaClock();

  @Property({ type: 'datetime', nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  /** 1 to 5, given after resolution. */
  @Property({ type: 'smallint', nullable: true })
  satisfactionRating: number | null = null;

  @Property({ type: 'text', nullable: true })
  satisfactionComment: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  ratedAt: Date | null = null;
}

/** Who moved a ticket from which status to which, and when. */
@Entity({ tableName: 'support_ticket_status_change' })
@Index({ properties: ['workspace', 'ticket', 'changedAt'] })
export class TicketStatusChange extends WorkspaceOwnedEntity {
  @ManyToOne(() => Ticket, { deleteRule: 'cascade' })
  ticket!: Ticket;

  @Enum({ items: () => TicketStatus, nativeEnumName: 'support_ticket_status', nullable: true })
  fromStatus: TicketStatus | null = null;

  @Enum({ items: () => TicketStatus, nativeEnumName: 'support_ticket_status' })
  toStatus!: TicketStatus;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor: User | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Date = new Date();
}
