import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql } from '../data/sql.js';
import type { DomainEvent } from './domain-event.js';

/** An event_log_entry row as read with EVENT_COLUMNS. */
export interface EventRow {
  id: string;
  workspaceId: string;
  seq: string;
  type: string;
  entityType: string;
  entityId: string;
  counterpartyId: string | null;
  actorId: string | null;
  payload: Record<string, unknown>;
  changes: Record<string, { old: unknown; new: unknown }> | null;
  occurredAt: string;
  origin: string | null;
}

export const EVENT_COLUMNS = sql`id, workspace_id as "workspaceId", seq, type, entity_type as "entityType",
  entity_id as "entityId", counterparty_id as "counterpartyId", actor_id as "actorId", payload, changes,
  occurred_at as "occurredAt", origin`;

export function toEvent({ origin: _origin, ...row }: EventRow): DomainEvent {
  return { ...row, seq: Number(row.seq), occurredAt: new Date(row.occurredAt) };
}

/** One logged event by id, or null once retention has purged it. */
export async function readEvent(em: EntityManager, workspaceId: string, id: string): Promise<DomainEvent | null> {
  const [row] = await queryRows(
    em,
    sql<EventRow>`select ${EVENT_COLUMNS} from event_log_entry where workspace_id = ${workspaceId} and id = ${id}`,
  );
  return row ? toEvent(row) : null;
}

/**
 * A workspace's logged rows after `after` (and up to `upTo`, when given), in sequence order, at
 * most `limit` of them: a page of the log for whoever follows it with a cursor.
 */
export function readEventRows(
  em: EntityManager,
  workspaceId: string,
  after: number | string,
  { upTo, limit }: { upTo?: number | string; limit: number },
): Promise<EventRow[]> {
  return queryRows(
    em,
    sql<EventRow>`select ${EVENT_COLUMNS} from event_log_entry
      where workspace_id = ${workspaceId} and seq > ${after} ${upTo === undefined ? sql`` : sql`and seq <= ${upTo}`}
      order by seq limit ${limit}`,
  );
}

/** Like `readEventRows`, as events. */
export async function readEventsAfter(
  em: EntityManager,
  workspaceId: string,
  after: number | string,
  page: { upTo?: number | string; limit: number },
): Promise<DomainEvent[]> {
  return (await readEventRows(em, workspaceId, after, page)).map(toEvent);
}

/** The sequence of the workspace's latest logged event (0 before the first). */
export async function eventLogPosition(em: EntityManager, workspaceId: string): Promise<number> {
  const [row] = await queryRows(
    em,
    sql<{ last: string }>`select last_event_seq as last from workspace where id = ${workspaceId}`,
  );
  return Number(row?.last ?? 0);
}
