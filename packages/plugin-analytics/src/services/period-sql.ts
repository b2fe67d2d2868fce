import { sql } from '@kontra/core';
import type { PeriodInput } from '../resolvers/period.input.js';

/** The period's bounds as instants: local midnights of `from` and `to` in its time zone. */
export function periodBounds(period: PeriodInput) {
  return {
    from: sql`(${period.from}::date)::timestamp at time zone ${period.timeZone}`,
    to: sql`(${period.to}::date)::timestamp at time zone ${period.timeZone}`,
  };
}
