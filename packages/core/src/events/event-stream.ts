import type { DomainEvent } from './domain-event.js';
import type { EventFeed } from './event-feed.js';
import { requirePrincipal, type RequestContext } from '../kernel/context.js';

/** Past this many undelivered events a subscriber is too slow; its stream ends with an error. */
const MAX_BUFFERED_EVENTS = 10_000;

export class SubscriberTooSlowError extends Error {
  override readonly name = 'SubscriberTooSlowError';
}

/**
 * A workspace's committed events that pass `accept`, as an async iterator for a GraphQL
 * subscription: those after `after` first (when given), then live ones, in sequence order. The
 * buffer is bounded so a slow client cannot grow the server's memory without limit.
 */
export function eventStream(
  feed: EventFeed,
  workspaceId: string,
  accept: (event: DomainEvent) => boolean,
  after?: number,
): AsyncIterableIterator<DomainEvent> {
  const buffered: DomainEvent[] = [];
  let waiting: { resolve: (result: IteratorResult<DomainEvent>) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  let done = false;

  const onEvent = (event: DomainEvent) => {
    if (done || !accept(event)) return;
    if (waiting) {
      const { resolve } = waiting;
      waiting = null;
      resolve({ value: event, done: false });
    } else if (buffered.length >= MAX_BUFFERED_EVENTS) {
      finish(new SubscriberTooSlowError(`More than ${MAX_BUFFERED_EVENTS} events were not yet delivered`));
    } else {
      buffered.push(event);
    }
  };
  const unsubscribe = feed.subscribe(workspaceId, onEvent, after);
  unsubscribe.catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));

  function finish(error: Error | null = null): void {
    if (done) return;
    done = true;
    failure = error;
    void unsubscribe.then((stop) => stop()).catch(() => undefined);
    if (waiting) {
      const pending = waiting;
      waiting = null;
      if (failure) pending.reject(failure);
      else pending.resolve({ value: undefined, done: true });
    }
  }

  return {
    next() {
      const event = buffered.shift();
      if (event) return Promise.resolve({ value: event, done: false });
      if (failure) return Promise.reject(failure);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
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

/**
 * The caller's workspace events for a subscription's `subscribe` function: each event is resolved
 * with fresh loaders, since graphql-ws keeps one context for all of a subscription's events.
 *
 * @example
 * @Subscription(() => DealEventType, { subscribe: ({ context }) =>
 *   workspaceEventStream(context, (event) => event.type === 'sales.dealWon') })
 */
export function workspaceEventStream(
  context: RequestContext,
  accept: (event: DomainEvent) => boolean,
  after?: number,
): AsyncIterableIterator<DomainEvent> {
  const principal = requirePrincipal(context);
  const events = eventStream(context.runtime.eventFeed, principal.workspaceId, accept, after);
  return {
    next: async () => {
      const result = await events.next();
      context.clearLoaders();
      return result;
    },
    return: () => events.return!(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
