import type { KontraEventMap } from '../kernel/registries.js';

/** A change to record, as a write hands it to the event log. */
export interface DomainEventInput<TType extends string = string, TPayload = unknown> {
  type: TType;
  entityType: string;
  entityId: string;
  /** The counterparty the event concerns, so subscribers can follow one counterparty. */
  counterpartyId?: string | null;
  payload: TPayload;
  /** For updates: each changed field with its old and new value. */
  changes?: Record<string, { old: unknown; new: unknown }> | null;
}

/** An event as stored in the log and delivered after commit. */
export interface DomainEvent<TType extends string = string, TPayload = unknown> extends DomainEventInput<
  TType,
  TPayload
> {
  id: string;
  workspaceId: string;
  seq: number;
  actorId: string | null;
  occurredAt: Date;
}

/** The payload type of a registered event type, or `unknown` for one not registered. */
export type EventPayload<TType extends string> = TType extends keyof KontraEventMap ? KontraEventMap[TType] : unknown;
