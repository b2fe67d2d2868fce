import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { WorkspaceOwnedEntity, WorkspaceScopedEntity } from '../data/workspace-scoped.entity.js';
import { User } from '../domain/workspace/user.entity.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';
import { RunStatus } from './automation.enums.js';

/** A URL an integrator subscribed to event types; deliveries are signed with its secret. */
@Entity({ tableName: 'webhook_endpoint' })
@Index({ properties: ['workspace', 'active'] })
export class WebhookEndpoint extends WorkspaceScopedEntity {
  @Property({ length: 2048 })
  url!: string;

  /** HMAC-SHA256 key; shown once, when the endpoint is created. */
  @Property({ hidden: true })
  secret!: string;

  /** Event types delivered (`*` for all). */
  @Property({ type: 'text[]' })
  eventTypes!: string[];

  @Property()
  active = true;

  /** Only events after this sequence are delivered: an endpoint does not receive history. */
  @Property({ type: 'bigint' })
  sinceSeq!: number;
}

/**
 * One event on its way to one endpoint: every attempt is recorded, and it can be replayed. A first
 * delivery is unique per (workspace, endpoint, event) (a partial unique index, in the migration).
 */
@Entity({ tableName: 'webhook_delivery' })
@Index({ properties: ['workspace', 'endpoint', 'createdAt'] })
export class WebhookDelivery extends WorkspaceOwnedEntity {
  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'bigint' })
  eventSeq!: number;

  @Property()
  eventType!: string;

  /** The delivery this one replays; null for a first delivery. */
  @Property({ type: 'uuid', nullable: true })
  replayOf: string | null = null;

  @Enum({ items: () => RunStatus, nativeEnumName: 'automation_run_status' })
  status: RunStatus = RunStatus.PENDING;

  @Property()
  attempts = 0;

  @Property({ type: 'int', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A workspace-defined rule: on an event of a type, if its conditions hold, run actions. */
@Entity({ tableName: 'trigger_rule' })
@Index({ properties: ['workspace', 'active'] })
export class TriggerRule extends WorkspaceScopedEntity {
  @Property()
  name!: string;

  @Property()
  eventType!: string;

  /** `[{ path: 'payload.priority', equals: 'URGENT' }]`: all must hold. */
  @Property({ type: 'json' })
  conditions!: { path: string; equals: unknown }[];

  /** What to do, in order; see `TriggerActionInput`. */
  @Property({ type: 'json' })
  actions!: TriggerAction[];

  @Property()
  active = true;

  /** Actions act with this user's authority. */
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  createdBy!: User;

  @Property({ type: 'bigint' })
  sinceSeq!: number;
}

export type TriggerAction =
  | { type: 'CREATE_TASK'; subject: string; body?: string | null }
  | { type: 'ASSIGN_OWNER'; userId: string }
  | { type: 'NOTIFY_WEBHOOK'; endpointId: string };

/** One rule run for one event: unique per (rule, event), so a retried job acts once. */
@Entity({ tableName: 'trigger_run' })
@Unique({ properties: ['workspace', 'rule', 'eventId'] })
@Index({ properties: ['workspace', 'rule', 'createdAt'] })
export class TriggerRun extends WorkspaceOwnedEntity {
  @ManyToOne(() => TriggerRule, { deleteRule: 'cascade' })
  rule!: TriggerRule;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'bigint' })
  eventSeq!: number;

  @Enum({ items: () => RunStatus, nativeEnumName: 'automation_run_status' })
  status: RunStatus = RunStatus.PENDING;

  @Property()
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** How far the dispatcher has read a workspace's event log. */
@Entity({ tableName: 'automation_cursor' })
export class AutomationCursor {
  @ManyToOne(() => Workspace, { primary: true, deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'bigint' })
  lastSeq!: number;
}
