import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Workspace } from '../domain/workspace/workspace.entity.js';

/**
 * The append-only log of domain events: written in the transaction of the change it records,
 * read by subscriptions (resume after a sequence), triggers and webhooks, and kept as the audit trail.
 */
@Entity()
@Index({ properties: ['workspace', 'entityId', 'seq'] })
@Index({ properties: ['workspace', 'type', 'seq'] })
export class EventLogEntry {
  @ManyToOne(() => Workspace, { primary: true, deleteRule: 'cascade' })
  workspace!: Workspace;

  /** Increases by one per event within a workspace, in commit order. */
  @PrimaryKey({ type: 'bigint' })
  seq!: number;

  @Property({ type: 'uuid', unique: true })
  id!: string;

  /** e.g. `counterparty.created`, `sales.dealWon`. */
  @Property()
  type!: string;

  @Property()
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** The counterparty the event concerns, if any: subscriptions filter on it. */
  @Property({ type: 'uuid', nullable: true })
  counterpartyId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** For updates: each changed field with its old and new value. */
  @Property({ type: 'json', nullable: true })
  changes: Record<string, { old: unknown; new: unknown }> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt!: Date;

  /** What made the change besides its actor, e.g. `trigger:<rule id>`; null for a direct request. */
  @Property({ nullable: true })
  origin: string | null = null;
}
