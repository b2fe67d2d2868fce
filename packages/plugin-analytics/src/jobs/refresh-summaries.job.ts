import {
  BACKGROUND,
  defineJob,
  eventLogPosition,
  queryRows,
  readEventsAfter,
  sql,
  type EntityManager,
  type KontraRuntime,
} from '@kontra/core';
import { summaryRebuild } from '../services/summary-rebuild.js';

/** Events after which a customer's purchase summaries may have changed. */
const ORDER_EVENTS = new Set(['sales.orderPlaced', 'sales.orderStatusChanged', 'sales.orderCancelled']);

const PAGE = 1000;

interface RefreshState {
  lastSeq: string;
  timeZone: string;
}

/**
 * The customers whose summaries the workspace's events after `after` (up to `upTo`) may have
 * changed: those named by order events, and the buyers of products that moved to another category.
 */
async function changedCustomers(db: EntityManager, workspaceId: string, after: number, upTo: number) {
  const customers = new Set<string>();
  const recategorised: string[] = [];
  for (let from = after; ;) {
    const events = await readEventsAfter(db, workspaceId, from, { upTo, limit: PAGE });
    for (const event of events) {
      if (ORDER_EVENTS.has(event.type) && event.counterpartyId) customers.add(event.counterpartyId);
      if (event.type === 'sales.productUpdated' && event.changes?.categoryId) recategorised.push(event.entityId);
    }
    if (events.length < PAGE) break;
    from = events.at(-1)!.seq;
  }
  if (recategorised.length) {
    const buyers = await queryRows(
      db,
      sql<{ id: string }>`select distinct counterparty_id as id from analytics_first_purchase
        where workspace_id = ${workspaceId} and level = 'PRODUCT' and item_id = any(${recategorised}::uuid[])`,
    );
    for (const buyer of buyers) customers.add(buyer.id);
  }
  return [...customers];
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
      const upTo = await eventLogPosition(db, workspace.id);
      const [state] = await queryRows(
        db,
        sql<RefreshState>`select r.last_seq as "lastSeq", r.time_zone as "timeZone"
          from analytics_refresh r where r.workspace_id = ${workspace.id}`,
      );
      let customers: string[] | null = null;
      if (state && state.timeZone === reportingTimeZone) {
        customers = await changedCustomers(db, workspace.id, Number(state.lastSeq), upTo);
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
