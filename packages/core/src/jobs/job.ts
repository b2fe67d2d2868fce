import type { KontraRuntime } from '../kernel/runtime.js';

/**
 * A durable background job a plugin runs on PostgreSQL (pg-boss): it survives restarts and is
 * retried with back-off when it throws. Delivery is at least once, so `run` must be idempotent.
 *
 * @example
 * defineJob({
 *   name: 'support.slaSweep',
 *   everySeconds: 30,
 *   run: async (_data, runtime) => { await markBreaches(runtime); },
 * })
 */
export interface JobDefinition<TData extends object = object> {
  /** Unique across plugins; prefix it with the plugin's name. Letters, digits, `_ . - /`. */
  readonly name: string;
  readonly run: (data: TData, runtime: KontraRuntime) => Promise<void>;
  /**
   * Also run it on a schedule: once per period across all server instances. A number of seconds,
   * or a function of the runtime (to read it from the plugin's configuration).
   */
  readonly everySeconds?: number | ((runtime: KontraRuntime) => number);
  /** Retries after a failure, with exponential back-off from 1 s (default 5). */
  readonly retryLimit?: number;
}

/** Checks a job against its data type, then hands it to the plugin contract, which takes any job. */
export function defineJob<TData extends object>(job: JobDefinition<TData>): JobDefinition {
  return job as unknown as JobDefinition;
}
