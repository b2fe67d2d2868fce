import type { SqlFragment } from '../data/sql.js';
import type { ClassReference } from '../kernel/plugin.js';

/** Where a filter compiles: the SQL alias of the counterparty row being tested, and its workspace. */
export interface FilterScope {
  /** A quoted SQL reference to the counterparty table alias, e.g. `"c0"`. */
  counterparty: SqlFragment;
  workspaceId: string;
  /** A fresh, unused table alias for a sub-query. */
  alias(prefix: string): SqlFragment;
}

/**
 * A field a plugin adds to `CounterpartyFilter`; its value compiles to a boolean SQL expression
 * (typically an `EXISTS` sub-query), so filtering never happens in JavaScript.
 *
 * @example
 * { field: 'orders', type: () => OrderRelationFilter,
 *   compile: (value, scope) => sql`exists (select 1 from "order" o where o.workspace_id = ${scope.workspaceId}
 *     and o.counterparty_id = ${scope.counterparty}.id)` }
 */
export interface CounterpartyFilterExtension {
  field: string;
  description?: string;
  /** A type-graphql input class. */
  type: () => ClassReference;
  compile(value: unknown, scope: FilterScope): SqlFragment;
}
