import { describe, expect, it } from '@jest/globals';
import { formatCents, lineAmounts, scaled } from '../src/services/order-math.js';

describe('order arithmetic', () => {
  it('scales decimal strings to integers without binary rounding', () => {
    expect(scaled('0.1', 2)).toBe(10n);
    expect(scaled('1.333', 3)).toBe(1333n);
    expect(scaled('-2.5', 2)).toBe(-250n);
    expect(scaled('7', 3)).toBe(7000n);
  });

  it('formats cents', () => {
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(123456n)).toBe('1234.56');
    expect(formatCents(-199n)).toBe('-1.99');
  });

  it('rounds a line half up, once, to the cent', () => {
    // 0.1 × 0.05 = 0.005 → 0.01 (half up), where binary floats give 0.005000000000000001 or 0.00499…
    expect(lineAmounts('0.1', '0.05', '0')).toEqual({ grossCents: 1n, totalCents: 1n });
    // 3 × 19.99 = 59.97; less 33.33 %: 59.97 × 0.6667 = 39.981999 → 39.98
    expect(lineAmounts('3', '19.99', '33.33')).toEqual({ grossCents: 5997n, totalCents: 3998n });
    expect(lineAmounts('2', '10', '100')).toEqual({ grossCents: 2000n, totalCents: 0n });
  });
});
