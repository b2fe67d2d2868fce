/**
 * Order arithmetic in integers (BigInt), so totals are exact: a total always equals the sum of its
 * lines, and a line is rounded once, half up, to the cent.
 */

/** `"12.5"` at scale 3 → 12500n. */
export function scaled(value: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return value.startsWith('-') ? -digits : digits;
}

/** 12345n cents → `"123.45"`. */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const text = `${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** A decimal amount (up to 4 decimals) rounded half up to whole cents. */
export function toCents(amount: string): bigint {
  return divideRoundingHalfUp(scaled(amount, 4), 100n);
}

export interface LineAmounts {
  grossCents: bigint;
  totalCents: bigint;
}

/** quantity × unit price, and that less the discount, each rounded to the cent. */
export function lineAmounts(quantity: string, unitPrice: string, discountPercent: string): LineAmounts {
  const milliUnits = scaled(quantity, 3);
  const priceCents = scaled(unitPrice, 2);
  const keptBasisPoints = 10_000n - scaled(discountPercent, 2);
  return {
    grossCents: divideRoundingHalfUp(milliUnits * priceCents, 1_000n),
    totalCents: divideRoundingHalfUp(milliUnits * priceCents * keptBasisPoints, 1_000n * 10_000n),
  };
}
