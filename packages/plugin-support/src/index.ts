export { supportPlugin, supportPlugin as plugin } from './plugin.js';
export type { SupportConfig } from './config.js';
export { TicketChannel, TicketPriority, TicketStatus, SlaClockStatus } from './entities/support.enums.js';
export { TicketType, TicketCommentType, SlaPolicyType } from './resolvers/support.types.js';
export {
  addBusinessTime,
  businessTimeBetween,
  calendarProblems,
  type BusinessCalendarSpec,
  type WorkingInterval,
} from './services/business-hours.js';
