import type { SqlFragment } from '../../data/sql.js';
import type { RequestContext } from '../../kernel/context.js';
import type { ClassReference } from '../../kernel/plugin.js';

/** Where a timeline source selects from: one counterparty (a SQL column reference) of one workspace. */
export interface TimelineScope {
  workspaceId: string;
  /** Compare your counterparty column with it: `counterparty_id = ${scope.counterpartyId}`. */
  counterpartyId: SqlFragment;
}

/**
 * An entry type of the counterparty timeline. The core merges every source in one SQL query
 * (ordered by time, paginated by keyset), then asks each source to load its page's entries.
 *
 * @example
 * {
 *   kind: 'sales.orderPlaced',
 *   type: () => OrderPlacedEntry, // @ObjectType({ implements: TimelineEntry })
 *   entries: ({ workspaceId, counterpartyId }) => sql`select id, placed_at as occurred_at from "order"
 *     where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId}`,
 *   load: async (ctx, ids) => (await ctx.loader(orderById).loadMany(ids)).map((order) => ({ order })),
 * }
 */
export interface TimelineSource {
  /** Unique across plugins, e.g. `sales.orderPlaced`. */
  kind: string;
  /** The GraphQL object type of the entries; it implements the `TimelineEntry` interface. */
  type: () => ClassReference;
  /** Selects `id` (uuid) and `occurred_at` (timestamptz) of this source's entries in scope. */
  entries(scope: TimelineScope): SqlFragment;
  /**
   * Loads the entries' own fields by id, one object per id in order; the core adds `id`,
   * `occurredAt` and `kind`.
   */
  load(ctx: RequestContext, ids: readonly string[]): Promise<ReadonlyArray<object | null | Error>>;
}
