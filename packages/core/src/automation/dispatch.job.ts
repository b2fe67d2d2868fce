import type { EntityManager } from '@mikro-orm/postgresql';
import { BACKGROUND, queryRows, sql } from '../data/sql.js';
import { readEventRows, toEvent } from '../events/event-rows.js';
import type { DomainEvent } from '../events/domain-event.js';
import { defineJob } from '../jobs/job.js';
import type { KontraRuntime } from '../kernel/runtime.js';
import { conditionsHold } from './trigger-conditions.js';

const PAGE = 500;

interface EndpointRow {
  id: string;
  eventTypes: string[];
  sinceSeq: string;
}

interface RuleRow {
  id: string;
  eventType: string;
  conditions: { path: string; equals: unknown }[];
  sinceSeq: string;
}

/** Workspaces with an active endpoint or rule and events their cursor has not reached. */
async function workspacesBehind(em: EntityManager) {
  return queryRows(
    em,
    sql<{ id: string }>`${BACKGROUND} select w.id from workspace w
      left join automation_cursor c on c.workspace_id = w.id
      where w.last_event_seq > coalesce(c.last_seq, 0)
        and (exists (select 1 from webhook_endpoint e where e.workspace_id = w.id and e.active and e.deleted_at is null)
          or exists (select 1 from trigger_rule r where r.workspace_id = w.id and r.active and r.deleted_at is null))`,
  );
}

/**
 * Reads one workspace's new events and records, in one transaction with the cursor's advance, a
 * delivery per matching endpoint and a run per matching rule, each with its job. A row is unique
 * per (endpoint or rule, event), so a dispatcher crashing half-way and starting over adds nothing twice.
 */
async function dispatchWorkspace(runtime: KontraRuntime, workspaceId: string): Promise<number> {
  return (runtime.orm.em.fork() as EntityManager).transactional(async (em) => {
    // A workspace's first dispatch starts at its oldest active endpoint's or rule's start.
    await queryRows(
      em,
      sql`insert into automation_cursor (workspace_id, last_seq)
        select ${workspaceId}, coalesce(least(
          (select min(since_seq) from webhook_endpoint where workspace_id = ${workspaceId} and active and deleted_at is null),
          (select min(since_seq) from trigger_rule where workspace_id = ${workspaceId} and active and deleted_at is null)), 0)
        on conflict do nothing`,
    );
    // Another instance dispatching this workspace holds the lock: leave it to that one.
    const [cursor] = await queryRows(
      em,
      sql<{ lastSeq: string }>`select last_seq as "lastSeq" from automation_cursor
        where workspace_id = ${workspaceId} for update skip locked`,
    );
    if (!cursor) return 0;
    const events = (await readEventRows(em, workspaceId, cursor.lastSeq, { limit: PAGE })).map((row) => ({
      event: toEvent(row),
      origin: row.origin,
    }));
    if (events.length === 0) return 0;
    const endpoints = await queryRows(
      em,
      sql<EndpointRow>`select id, event_types as "eventTypes", since_seq as "sinceSeq" from webhook_endpoint
        where workspace_id = ${workspaceId} and active and deleted_at is null`,
    );
    const rules = await queryRows(
      em,
      sql<RuleRow>`select id, event_type as "eventType", conditions, since_seq as "sinceSeq" from trigger_rule
        where workspace_id = ${workspaceId} and active and deleted_at is null`,
    );
    let queued = 0;
    for (const { event, origin } of events) {
      for (const endpoint of endpoints) {
        if (event.seq <= Number(endpoint.sinceSeq)) continue;
        if (!endpoint.eventTypes.includes('*') && !endpoint.eventTypes.includes(event.type)) continue;
        queued += await queueDelivery(runtime, em, event, endpoint.id);
      }
      // A rule never fires on what a rule did, so rules cannot feed each other in a loop.
      if (origin?.startsWith('trigger:')) continue;
      for (const rule of rules) {
        if (event.seq <= Number(rule.sinceSeq) || rule.eventType !== event.type) continue;
        if (!conditionsHold(rule.conditions, event)) continue;
        queued += await queueRun(runtime, em, event, rule.id);
      }
    }
    await queryRows(
      em,
      sql`update automation_cursor set last_seq = ${events.at(-1)!.event.seq} where workspace_id = ${workspaceId}`,
    );
    return queued;
  });
}

/** Records a delivery of an event to an endpoint and enqueues its job, both in `em`'s transaction. */
export async function queueDelivery(
  runtime: KontraRuntime,
  em: EntityManager,
  event: DomainEvent,
  endpointId: string,
  replayOf: string | null = null,
): Promise<number> {
  const [row] = await queryRows(
    em,
    sql<{
      id: string;
    }>`insert into webhook_delivery (id, workspace_id, endpoint_id, event_id, event_seq, event_type, replay_of, status)
      values (gen_random_uuid(), ${event.workspaceId}, ${endpointId}, ${event.id}, ${event.seq}, ${event.type}, ${replayOf}::uuid, 'PENDING')
      on conflict (workspace_id, endpoint_id, event_id) where replay_of is null do nothing returning id`,
  );
  if (!row) return 0;
  await runtime.jobs.sendInTransaction(em, 'core.webhookDeliver', { deliveryId: row.id });
  return 1;
}

async function queueRun(runtime: KontraRuntime, em: EntityManager, event: DomainEvent, ruleId: string) {
  const [row] = await queryRows(
    em,
    sql<{ id: string }>`insert into trigger_run (id, workspace_id, rule_id, event_id, event_seq, status)
      values (gen_random_uuid(), ${event.workspaceId}, ${ruleId}, ${event.id}, ${event.seq}, 'PENDING')
      on conflict do nothing returning id`,
  );
  if (!row) return 0;
  await runtime.jobs.sendInTransaction(em, 'core.triggerRun', { runId: row.id });
  return 1;
}

/** Moves every workspace's new events to its webhooks and triggers. */
export async function dispatchAutomation(runtime: KontraRuntime): Promise<number> {
  let queued = 0;
  for (const { id } of await workspacesBehind(runtime.orm.em.fork() as EntityManager)) {
    queued += await dispatchWorkspace(runtime, id);
  }
  return queued;
}

export const automationDispatchJob = defineJob({
  name: 'core.automationDispatch',
  everySeconds: (runtime) => runtime.config('core').automationDispatchSeconds,
  run: async (_data, runtime) => {
    await dispatchAutomation(runtime);
  },
});
