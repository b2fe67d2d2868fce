import type { SlaClock } from '../entities/ticket.entity.js';
import { SlaClockStatus } from '../entities/support.enums.js';
import { addBusinessTime, businessTimeBetween, type BusinessCalendarSpec } from './business-hours.js';

/**
 * The life of one SLA clock in business time. Each function changes the clock in place and is a
 * no-op where the change does not apply (e.g. pausing a paused clock), so callers need not check.
 */

function remainingMs(clock: SlaClock): number {
  return Math.max(0, clock.targetMinutes! * 60_000 - clock.consumedSeconds * 1000);
}

/** Starts the clock afresh with a target (null: no SLA). */
export function startClock(clock: SlaClock, targetMinutes: number | null, now: Date, calendar: BusinessCalendarSpec) {
  Object.assign(clock, { targetMinutes, consumedSeconds: 0, runningSince: null, dueAt: null });
  if (targetMinutes !== null) {
    clock.runningSince = now;
    clock.dueAt = addBusinessTime(calendar, now, remainingMs(clock));
  }
}

export function pauseClock(clock: SlaClock, now: Date, calendar: BusinessCalendarSpec) {
  if (!clock.runningSince) return;
  clock.consumedSeconds += Math.round(businessTimeBetween(calendar, clock.runningSince, now) / 1000);
  clock.runningSince = null;
  clock.dueAt = null;
}

export function resumeClock(clock: SlaClock, now: Date, calendar: BusinessCalendarSpec) {
  if (clock.targetMinutes === null || clock.completedAt || clock.runningSince) return;
  clock.runningSince = now;
  clock.dueAt = addBusinessTime(calendar, now, remainingMs(clock));
}

/** Stops the clock for good; a late completion is a breach at the due time. Returns whether it was late. */
export function completeClock(clock: SlaClock, now: Date, calendar: BusinessCalendarSpec): boolean {
  if (clock.completedAt) return false;
  const late = !!clock.dueAt && clock.dueAt <= now && !clock.breachedAt;
  if (late) clock.breachedAt = clock.dueAt;
  pauseClock(clock, now, calendar);
  clock.completedAt = now;
  return late;
}

/** Runs a completed clock again (a reopened ticket), keeping the time it already consumed. */
export function reopenClock(clock: SlaClock, now: Date, calendar: BusinessCalendarSpec) {
  clock.completedAt = null;
  resumeClock(clock, now, calendar);
}

/** Applies a new target (the priority changed), keeping the working time already consumed. */
export function retargetClock(
  clock: SlaClock,
  targetMinutes: number | null,
  now: Date,
  calendar: BusinessCalendarSpec,
  ticketPaused: boolean,
) {
  if (clock.completedAt) return;
  pauseClock(clock, now, calendar);
  clock.targetMinutes = targetMinutes;
  // A breach already recorded stays; a later due time does not undo it.
  if (!ticketPaused) resumeClock(clock, now, calendar);
}

/** Marks the clock breached if it is running past its due time. Returns whether it did. */
export function breachIfOverdue(clock: SlaClock, now: Date): boolean {
  if (!clock.runningSince || !clock.dueAt || clock.breachedAt || clock.dueAt > now) return false;
  clock.breachedAt = clock.dueAt;
  return true;
}

export function clockStatus(clock: Pick<SlaClock, 'targetMinutes' | 'runningSince' | 'completedAt' | 'breachedAt'>) {
  if (clock.targetMinutes === null) return SlaClockStatus.NONE;
  if (clock.breachedAt) return SlaClockStatus.BREACHED;
  if (clock.completedAt) return SlaClockStatus.MET;
  return clock.runningSince ? SlaClockStatus.RUNNING : SlaClockStatus.PAUSED;
}
