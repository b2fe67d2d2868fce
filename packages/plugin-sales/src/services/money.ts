import { badUserInput } from '@kontra/core';
import { formatCents, toCents } from './order-math.js';

const LIMIT_CENTS = 100_000_000_000_000n;

/** Money as stored: two decimals (rounded half up), as PostgreSQL's numeric(14,2) returns it. */
export function money(value: string, path: string): string {
  const cents = toCents(value);
  if (cents < 0n) throw badUserInput('The amount is negative', [{ path, message: 'must not be negative' }]);
  if (cents >= LIMIT_CENTS) {
    throw badUserInput('The amount is out of range', [{ path, message: 'must be below 1,000,000,000,000' }]);
  }
  return formatCents(cents);
}
