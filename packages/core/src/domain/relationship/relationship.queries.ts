import { sql, queryRows } from '../../data/sql.js';
import { defineLoader } from '../../kernel/loaders.js';
import { workspaceIdOf } from '../../kernel/context.js';
import { RelationshipDirection } from './relationship-direction.js';
import type { RelationshipType } from './relationship.type.js';

export interface RelationshipsKey {
  counterpartyId: string;
  direction: RelationshipDirection;
  types: readonly string[] | null;
}

/** Every live relationship touching any of the counterparties, in one statement, split per key. */
export const relationshipsByCounterparty = defineLoader<RelationshipsKey, RelationshipType[]>(
  async (ctx, keys) => {
    const ids = [...new Set(keys.map((k) => k.counterpartyId))];
    const rows = await queryRows(
      ctx.em,
      sql<RelationshipType>`select id, from_id as "fromId", to_id as "toId", type, title,
          to_char(since, 'YYYY-MM-DD') as since, to_char(until, 'YYYY-MM-DD') as until, version,
          created_at as "createdAt", updated_at as "updatedAt"
        from relationship
        where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null
          and (from_id = any(${ids}::uuid[]) or to_id = any(${ids}::uuid[]))
        order by created_at, id`,
    );
    return keys.map(({ counterpartyId, direction, types }) =>
      rows.filter(
        (row) =>
          ((direction !== RelationshipDirection.INCOMING && row.fromId === counterpartyId) ||
            (direction !== RelationshipDirection.OUTGOING && row.toId === counterpartyId)) &&
          (!types || types.includes(row.type)),
      ),
    );
  },
  { cacheKey: (key) => `${key.counterpartyId}|${key.direction}|${key.types?.join(',') ?? ''}` },
);
