import { queryRows, sql, type EntityManager, type RequestContext } from '@kontra/core';

/**
 * Sort and hash memory for one analytical statement, above PostgreSQL's 4 MB default: counting
 * distinct customers over a year of basket items then sorts in memory instead of on disk.
 */
const WORK_MEM = '32MB';

/** Runs one analytical statement in its own transaction, with `WORK_MEM` for its sorts and hashes. */
export function analyticRows<Row>(ctx: RequestContext, statement: ReturnType<typeof sql<Row>>): Promise<Row[]> {
  return ctx.em.fork().transactional(async (tx) => {
    const em = tx as unknown as EntityManager;
    await queryRows(em, sql`select set_config('work_mem', ${WORK_MEM}, true)`);
    return queryRows(em, statement);
  });
}
