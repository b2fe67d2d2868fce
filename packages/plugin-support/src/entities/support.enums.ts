import { registerEnumType } from 'type-graphql';

export enum TicketStatus {
  NEW = 'NEW',
  OPEN = 'OPEN',
  /** Waiting on the customer: SLA clocks pause. */
  PENDING = 'PENDING',
  /** Waiting on a third party or another team: SLA clocks keep running. */
  ON_HOLD = 'ON_HOLD',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

export enum TicketChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  WEB = 'WEB',
  OTHER = 'OTHER',
}

/** Where one SLA target of a ticket stands. */
export enum SlaClockStatus {
  /** No SLA policy applies to the ticket. */
  NONE = 'NONE',
  RUNNING = 'RUNNING',
  /** Stopped while the ticket is pending on the customer. */
  PAUSED = 'PAUSED',
  MET = 'MET',
  BREACHED = 'BREACHED',
}

const ACTIVE = [TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD];

/** Which status may follow which; a closed ticket is final, a resolved one may be reopened. */
export const ALLOWED_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  [TicketStatus.NEW]: [
    TicketStatus.OPEN,
    TicketStatus.PENDING,
    TicketStatus.ON_HOLD,
    TicketStatus.RESOLVED,
    TicketStatus.CLOSED,
  ],
  [TicketStatus.OPEN]: [TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.RESOLVED, TicketStatus.CLOSED],
  [TicketStatus.PENDING]: [TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.RESOLVED, TicketStatus.CLOSED],
  [TicketStatus.ON_HOLD]: [TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED],
  [TicketStatus.RESOLVED]: [TicketStatus.OPEN, TicketStatus.CLOSED],
  [TicketStatus.CLOSED]: [],
};

export function isActiveStatus(status: TicketStatus): boolean {
  return ACTIVE.includes(status);
}

export const ACTIVE_STATUSES: readonly TicketStatus[] = ACTIVE;

registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketChannel, { name: 'TicketChannel' });
registerEnumType(SlaClockStatus, { name: 'SlaClockStatus' });
