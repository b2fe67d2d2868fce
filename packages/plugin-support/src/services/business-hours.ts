import { isTimeZone } from '@kontra/core';

/**
 * Business-hours arithmetic in a calendar's own time zone: working intervals per ISO weekday
 * (Monday = 1), minus holidays. Pure functions of instants; daylight-saving changes are handled by
 * converting each local working interval to its UTC instants.
 */

export interface WorkingInterval {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local time `HH:MM`. */
  start: string;
  /** Local time `HH:MM`, after start; `24:00` for the end of the day. */
  end: string;
}

export interface BusinessCalendarSpec {
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  workingHours: readonly WorkingInterval[];
  /** Local dates `YYYY-MM-DD` with no working hours. */
  holidays: readonly string[];
}

/** Round the clock, every day: the calendar of an SLA policy that names none. */
export const ALWAYS_OPEN: BusinessCalendarSpec = {
  timeZone: 'UTC',
  workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  holidays: [],
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A calendar with a working hour a year still answers within this many days of searching. */
const SEARCH_LIMIT_DAYS = 5 * 366;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** Everything wrong with a calendar, as `[field, message]` pairs; empty when it is usable. */
export function calendarProblems(spec: BusinessCalendarSpec): [string, string][] {
  const problems: [string, string][] = [];
  if (!isTimeZone(spec.timeZone)) problems.push(['timeZone', `"${spec.timeZone}" is not an IANA time zone`]);
  spec.workingHours.forEach((interval, index) => {
    const path = `workingHours.${index}`;
    if (!Number.isInteger(interval.weekday) || interval.weekday < 1 || interval.weekday > 7) {
      problems.push([`${path}.weekday`, 'must be 1 (Monday) to 7 (Sunday)']);
    }
    if (!TIME.test(interval.start) || interval.start === '24:00') {
      problems.push([`${path}.start`, 'must be a time HH:MM']);
    } else if (!TIME.test(interval.end)) {
      problems.push([`${path}.end`, 'must be a time HH:MM or 24:00']);
    } else if (minutesOfDay(interval.end) <= minutesOfDay(interval.start)) {
      problems.push([`${path}.end`, 'must be after start']);
    }
  });
  if (problems.length === 0) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const day = intervalsOf(spec, weekday);
      for (let i = 1; i < day.length; i++) {
        if (day[i]![0] < day[i - 1]![1]) problems.push(['workingHours', `intervals overlap on weekday ${weekday}`]);
      }
    }
    if (spec.workingHours.length === 0) problems.push(['workingHours', 'needs at least one working interval']);
  }
  spec.holidays.forEach((date, index) => {
    if (!DATE.test(date) || Number.isNaN(Date.parse(date))) problems.push([`holidays.${index}`, 'must be YYYY-MM-DD']);
  });
  return problems;
}

/** The day's working intervals as [start, end) minutes of the local day, sorted. */
function intervalsOf(spec: BusinessCalendarSpec, weekday: number): [number, number][] {
  return spec.workingHours
    .filter((interval) => interval.weekday === weekday)
    .map((interval): [number, number] => [minutesOfDay(interval.start), minutesOfDay(interval.end)])
    .sort((a, b) => a[0] - b[0]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading of an instant, as if it were UTC (ms since epoch). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The instant at which the local wall clock reads `wall` (taken as UTC ms); a skipped time moves on. */
function instantOf(wall: number, timeZone: string): number {
  const firstGuess = wall - (wallClock(wall, timeZone) - wall);
  const offset = wallClock(firstGuess, timeZone) - firstGuess;
  return wall - offset;
}

/** Working intervals of one local day (midnight given as wall-clock ms) as UTC instants. */
function workingInstants(spec: BusinessCalendarSpec, localMidnight: number, holidays: ReadonlySet<string>) {
  const date = new Date(localMidnight).toISOString().slice(0, 10);
  if (holidays.has(date)) return [];
  const weekday = ((new Date(localMidnight).getUTCDay() + 6) % 7) + 1;
  return intervalsOf(spec, weekday).map(([start, end]): [number, number] => [
    instantOf(localMidnight + start * MINUTE_MS, spec.timeZone),
    instantOf(localMidnight + end * MINUTE_MS, spec.timeZone),
  ]);
}

function localMidnightOf(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return wall - (wall % DAY_MS);
}

/** The instant when `durationMs` of working time has passed after `from`. */
export function addBusinessTime(spec: BusinessCalendarSpec, from: Date, durationMs: number): Date {
  const holidays = new Set(spec.holidays);
  let remaining = Math.max(0, durationMs);
  let day = localMidnightOf(from.getTime(), spec.timeZone);
  for (let searched = 0; searched < SEARCH_LIMIT_DAYS; searched++, day += DAY_MS) {
    for (const [start, end] of workingInstants(spec, day, holidays)) {
      const begin = Math.max(start, from.getTime());
      if (begin >= end) continue;
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
    }
  }
  throw new Error(`The calendar has no working time within ${SEARCH_LIMIT_DAYS} days`);
}

/** Working time between two instants, in ms (0 when `to` is not after `from`). */
export function businessTimeBetween(spec: BusinessCalendarSpec, from: Date, to: Date): number {
  const holidays = new Set(spec.holidays);
  let total = 0;
  for (let day = localMidnightOf(from.getTime(), spec.timeZone); day <= to.getTime() + DAY_MS; day += DAY_MS) {
    for (const [start, end] of workingInstants(spec, day, holidays)) {
      const overlap = Math.min(end, to.getTime()) - Math.max(start, from.getTime());
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}
