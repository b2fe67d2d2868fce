import { BACKGROUND, defineJob, queryRows, sql, type EntityManager, type KontraRuntime } from '@kontra/core';

/** Events after which a customer's purchase summary may have changed. */
const ORDER_EVENTS = ['sales.orderPlaced', 'sales.orderStatusChanged', 'sales.orderCancelled'];

/** Recomputes the summaries of some customers (all when `counterpartyIds` is null) from the orders. */
function rebuild(workspaceId: string, counterpartyIds: string[] | null) {
  const only = counterpartyIds ? sql`and counterparty_id = any(${counterpartyIds}::uuid[])` : sql``;
  return [
    sql`delete from analytics_customer_summary where workspace_id = ${workspaceId} ${only}`,
    sql`insert into analytics_customer_summary (workspace_id, counterparty_id, currency, orders, revenue, first_order_at, last_order_at)
      select workspace_id, counterparty_id, currency, count(*), sum(total), min(placed_at), max(placed_at)
      from sales_order where workspace_id = ${workspaceId} and deleted_at is null and status not in ('CANCELLED', 'REFUNDED') ${only}
      group by workspace_id, counterparty_id, currency`,
  ];
}

/**
 * Brings every workspace's customer summaries up to date with its event log: the customers named
 * by order events since the last refresh are recomputed from their orders (a workspace seen for
 * the first time is built whole), and the refresh time, which results carry as `asOf`, advances,
 * all in one transaction per workspace.
 */
export async function refreshSummaries(runtime: KontraRuntime): Promise<number> {
  if (!runtime.plugins.some((plugin) => plugin.name === 'sales')) return 0;
  const em = runtime.orm.em.fork() as EntityManager;
  const behind = await queryRows(
    em,
    sql<{ id: string; currentSeq: string }>`${BACKGROUND}
      select w.id, w.last_event_seq as "currentSeq" from workspace w
      left join analytics_refresh r on r.workspace_id = w.id
      where r.workspace_id is null or w.last_event_seq > r.last_seq`,
  );
  for (const workspace of behind) {
    await em.fork().transactional(async (tx) => {
      const db = tx as unknown as EntityManager;
      // Another instance refreshing this workspace holds the lock: leave it to that one.
      const [lock] = await queryRows(
        db,
        sql<{
          got: boolean;
        }>`select pg_try_advisory_xact_lock(hashtext('analytics_refresh'), hashtext(${workspace.id})) as got`,
      );
      if (!lock?.got) return;
      const [current] = await queryRows(
        db,
        sql<{
          lastSeq: string;
        }>`select last_seq as "lastSeq" from analytics_refresh where workspace_id = ${workspace.id}`,
      );
      const upTo = workspace.currentSeq;
      if (!current) {
        for (const statement of rebuild(workspace.id, null)) await queryRows(db, statement);
      } else {
        const changed = await queryRows(
          db,
          sql<{ id: string }>`select distinct counterparty_id as id from event_log_entry
            where workspace_id = ${workspace.id} and seq > ${current.lastSeq} and seq <= ${upTo}
              and type = any(${ORDER_EVENTS}) and counterparty_id is not null`,
        );
        const ids = changed.map((c) => c.id);
        if (ids.length) for (const statement of rebuild(workspace.id, ids)) await queryRows(db, statement);
      }
      await queryRows(
        db,
        sql`insert into analytics_refresh (workspace_id, last_seq, refreshed_at) values (${workspace.id}, ${upTo}, ${runtime.now()})
          on conflict (workspace_id) do update set last_seq = greatest(analytics_refresh.last_seq, excluded.last_seq),
            refreshed_at = excluded.refreshed_at`,
      );
    });
  }
  return behind.length;
}

export const refreshSummariesJob = defineJob({
  name: 'analytics.refreshSummaries',
  everySeconds: (runtime) => runtime.config('analytics').summaryRefreshSeconds,
  run: async (_data, runtime) => {
    await refreshSummaries(runtime);
  },
});
