import { badUserInput } from '@kontra/core';

/** Money as stored: two decimals, as PostgreSQL's numeric(14,2) returns it. */
export function money(value: string, path: string): string {
  const amount = Number(value);
  if (!Number.isFinite(amount) || Math.abs(amount) >= 1e12) {
    throw badUserInput('The amount is out of range', [{ path, message: 'must be below 1,000,000,000,000' }]);
  }
  if (amount < 0) throw badUserInput('The amount is negative', [{ path, message: 'must not be negative' }]);
  return amount.toFixed(2);
}
