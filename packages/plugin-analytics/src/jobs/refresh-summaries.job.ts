import { BACKGROUND, defineJob, queryRows, sql, type EntityManager, type KontraRuntime } from '@kontra/core';
import { summaryRebuild } from '../services/summary-rebuild.js';

/** Events after which a customer's purchase summaries may have changed. */
const ORDER_EVENTS = ['sales.orderPlaced', 'sales.orderStatusChanged', 'sales.orderCancelled'];

interface RefreshState {
  lastSeq: string;
  timeZone: string;
}

/**
 * Brings every workspace's summaries up to date with its event log: the customers named by order
 * events since the last refresh, and the buyers of products that moved to another category, are
 * recomputed from their orders; a workspace seen for the first time or a new reporting time zone
 * rebuilds the workspace whole.
 * The refresh time, which results carry as `asOf`, is taken before the log is read, so every event
 * committed before `asOf` is in; the run's check time, before any refresh, is the `asOf` of the
 * workspaces found up to date. One transaction per workspace.
 */
export async function refreshSummaries(runtime: KontraRuntime): Promise<number> {
  if (!runtime.plugins.some((plugin) => plugin.name === 'sales')) return 0;
  const { reportingTimeZone } = runtime.config('analytics');
  const em = runtime.orm.em.fork() as EntityManager;
  // Workspaces found up to date now are complete as of this check (each refresh below is later).
  await queryRows(
    em,
    sql`${BACKGROUND} insert into analytics_check (singleton, checked_at) values (true, ${runtime.now()})
      on conflict (singleton) do update set checked_at = greatest(analytics_check.checked_at, excluded.checked_at)`,
  );
  const behind = await queryRows(
    em,
    sql<{ id: string }>`${BACKGROUND}
      select w.id from workspace w left join analytics_refresh r on r.workspace_id = w.id
      where r.workspace_id is null or w.last_event_seq > r.last_seq or r.time_zone <> ${reportingTimeZone}`,
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
      const asOf = runtime.now();
      const [{ upTo }] = (await queryRows(
        db,
        sql<{ upTo: string }>`select last_event_seq as "upTo" from workspace where id = ${workspace.id}`,
      )) as [{ upTo: string }];
      const [state] = await queryRows(
        db,
        sql<RefreshState>`select r.last_seq as "lastSeq", r.time_zone as "timeZone"
          from analytics_refresh r where r.workspace_id = ${workspace.id}`,
      );
      let customers: string[] | null = null;
      if (state && state.timeZone === reportingTimeZone) {
        const changed = await queryRows(
          db,
          sql<{ id: string }>`with events as (
              select * from event_log_entry where workspace_id = ${workspace.id} and seq > ${state.lastSeq} and seq <= ${upTo})
            select counterparty_id as id from events where type = any(${ORDER_EVENTS}) and counterparty_id is not null
            union
            select f.counterparty_id from events e join analytics_first_purchase f on f.workspace_id = ${workspace.id}
              and f.level = 'PRODUCT' and f.item_id = e.entity_id
            where e.type = 'sales.productUpdated' and e.changes ? 'categoryId'`,
        );
        customers = changed.map((c) => c.id);
      }
      // A whole workspace's rebuild sorts and groups millions of rows: let it do so in memory.
      if (customers === null) await queryRows(db, sql`set local work_mem = '256MB'`);
      if (customers === null || customers.length) {
        for (const statement of summaryRebuild(workspace.id, customers, reportingTimeZone)) {
          await queryRows(db, statement);
        }
      }
      await queryRows(
        db,
        sql`insert into analytics_refresh (workspace_id, last_seq, refreshed_at, time_zone)
          values (${workspace.id}, ${upTo}, ${asOf}, ${reportingTimeZone})
          on conflict (workspace_id) do update set last_seq = greatest(analytics_refresh.last_seq, excluded.last_seq),
            refreshed_at = excluded.refreshed_at, time_zone = excluded.time_zone`,
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
