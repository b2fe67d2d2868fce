import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { WorkspaceScopedEntity } from '@kontra/core';
import type { WorkingInterval } from '../services/business-hours.js';
import { TicketPriority } from './support.enums.js';

/** A team's inbox that tickets are routed to, e.g. "Billing" or "Technical". */
@Entity({ tableName: 'support_queue' })
@Index({ properties: ['workspace', 'name'] })
export class SupportQueue extends WorkspaceScopedEntity {
  @Property()
  name!: string;
}

/** Working hours in a time zone, minus holidays: the clock SLA targets count in. */
@Entity({ tableName: 'support_business_calendar' })
export class BusinessCalendar extends WorkspaceScopedEntity {
  @Property()
  name!: string;

  @Property()
  timeZone!: string;

  @Property({ type: 'json' })
  workingHours!: WorkingInterval[];

  /** Local dates (YYYY-MM-DD). */
  @Property({ type: 'json' })
  holidays: string[] = [];
}

/** First-response and resolution targets for tickets of one priority (and optionally one tag). */
@Entity({ tableName: 'support_sla_policy' })
@Index({ properties: ['workspace', 'priority'] })
export class SlaPolicy extends WorkspaceScopedEntity {
  @Property()
  name!: string;

  @Enum({ items: () => TicketPriority, nativeEnumName: 'support_ticket_priority' })
  priority!: TicketPriority;

  /** When set, the policy applies only to tickets with this tag, ahead of a policy without one. */
  @Property({ nullable: true })
  tag: string | null = null;

  @Property()
  firstResponseMinutes!: number;

  @Property()
  resolutionMinutes!: number;

  /** Null: round the clock. */
  @ManyToOne(() => BusinessCalendar, { nullable: true, deleteRule: 'restrict' })
  calendar: BusinessCalendar | null = null;
}
