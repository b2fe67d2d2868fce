import type { MigrationObject } from '@mikro-orm/core';
import type { z } from 'zod';
import type { DomainEvent, DomainEventInput } from '../events/domain-event.js';
import type { CounterpartyFilterExtension } from '../graphql/filter-extension.js';
import type { TimelineSource } from '../domain/timeline/timeline-source.js';
import type { PermissionTable } from './permissions.js';
import type { KontraRuntime } from './runtime.js';
import type { WriteContext } from '../events/write.js';
import type { SeedContext } from '../seed/seed-context.js';
import type { CliCommand } from './cli-command.js';
import type { JobDefinition } from '../jobs/job.js';

// MikroORM entity and type-graphql resolver classes are plain constructors to the kernel.
export type ClassReference = Function;

/** Called after the event's transaction commits; may talk to the outside world. */
export type AfterCommitHandler = (event: DomainEvent, runtime: KontraRuntime) => void | Promise<void>;

/** Called inside the writing transaction, before commit; for invariants only. May emit more events. */
export type InTransactionHook = (event: DomainEventInput, tx: WriteContext) => void | Promise<void>;

/**
 * One plugin: everything it adds to Kontra, in one typed object. Every member but name and
 * version is optional; the kernel treats an absent one as "adds nothing".
 *
 * @example
 * export const plugin = definePlugin({
 *   name: 'sales',
 *   version: '1.0.0',
 *   entities: [Deal],
 *   migrations: [{ name: 'Migration20261123_deals', class: Migration20261123_deals }],
 *   resolvers: [DealResolver, CounterpartyDealsResolver],
 *   configSchema: z.object({ currency: z.string().length(3).default('EUR') }),
 * });
 */
export interface KontraPlugin<TConfigSchema extends z.ZodType = z.ZodType> {
  /** Unique among loaded plugins; also the key of its configuration and the prefix of its events. */
  readonly name: string;
  readonly version: string;
  /** Names of plugins that must be loaded (and are set up) before this one. */
  readonly dependsOn?: readonly string[];
  /** Plugins this one uses when they are loaded (they then load first); see `resolversWith`. */
  readonly optionalDependsOn?: readonly string[];
  /** MikroORM entity classes. */
  readonly entities?: readonly ClassReference[];
  /** Schema migrations, in the order they run. Names must be unique within the plugin. */
  readonly migrations?: readonly MigrationObject[];
  /**
   * type-graphql resolver classes, including `@Resolver(() => Counterparty)` field resolvers. A
   * subscription's payload is computed once per workspace, role, query and variables and shared by
   * every such subscriber, so resolvers reached from a subscription must depend on the caller's
   * workspace and role only (authorise per subscriber in `workspaceEventStream`'s `authorize`).
   */
  readonly resolvers?: readonly ClassReference[];
  /**
   * Resolvers added only when the named plugin is loaded, e.g. `{ sales: [BasketResolver] }`: a
   * plugin's fields over another plugin's data are simply absent without it.
   */
  readonly resolversWith?: Readonly<Record<string, readonly ClassReference[]>>;
  /** GraphQL types no resolver returns directly (e.g. timeline entry types). */
  readonly orphanedTypes?: readonly ClassReference[];
  /** Entry types this plugin adds to the counterparty timeline. */
  readonly timelineSources?: readonly TimelineSource[];
  /** Fields this plugin adds to `CounterpartyFilter`, compiled to SQL. */
  readonly counterpartyFilters?: readonly CounterpartyFilterExtension[];
  /** Permissions this plugin checks, with the roles that hold them. */
  readonly permissions?: PermissionTable;
  /** Validates the plugin's configuration at start-up. */
  readonly configSchema?: TConfigSchema;
  /** After-commit handlers by event type (`*` for every event). */
  readonly onEvent?: Readonly<Record<string, AfterCommitHandler>>;
  /** In-transaction hooks by event type (`*` for every event). */
  readonly beforeCommit?: Readonly<Record<string, InTransactionHook>>;
  /** Adds demo data to a fresh demo workspace (the `seed` command); runs after the hooks of its dependencies. */
  readonly seed?: (ctx: SeedContext) => Promise<void>;
  /** Durable background jobs (pg-boss), run once or on a schedule; enqueue with `runtime.jobs.send`. */
  readonly jobs?: readonly JobDefinition[];
  /** Commands this plugin adds to the `kontra` CLI. */
  readonly commands?: readonly CliCommand[];
  /** Runs once the database is migrated and before the server accepts requests. */
  readonly onStart?: (runtime: KontraRuntime) => void | Promise<void>;
  /** Runs when the server shuts down, in reverse load order. */
  readonly onStop?: (runtime: KontraRuntime) => void | Promise<void>;
}

/** An identity function that exists for its types: `definePlugin({ … })` checks the object. */
export function definePlugin<TConfigSchema extends z.ZodType = z.ZodType>(
  plugin: KontraPlugin<TConfigSchema>,
): KontraPlugin<TConfigSchema> {
  return plugin;
}
