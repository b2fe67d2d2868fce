import { BACKGROUND, queryRows, sql, type DomainEvent, type EntityManager, type KontraRuntime } from '@kontra/core';
import { countedOrder } from './conditions.js';

export interface Metric {
  name: string;
  value: string;
}

export interface DashboardSnapshot {
  asOf: Date;
  metrics: Metric[];
}

/** A burst of events (1,000 orders) becomes one recomputation per this many milliseconds. */
const COALESCE_MS = 500;

const SALES = [
  'sales.orderPlaced',
  'sales.orderStatusChanged',
  'sales.orderCancelled',
  'sales.dealCreated',
  'sales.dealStageChanged',
  'sales.dealWon',
  'sales.dealLost',
  'sales.dealReopened',
  'sales.dealUpdated',
];
const SUPPORT = [
  'support.ticketCreated',
  'support.ticketStatusChanged',
  'support.ticketAssigned',
  'support.slaBreached',
];

async function salesMetrics(em: EntityManager, workspaceId: string, day: string, timeZone: string): Promise<Metric[]> {
  const [row] = await queryRows(
    em,
    sql<{
      orders: number;
      revenue: { currency: string; total: string }[] | null;
      openDeals: number;
      openDealValue: string | null;
    }>`${BACKGROUND}
      select
        (select count(*)::int from sales_order o where workspace_id = ${workspaceId} and ${countedOrder(sql.ref('o'))}
          and (placed_at at time zone ${timeZone})::date = ${day}::date) as orders,
        (select json_agg(json_build_object('currency', currency, 'total', total::text) order by currency) from (
          select currency, sum(total) as total from sales_order o where workspace_id = ${workspaceId} and ${countedOrder(sql.ref('o'))}
            and (placed_at at time zone ${timeZone})::date = ${day}::date
          group by currency) r) as revenue,
        (select count(*)::int from sales_deal d join sales_stage s on s.id = d.stage_id
          where d.workspace_id = ${workspaceId} and d.deleted_at is null and s.kind = 'OPEN') as "openDeals",
        (select sum(d.amount)::text from sales_deal d join sales_stage s on s.id = d.stage_id
          where d.workspace_id = ${workspaceId} and d.deleted_at is null and s.kind = 'OPEN') as "openDealValue"`,
  );
  return [
    { name: 'orders today', value: String(row!.orders) },
    ...(row!.revenue ?? []).map((r) => ({ name: `revenue today (${r.currency})`, value: r.total })),
    { name: 'open deals', value: String(row!.openDeals) },
    { name: 'open deal value', value: row!.openDealValue ?? '0' },
  ];
}

async function supportMetrics(
  em: EntityManager,
  workspaceId: string,
  day: string,
  timeZone: string,
): Promise<Metric[]> {
  const [row] = await queryRows(
    em,
    sql<{ open: number; unassigned: number; breaches: number }>`${BACKGROUND}
      select count(*) filter (where status not in ('RESOLVED', 'CLOSED'))::int as open,
        count(*) filter (where status not in ('RESOLVED', 'CLOSED') and assignee_id is null)::int as unassigned,
        (count(*) filter (where (first_response_breached_at at time zone ${timeZone})::date = ${day}::date)
          + count(*) filter (where (resolution_breached_at at time zone ${timeZone})::date = ${day}::date))::int as breaches
      from support_ticket where workspace_id = ${workspaceId} and deleted_at is null`,
  );
  return [
    { name: 'open tickets', value: String(row!.open) },
    { name: 'unassigned tickets', value: String(row!.unassigned) },
    { name: 'SLA breaches today', value: String(row!.breaches) },
  ];
}

type Listener = (snapshot: DashboardSnapshot) => void;

/**
 * One workspace's live dashboard: computed once however many dashboards listen, recomputed when a
 * relevant event commits, at most once per COALESCE_MS.
 */
class WorkspaceDashboard {
  readonly listeners = new Set<Listener>();
  latest: DashboardSnapshot | null = null;
  #timer: NodeJS.Timeout | null = null;
  #computing: Promise<void> | null = null;
  #stopFeed: (() => void) | null = null;

  constructor(
    private readonly runtime: KontraRuntime,
    private readonly workspaceId: string,
    private readonly onIdle: () => void,
  ) {}

  async start(): Promise<void> {
    const relevant = new Set([...(this.#has('sales') ? SALES : []), ...(this.#has('support') ? SUPPORT : [])]);
    this.#stopFeed = await this.runtime.eventFeed.subscribe(this.workspaceId, (event: DomainEvent) => {
      if (relevant.has(event.type)) this.#schedule();
    });
    await this.#compute();
  }

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#stopFeed?.();
    this.onIdle();
  }

  #has(plugin: string): boolean {
    return this.runtime.plugins.some((p) => p.name === plugin);
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#compute();
    }, COALESCE_MS);
  }

  async #compute(): Promise<void> {
    // One computation at a time; events arriving meanwhile schedule the next.
    if (this.#computing) return this.#schedule();
    this.#computing = (async () => {
      const em = this.runtime.orm.em.fork() as EntityManager;
      const { reportingTimeZone: timeZone } = this.runtime.config('analytics');
      const asOf = this.runtime.now();
      const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(asOf);
      const metrics = [
        ...(this.#has('sales') ? await salesMetrics(em, this.workspaceId, day, timeZone) : []),
        ...(this.#has('support') ? await supportMetrics(em, this.workspaceId, day, timeZone) : []),
      ];
      this.latest = { asOf, metrics };
      for (const listener of this.listeners) listener(this.latest);
    })().finally(() => (this.#computing = null));
    return this.#computing;
  }
}

const dashboards = new WeakMap<KontraRuntime, Map<string, Promise<WorkspaceDashboard>>>();

/** The shared dashboard of a workspace, started on first use and stopped when nobody listens. */
export function workspaceDashboard(runtime: KontraRuntime, workspaceId: string): Promise<WorkspaceDashboard> {
  let byWorkspace = dashboards.get(runtime);
  if (!byWorkspace) dashboards.set(runtime, (byWorkspace = new Map()));
  let dashboard = byWorkspace.get(workspaceId);
  if (!dashboard) {
    const created = new WorkspaceDashboard(runtime, workspaceId, () => byWorkspace.delete(workspaceId));
    dashboard = created.start().then(() => created);
    byWorkspace.set(workspaceId, dashboard);
  }
  return dashboard;
}
