import DataLoader from 'dataloader';
import type { RequestContext } from './context.js';

/** Creates one request's DataLoader; `ctx.loader(factory)` builds it once per request. */
export type LoaderFactory<K, V> = (ctx: RequestContext) => DataLoader<K, V>;

/**
 * Declares a batched loader. The batch function gets every key asked for in one tick and must
 * return one value per key, in key order.
 *
 * @example
 * const ownerById = defineLoader<string, UserRow | null>(async (ctx, ids) => {
 *   const rows = await queryRows(ctx.em, sql`select … where id = any(${ids})`);
 *   return ids.map((id) => rows.find((r) => r.id === id) ?? null);
 * });
 * // in a resolver: ctx.loader(ownerById).load(row.ownerId)
 */
export function defineLoader<K, V>(
  batch: (ctx: RequestContext, keys: readonly K[]) => Promise<readonly V[]>,
  options: { cacheKey?: (key: K) => unknown } = {},
): LoaderFactory<K, V> {
  return (ctx) =>
    new DataLoader<K, V, unknown>((keys) => batch(ctx, keys) as Promise<V[]>, {
      ...(options.cacheKey ? { cacheKeyFn: options.cacheKey } : {}),
    });
}

/** Per-request cache of loaders, keyed by factory. */
export class LoaderCache {
  readonly #loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  get<K, V>(factory: LoaderFactory<K, V>, ctx: RequestContext): DataLoader<K, V> {
    let loader = this.#loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(ctx) as DataLoader<unknown, unknown>;
      this.#loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }

  clear(): void {
    this.#loaders.clear();
  }
}

/** A batch's answer in key order: the row whose `keyOf` is each key, or null. */
export function oneByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A batch's answer in key order: every row whose `keyOf` is each key, in the rows' order. */
export function manyByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const byKey = Map.groupBy(rows, keyOf);
  return keys.map((key) => byKey.get(key) ?? []);
}
