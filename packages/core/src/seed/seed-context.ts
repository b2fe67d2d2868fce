import type { RequestContext } from '../kernel/context.js';
import type { WriteContext } from '../events/write.js';

/** What a plugin's `seed` hook gets to fill a demo workspace with believable data. */
export interface SeedContext {
  /** A request context acting as the workspace's admin, for reads and the plugins' configuration. */
  readonly request: RequestContext;
  /**
   * One transaction as the admin, on a fresh entity manager each time, so a seed of thousands of
   * rows written in many batches stays linear instead of re-checking every earlier row on flush.
   */
  write<T>(permission: string, work: (tx: WriteContext) => Promise<T>): Promise<T>;
  /** Deterministic pseudo-random numbers in [0, 1), so every seed gives the same demo data. */
  random(): number;
  /** Reports progress of a long step, e.g. `progress('interactions', 400, 2000)`. */
  progress(step: string, done: number, total: number): void;
  /** Ids of what earlier seeds created, by kind (`counterparties`, `users`, …), for later plugins. */
  readonly created: Map<string, string[]>;
}

/** mulberry32: a tiny, well-distributed 32-bit generator; good enough for demo data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One of the values, each as likely as its weight, e.g. `weighted(random, [['CALL', 35], ['NOTE', 9]])`. */
export function weighted<T>(random: () => number, weights: readonly [T, number][]): T {
  let roll = random() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
  return weights[0]![0];
}
