import { sql, type SqlFragment } from '@kontra/core';

/** An order (alias `o`) counts as a sale unless it was deleted, cancelled or refunded. */
export function countedOrder(o: SqlFragment): SqlFragment {
  return sql`${o}.deleted_at is null and ${o}.status not in ('CANCELLED', 'REFUNDED')`;
}

export interface SegmentFilter {
  role?: string | null;
  tag?: string | null;
  ownerId?: string | null;
}

/**
 * `column` names a counterparty of the segment: all conditions hold, and it is not deleted. Without
 * conditions only the (few) deleted ones are looked up.
 */
export function inSegment(workspaceId: string | null, column: SqlFragment, filter: SegmentFilter = {}): SqlFragment {
  const conditions = [];
  if (filter.role) conditions.push(sql`c.roles @> array[${filter.role}]::text[]`);
  if (filter.tag) conditions.push(sql`c.tags @> array[${filter.tag}]::text[]`);
  if (filter.ownerId) conditions.push(sql`c.owner_id = ${filter.ownerId}::uuid`);
  if (!conditions.length) {
    return sql`${column} not in (select c.id from counterparty c where c.workspace_id = ${workspaceId} and c.deleted_at is not null)`;
  }
  return sql`${column} in (select c.id from counterparty c where c.workspace_id = ${workspaceId} and c.deleted_at is null
    and ${sql.join(conditions, sql` and `)})`;
}
