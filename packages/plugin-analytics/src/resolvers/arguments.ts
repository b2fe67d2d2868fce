import { badUserInput, isId } from '@kontra/core';

/** An integer argument within its bounds, or BAD_USER_INPUT naming it. */
export function within(path: string, value: number, min: number, max: number): number {
  if (value < min || value > max) {
    throw badUserInput(`${path} is out of range`, [{ path, message: `must be ${min} to ${max}` }]);
  }
  return value;
}

/** An id argument that must be well-formed, e.g. `checkedId('productId', 'product', id)`. */
export function checkedId(path: string, label: string, id: string): string {
  if (!isId(id)) throw badUserInput(`The ${label} is not an id`, [{ path, message: 'must be an id' }]);
  return id;
}

export function checkedCurrency(currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw badUserInput('The currency is invalid', [
      { path: 'currency', message: 'must be an ISO 4217 code such as EUR' },
    ]);
  }
  return currency;
}
