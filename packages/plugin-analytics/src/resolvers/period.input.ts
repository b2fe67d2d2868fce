import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';
import { badUserInput, DateScalar, isTimeZone } from '@kontra/core';

@InputType({ description: 'Local dates in a time zone: from (included) to (excluded)' })
export class PeriodInput {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar, { description: 'Excluded: a month is { from: "2026-01-01", to: "2026-02-01" }' })
  to!: string;

  @Field({ defaultValue: 'UTC', description: 'IANA time zone the dates and months are read in' })
  @Length(1, 64)
  timeZone!: string;
}

/** The period checked: a known time zone and `from` before `to`, at most ten years long. */
export function checkedPeriod(period: PeriodInput): PeriodInput {
  const problems = [];
  if (!isTimeZone(period.timeZone)) {
    problems.push({ path: 'period.timeZone', message: `"${period.timeZone}" is not an IANA time zone` });
  }
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (!(days > 0)) problems.push({ path: 'period.to', message: 'must be after from' });
  if (days > 3660) problems.push({ path: 'period.to', message: 'the period may span at most ten years' });
  if (problems.length) throw badUserInput('The period is invalid', problems);
  return period;
}
