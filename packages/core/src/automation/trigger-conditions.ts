import type { DomainEvent } from '../events/domain-event.js';

/** The value at a dotted path of an event, e.g. `payload.priority` or `counterpartyId`. */
export function valueAt(event: DomainEvent, path: string): unknown {
  let value: unknown = event;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Whether every condition holds: the value at its path equals the given JSON value. */
export function conditionsHold(conditions: readonly { path: string; equals: unknown }[], event: DomainEvent): boolean {
  return conditions.every(({ path, equals }) => JSON.stringify(valueAt(event, path)) === JSON.stringify(equals));
}
