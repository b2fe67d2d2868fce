import type { DomainEvent } from './domain-event.js';
import type { EventFeed } from './event-feed.js';
import { requirePrincipal, type RequestContext } from '../kernel/context.js';
import type { Principal } from '../auth/principal.js';

/** Past this many undelivered events a subscriber is too slow (unless the caller sets another limit). */
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
  tooSlow: { maxBuffered?: number; onTooSlow?: (reason: string) => void } = {},
): AsyncIterableIterator<DomainEvent> {
  const maxBuffered = tooSlow.maxBuffered ?? MAX_BUFFERED_EVENTS;
  const buffered: DomainEvent[] = [];
  let waiting: { resolve: (result: IteratorResult<DomainEvent>) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  let done = false;
  // Missed events replayed on resume are not the subscriber falling behind: they do not count.
  let catchingUp = after !== undefined;
  let historyBuffered = 0;

  const onEvent = (event: DomainEvent) => {
    if (done || !accept(event)) return;
    if (waiting) {
      const { resolve } = waiting;
      waiting = null;
      resolve({ value: event, done: false });
    } else if (catchingUp) {
      historyBuffered++;
      buffered.push(event);
    } else if (buffered.length - historyBuffered >= maxBuffered) {
      const reason = `Too slow: over ${maxBuffered} events waiting`;
      finish(new SubscriberTooSlowError(reason));
      tooSlow.onTooSlow?.(reason);
    } else {
      buffered.push(event);
    }
  };
  const unsubscribe = feed.subscribe(workspaceId, onEvent, after);
  unsubscribe.then(
    () => (catchingUp = false),
    (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
  );

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
      if (event) {
        if (historyBuffered > 0) historyBuffered--;
        return Promise.resolve({ value: event, done: false });
      }
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

/** Close code for a subscriber that fell too far behind (WebSocket "try again later"). */
export const TOO_SLOW_CLOSE_CODE = 1013;

export interface WorkspaceStreamOptions {
  /** Resume after this sequence: the missed events first, then live ones. */
  after?: number;
  /**
   * Decides per event whether this subscriber may see it, with the principal as it is at delivery
   * (e.g. internal notes only for roles holding a permission).
   */
  authorize?: (event: DomainEvent, principal: Principal) => boolean;
}

/**
 * The caller's workspace events for a subscription's `subscribe` function. `accept` filters cheaply
 * as events arrive; at delivery each event is checked again against the subscriber as it is then
 * (a revoked key ends the stream) and `authorize`, and resolved with fresh loaders, since
 * graphql-ws keeps one context for all of a subscription's events. A client that lets its socket
 * buffer fill past the limit is disconnected with a reason and can resume with `after`.
 *
 * @example
 * @Subscription(() => DealEventType, { subscribe: ({ context }) =>
 *   workspaceEventStream(context, (event) => event.type === 'sales.dealWon') })
 */
export function workspaceEventStream(
  context: RequestContext,
  accept: (event: DomainEvent) => boolean,
  options: WorkspaceStreamOptions = {},
): AsyncIterableIterator<DomainEvent> {
  const { workspaceId } = requirePrincipal(context);
  const subscriber = context.subscriber;
  const disconnect = (reason: string) =>
    subscriber?.disconnect(TOO_SLOW_CLOSE_CODE, `${reason}; resume with after: the last seq you received`);
  // graphql-ws waits for each message to reach the socket before asking for the next, so a stalled
  // client shows as events piling up here (and, over many subscriptions, as bytes in the socket).
  const acceptUnlessStalled = (event: DomainEvent) => {
    if (subscriber && subscriber.bufferedBytes() > subscriber.bufferLimitBytes) {
      disconnect(`Too slow: over ${subscriber.bufferLimitBytes} bytes unsent`);
      void events.return!();
      return false;
    }
    return accept(event);
  };
  const events = eventStream(context.runtime.eventFeed, workspaceId, acceptUnlessStalled, options.after, {
    maxBuffered: subscriber?.maxPendingEvents,
    onTooSlow: disconnect,
  });
  return {
    next: async () => {
      for (;;) {
        const result = await events.next();
        if (result.done) return result;
        const principal = subscriber ? subscriber.principal() : context.principal;
        if (!principal) return events.return!();
        if (principal.workspaceId !== result.value.workspaceId) continue;
        if (options.authorize && !options.authorize(result.value, principal)) continue;
        context.clearLoaders();
        return result;
      }
    },
    return: () => events.return!(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
