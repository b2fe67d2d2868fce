import type { DomainEvent } from './domain-event.js';
import type { EventBus } from './event-bus.js';

/** Past this many undelivered events a subscriber is too slow; its stream ends with an error. */
const MAX_BUFFERED_EVENTS = 1_000;

export class SubscriberTooSlowError extends Error {
  override readonly name = 'SubscriberTooSlowError';
}

/**
 * The committed events that pass `accept`, as an async iterator for a GraphQL subscription.
 * The buffer is bounded so a slow client cannot grow the server's memory without limit.
 */
export function eventStream(
  bus: EventBus,
  accept: (event: DomainEvent) => boolean,
): AsyncIterableIterator<DomainEvent> {
  const buffered: DomainEvent[] = [];
  let waiting: ((result: IteratorResult<DomainEvent>) => void) | null = null;
  let failWaiting: ((error: Error) => void) | null = null;
  let failure: Error | null = null;
  let done = false;

  const stopListening = bus.listen((event) => {
    if (done || !accept(event)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = failWaiting = null;
      resolve({ value: event, done: false });
    } else if (buffered.length >= MAX_BUFFERED_EVENTS) {
      failure = new SubscriberTooSlowError(`More than ${MAX_BUFFERED_EVENTS} events were not yet delivered`);
      finish();
    } else {
      buffered.push(event);
    }
  });

  function finish(): void {
    done = true;
    stopListening();
    if (waiting) {
      const resolve = waiting;
      const reject = failWaiting;
      waiting = failWaiting = null;
      if (failure && reject) reject(failure);
      else resolve({ value: undefined, done: true });
    }
  }

  return {
    next() {
      const event = buffered.shift();
      if (event) return Promise.resolve({ value: event, done: false });
      if (failure) return Promise.reject(failure);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        waiting = resolve;
        failWaiting = reject;
      });
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
