import type { SqlFragment } from '../../data/sql.js';
import type { RequestContext } from '../../kernel/context.js';
import type { ClassReference } from '../../kernel/plugin.js';

/** Where a timeline source selects from: one counterparty of one workspace. */
export interface TimelineScope {
  workspaceId: string;
  counterpartyId: string;
}

/**
 * An entry type of the counterparty timeline. The core merges every source in one SQL query
 * (ordered by time, paginated by keyset), then asks each source to load its page's entries.
 *
 * @example
 * { kind: 'sales.orderPlaced', type: () => OrderPlacedEntry,
 *   entries: ({ workspaceId, counterpartyId }) => sql`select id, placed_at as occurred_at from "order"
 *     where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId}`,
 *   load: (ctx, ids) => ctx.loader(orderPlacedEntryById).loadMany(ids) }
 */
export interface TimelineSource {
  /** Unique across plugins, e.g. `sales.orderPlaced`. */
  kind: string;
  /** The GraphQL object type of the entries; it implements the `TimelineEntry` interface. */
  type: () => ClassReference;
  /** Selects `id` (uuid) and `occurred_at` (timestamptz) of this source's entries in scope. */
  entries(scope: TimelineScope): SqlFragment;
  /** Loads entries by id, one result per id in order, as instances of `type`. */
  load(ctx: RequestContext, ids: readonly string[]): Promise<ReadonlyArray<object | null | Error>>;
}
