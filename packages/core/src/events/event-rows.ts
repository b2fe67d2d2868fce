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
