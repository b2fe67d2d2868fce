import { queryRows, sql, type SqlFragment } from '../data/sql.js';
import type { RequestContext } from '../kernel/context.js';
import { defineLoader, type LoaderFactory } from '../kernel/loaders.js';
import { toConnection, type Connection, type CursorPosition, type PageWindow } from './connection.js';

/** One parent's page of a nested connection (e.g. one counterparty's interactions). */
export interface ChildPageKey {
  parentId: string;
  window: PageWindow;
  /** Every argument but the parent, serialised: keys with equal arguments share one statement. */
  argsKey: string;
}

export interface ChildPageSpec<K extends ChildPageKey, Row, Raw = Row> {
  /**
   * Selects one parent's page: rows whose parent column equals `parent`, in page order, limited to
   * `window.limit + 1`. `key` is any key of the group (they share their arguments).
   */
  select(ctx: RequestContext, parent: SqlFragment, key: K): SqlFragment;
  /** Shapes a selected row for GraphQL, when the columns are not the object yet. */
  fromRow?(raw: Raw): Row;
  parentOf(row: Row): string;
  positionOf(row: Row): CursorPosition;
}

/**
 * Declares the loader of a nested connection: the pages of all parents asked for in one tick load
 * in one statement per distinct argument set, a LATERAL sub-query per parent reading its page from
 * the parent's index range.
 */
export function defineChildPageLoader<K extends ChildPageKey, Row, Raw = Row>(
  spec: ChildPageSpec<K, Row, Raw>,
): LoaderFactory<K, Connection<Row>> {
  return defineLoader<K, Connection<Row>>(
    async (ctx, keys) => {
      const pages = new Map<K, Connection<Row>>();
      await Promise.all(
        [...Map.groupBy(keys, (key) => key.argsKey).values()].map(async (group) => {
          const first = group[0]!;
          const raw = await queryRows(
            ctx.em,
            sql<Raw>`select page.* from unnest(${group.map((key) => key.parentId)}::uuid[]) as parent(id)
              cross join lateral (${spec.select(ctx, sql`parent.id`, first)}) page`,
          );
          const rows = spec.fromRow ? raw.map((row) => spec.fromRow!(row)) : (raw as unknown as Row[]);
          const byParent = Map.groupBy(rows, spec.parentOf);
          for (const key of group)
            pages.set(key, toConnection(byParent.get(key.parentId) ?? [], key.window, spec.positionOf));
        }),
      );
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKey: (key) => `${key.parentId}|${key.argsKey}` },
  );
}
