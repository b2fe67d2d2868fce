import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import { requirePermission, type RequestContext } from '../kernel/context.js';
import { newId } from '../data/ids.js';
import { sql } from '../data/sql.js';
import type { DomainEvent, DomainEventInput } from './domain-event.js';
import { EVENT_CHANNEL } from './event-feed.js';

/** What a write sees inside its transaction. */
export interface WriteContext {
  /** The transaction's EntityManager; changes are flushed before commit. */
  readonly em: EntityManager;
  readonly principal: Principal;
  /** Records an event; it is appended to the log in this transaction and published after commit. */
  emit(event: DomainEventInput): void;
}

async function appendToLog(em: EntityManager, principal: Principal, inputs: readonly DomainEventInput[]) {
  if (inputs.length === 0) return [];
  // Row-locks the workspace until commit: sequences of one workspace commit in order, with no gaps.
  const { rows } = await sql<{ last: string }>`
    update workspace set last_event_seq = last_event_seq + ${inputs.length}
    where id = ${principal.workspaceId} returning last_event_seq as last`.execute(em.getKysely());
  const firstSeq = Number(rows[0]!.last) - inputs.length + 1;
  const occurredAt = new Date();
  const events: DomainEvent[] = inputs.map((input, index) => ({
    ...input,
    counterpartyId: input.counterpartyId ?? null,
    changes: input.changes ?? null,
    id: newId(),
    workspaceId: principal.workspaceId,
    seq: firstSeq + index,
    actorId: principal.system ? null : principal.userId,
    occurredAt,
  }));
  const values = events.map(
    (e) => sql`(${e.workspaceId}, ${e.seq}, ${e.id}, ${e.type}, ${e.entityType}, ${e.entityId}, ${e.counterpartyId},
      ${e.actorId}, ${JSON.stringify(e.payload)}::jsonb, ${e.changes ? JSON.stringify(e.changes) : null}::jsonb, ${e.occurredAt},
      ${principal.origin ?? null})`,
  );
  await sql`insert into event_log_entry (workspace_id, seq, id, type, entity_type, entity_id, counterparty_id,
      actor_id, payload, changes, occurred_at, origin) values ${sql.join(values)}`.execute(em.getKysely());
  // PostgreSQL delivers a notification only when its transaction commits: no event of a rolled-back write.
  await sql`select pg_notify(${EVENT_CHANNEL}, ${`${principal.workspaceId}:${firstSeq + inputs.length - 1}`})`.execute(
    em.getKysely(),
  );
  return events;
}

/**
 * Runs a change in one transaction: checks the caller's permission, flushes the unit of work,
 * runs plugins' in-transaction hooks, appends the recorded events to the log, commits, and only
 * then publishes the events. A thrown error rolls everything back and publishes nothing.
 */
export async function write<T>(
  ctx: RequestContext,
  permission: string,
  work: (tx: WriteContext) => Promise<T>,
): Promise<T> {
  const principal = requirePermission(ctx, permission);
  const { result, events } = await ctx.em.transactional(async (em) => {
    const recorded: DomainEventInput[] = [];
    const tx: WriteContext = { em: em as EntityManager, principal, emit: (event) => void recorded.push(event) };
    const result = await work(tx);
    await em.flush();
    // Hooks may emit further events; those get their hooks run in turn.
    for (let i = 0; i < recorded.length; i++) {
      for (const hook of ctx.runtime.inTransactionHooks(recorded[i]!.type)) await hook(recorded[i]!, tx);
    }
    await em.flush();
    return { result, events: await appendToLog(em as EntityManager, principal, recorded) };
  });
  if (events.length) ctx.runtime.eventFeed.committed(principal.workspaceId);
  ctx.runtime.eventBus.publish(events);
  return result;
}
