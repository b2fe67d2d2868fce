import { describe, expect, it } from '@jest/globals';
import {
  addBusinessTime,
  businessTimeBetween,
  calendarProblems,
  type BusinessCalendarSpec,
} from '@kontra/plugin-support';

const HOUR = 3_600_000;
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const berlin: BusinessCalendarSpec = { timeZone: 'Europe/Berlin', workingHours: weekdays, holidays: ['2026-12-21'] };

describe('business hours', () => {
  it('carries working time over a weekend and a holiday, in the calendar’s time zone', () => {
    // Friday 18 December 2026, 16:00 in Berlin (UTC+1): one working hour left that day.
    const friday = new Date('2026-12-18T15:00:00Z');
    // Monday the 21st is a holiday: 2 h more end on Tuesday at 10:00 Berlin time.
    expect(addBusinessTime(berlin, friday, 2 * HOUR).toISOString()).toBe('2026-12-22T09:00:00.000Z');
    // 10 h: 1 on Friday, 8 on Tuesday, 1 on Wednesday.
    expect(addBusinessTime(berlin, friday, 10 * HOUR).toISOString()).toBe('2026-12-23T09:00:00.000Z');
    expect(businessTimeBetween(berlin, friday, new Date('2026-12-23T09:00:00Z'))).toBe(10 * HOUR);
  });

  it('starts counting at the next opening when asked outside working hours', () => {
    const saturday = new Date('2026-12-19T12:00:00Z');
    expect(addBusinessTime(berlin, saturday, 30 * 60_000).toISOString()).toBe('2026-12-22T08:30:00.000Z');
    expect(businessTimeBetween(berlin, saturday, new Date('2026-12-20T23:00:00Z'))).toBe(0);
  });

  it('follows daylight-saving time: 09:00 local is 07:00 UTC in summer and 08:00 in winter', () => {
    // Friday 23 October 2026 16:00 CEST (UTC+2); the clocks go back on Sunday the 25th.
    const beforeChange = new Date('2026-10-23T14:00:00Z');
    expect(addBusinessTime(berlin, beforeChange, 2 * HOUR).toISOString()).toBe('2026-10-26T09:00:00.000Z');
    const summer = new Date('2026-07-01T06:00:00Z');
    expect(addBusinessTime(berlin, summer, 0).toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('counts split shifts and a time zone west of UTC', () => {
    const newYork: BusinessCalendarSpec = {
      timeZone: 'America/New_York',
      workingHours: [
        { weekday: 3, start: '08:00', end: '12:00' },
        { weekday: 3, start: '13:00', end: '17:00' },
      ],
      holidays: [],
    };
    // Wednesday 2 December 2026, 11:00 EST (UTC-5); lunch from 12 to 13 does not count.
    const wednesday = new Date('2026-12-02T16:00:00Z');
    expect(addBusinessTime(newYork, wednesday, 2 * HOUR).toISOString()).toBe('2026-12-02T19:00:00.000Z');
    // 9 h from Wednesday 11:00: 5 that day, then next Wednesday 4 more, ending at 12:00.
    expect(addBusinessTime(newYork, wednesday, 9 * HOUR).toISOString()).toBe('2026-12-09T17:00:00.000Z');
  });

  it('names every problem of an unusable calendar', () => {
    expect(
      calendarProblems({
        timeZone: 'Mars/Olympus',
        workingHours: [
          { weekday: 8, start: '09:00', end: '17:00' },
          { weekday: 1, start: '18:00', end: '17:00' },
        ],
        holidays: ['2026-13-45'],
      }).map(([path]) => path),
    ).toEqual(['timeZone', 'workingHours.0.weekday', 'workingHours.1.end', 'holidays.0']);
    expect(calendarProblems({ ...berlin, workingHours: [] })).toEqual([
      ['workingHours', 'needs at least one working interval'],
    ]);
    expect(calendarProblems(berlin)).toEqual([]);
  });
});
