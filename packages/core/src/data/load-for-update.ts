import { LockMode, type EntityName } from '@mikro-orm/core';
import type { WriteContext } from '../events/write.js';
import { conflict, notFound } from '../graphql/errors.js';
import { isId } from './ids.js';
import type { WorkspaceScopedEntity } from './workspace-scoped.entity.js';

export interface LoadForUpdateOptions {
  /** The version the caller read; a different current version is a CONFLICT. */
  expectedVersion?: number;
  /** Whether a soft-deleted row may be loaded (to restore it). */
  deleted?: 'exclude' | 'include' | 'only';
  /** The type name for error messages, e.g. `Counterparty`. */
  label: string;
}

/**
 * Loads a row of the caller's workspace and locks it until commit, so concurrent writers queue
 * and the later one sees the newer version (a CONFLICT) instead of overwriting it.
 */
export async function loadForUpdate<T extends WorkspaceScopedEntity>(
  tx: WriteContext,
  entity: EntityName<T>,
  id: string,
  options: LoadForUpdateOptions,
): Promise<T> {
  if (!isId(id)) throw notFound(options.label, id);
  const row = await tx.em.findOne(entity, { id, workspace: tx.principal.workspaceId } as never, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    filters: false,
  });
  const deleted = options.deleted ?? 'exclude';
  if (!row || (deleted === 'exclude' && row.deletedAt) || (deleted === 'only' && !row.deletedAt)) {
    throw notFound(options.label, id);
  }
  if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) {
    throw conflict(options.label, id, options.expectedVersion, row.version);
  }
  return row;
}

/** The fields whose value differs between two snapshots, with both values, for the event log. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T & string)[],
): Record<string, { old: unknown; new: unknown }> {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { old: before[key], new: after[key] };
  }
  return changes;
}

export interface SoftDeleteOptions<T> {
  /** The type name for errors and events, e.g. `Interaction` (events: `interaction.deleted`). */
  label: string;
  /** The counterparty the row concerns, for event subscribers following one counterparty. */
  counterpartyIdOf: (row: T) => string | null;
  /** What the event carries besides the id, e.g. a display name. */
  payloadOf: (row: T) => Record<string, unknown>;
}

/**
 * Moves a row to the trash (`deleted: true`) or restores it, checking the version the caller read
 * and recording `<label>.deleted` or `<label>.restored`.
 */
export async function setSoftDeleted<T extends WorkspaceScopedEntity>(
  tx: WriteContext,
  entity: EntityName<T>,
  id: string,
  version: number,
  deleted: boolean,
  options: SoftDeleteOptions<T>,
): Promise<T> {
  const row = await loadForUpdate(tx, entity, id, {
    expectedVersion: version,
    deleted: deleted ? 'exclude' : 'only',
    label: options.label,
  });
  row.deletedAt = deleted ? new Date() : null;
  const prefix = options.label.charAt(0).toLowerCase() + options.label.slice(1);
  tx.emit({
    type: `${prefix}.${deleted ? 'deleted' : 'restored'}`,
    entityType: options.label,
    entityId: row.id,
    counterpartyId: options.counterpartyIdOf(row),
    payload: options.payloadOf(row),
  });
  return row;
}

/**
 * A live (not soft-deleted) row of the caller's workspace by id, or null: for ids a write's input
 * refers to, which the write reports as a field problem when they name nothing.
 */
export async function findLive<T extends WorkspaceScopedEntity>(
  tx: WriteContext,
  entity: EntityName<T>,
  id: string | null | undefined,
): Promise<T | null> {
  if (!id || !isId(id)) return null;
  return tx.em.findOne(entity, { id, workspace: tx.principal.workspaceId, deletedAt: null } as never);
}
