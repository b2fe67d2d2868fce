import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    const roundTrip = new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10);
    if (roundTrip === value) return value;
  }
  throw badUserInput(`Date must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/** A calendar date with no time or zone (birthdays, founding dates), as `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw badUserInput(`DateTime must be an ISO-8601 date-time, got ${JSON.stringify(value)}`);
  return date;
}

/** PostgreSQL's text form of a UTC timestamptz: `2026-11-02 10:00:00.123456+00`. */
const POSTGRES_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?\+00$/;

function serializeDateTime(value: unknown): string {
  // Fast path for the read path's rows: rewrite the text instead of parsing it into a Date.
  const utc = typeof value === 'string' ? POSTGRES_UTC.exec(value) : null;
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return toDate(value).toISOString();
}

/**
 * A point in time, ISO-8601 in UTC on output. The read path hands PostgreSQL's text form straight
 * through (the driver keeps timestamps as strings), so serialising accepts those as well as Dates.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A point in time, ISO-8601, e.g. 2026-11-23T09:30:00.000Z',
  serialize: serializeDateTime,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      throw badUserInput(
        `DateTime must be an ISO-8601 date-time such as 2026-11-23T09:30:00Z, got ${JSON.stringify(value)}`,
      );
    }
    return toDate(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badUserInput('DateTime must be given as a string');
    return toDate(ast.value);
  },
});

const DECIMAL = /^-?\d{1,13}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text === 'string' && DECIMAL.test(text)) return text;
  throw badUserInput(
    `Decimal must be a number as a string with at most 4 decimals, e.g. "1299.90"; got ${JSON.stringify(value)}`,
  );
}

/**
 * An exact decimal, as a string on the wire so no client rounds money through binary floats.
 * PostgreSQL `numeric` columns arrive from the driver as strings and pass straight through.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1299.90"',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) =>
    parseDecimal(ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : undefined),
});

function parseSequence(value: unknown): number {
  const number = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
  throw badUserInput(`BigInt must be a whole number from 0 to 2^53, got ${JSON.stringify(value)}`);
}

/** A whole number beyond Int's 32 bits (event sequences), exact up to 2^53. */
export const BigIntScalar = new GraphQLScalarType<number, number>({
  name: 'BigInt',
  description: 'A whole number up to 2^53, e.g. an event sequence',
  serialize: (value) => parseSequence(typeof value === 'bigint' ? Number(value) : value),
  parseValue: parseSequence,
  parseLiteral: (ast) => parseSequence(ast.kind === Kind.INT || ast.kind === Kind.STRING ? ast.value : undefined),
});
