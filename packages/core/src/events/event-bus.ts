import type { DomainEvent } from './domain-event.js';

export type EventListener = (event: DomainEvent) => void;

/**
 * Hands committed events to in-process listeners (subscriptions, after-commit handlers).
 * Events arrive here only after their transaction commits, in sequence order per workspace.
 */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  listen(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(events: readonly DomainEvent[]): void {
    for (const event of events) {
      for (const listener of this.#listeners) listener(event);
    }
  }
}
