import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { RequestContext } from '@kontra/core';

/** How long a computed payload is kept for the other subscribers of the same event. */
const SHARE_MS = 10_000;

/**
 * GraphQL `subscribe` that computes each event's payload once per (workspace, role, query,
 * variables), however many subscribers share them, and hands every one of them the same result.
 * Subscribers still filter and authorise events on their own streams. The contract this relies
 * on: what a subscription's payload resolves to depends on the workspace and role, not on which
 * user of that role asks (documented in the plugin contract).
 */
export class SharedSubscriptions {
  readonly #results = new Map<string, { result: Promise<ExecutionResult>; at: number }>();
  readonly #timer: NodeJS.Timeout;

  constructor() {
    this.#timer = setInterval(() => this.#prune(), SHARE_MS);
    this.#timer.unref();
  }

  readonly subscribe = async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
    const principal = (args.contextValue as RequestContext).principal;
    const shareKey = [
      principal?.workspaceId,
      principal?.role,
      args.operationName ?? '',
      print(args.document),
      JSON.stringify(args.variableValues ?? {}),
    ].join('\u0000');
    const events = source as AsyncIterableIterator<{ id?: string }>;
    const payload = (event: { id?: string }) => {
      const run = () => execute({ ...args, rootValue: event }) as Promise<ExecutionResult> | ExecutionResult;
      if (!event?.id) return run();
      const key = `${shareKey}\u0000${event.id}`;
      let shared = this.#results.get(key);
      if (!shared) {
        shared = { result: Promise.resolve(run()), at: Date.now() };
        this.#results.set(key, shared);
      }
      return shared.result;
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      next: async () => {
        const next = await events.next();
        return next.done ? next : { value: await payload(next.value), done: false };
      },
      return: async () => {
        await events.return?.();
        return { value: undefined, done: true };
      },
      throw: async (error: unknown) => {
        await events.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  };

  stop(): void {
    clearInterval(this.#timer);
    this.#results.clear();
  }

  #prune(): void {
    const horizon = Date.now() - SHARE_MS;
    for (const [key, entry] of this.#results) {
      if (entry.at >= horizon) break;
      this.#results.delete(key);
    }
  }
}
