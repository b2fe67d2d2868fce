import { sql, queryRows } from '../../data/sql.js';
import { defineLoader, oneByKey } from '../../kernel/loaders.js';
import type { UserType } from './user.type.js';

/** Users of the caller's workspace by id. */
export const userById = defineLoader<string, UserType | null>(async (ctx, ids) => {
  const workspaceId = ctx.principal?.workspaceId;
  if (!workspaceId) return ids.map(() => null);
  const rows = await queryRows(
    ctx.em,
    sql<UserType>`select id, name, email, role from "user"
      where workspace_id = ${workspaceId} and id = any(${ids}::uuid[]) and deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.id);
});
