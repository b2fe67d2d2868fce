import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { UserRole } from '../domain/workspace/user-role.enum.js';
import type { TimelineSource } from '../domain/timeline/timeline-source.js';
import { EventBus } from '../events/event-bus.js';
import { EventFeed } from '../events/event-feed.js';
import type { DomainEvent } from '../events/domain-event.js';
import type { CounterpartyFilterExtension } from '../graphql/filter-extension.js';
import type { ResolvedPlugin } from './load-plugins.js';
import type { InTransactionHook, KontraPlugin } from './plugin.js';
import type { KontraPluginConfigMap } from './registries.js';
import { JobQueue } from '../jobs/job-queue.js';

export interface RuntimeOptions {
  /** How often idle job workers look for due jobs (seconds). */
  jobPollingIntervalSeconds?: number;
  /** The time plugins' business rules see (SLA clocks, occasions); tests set it. Defaults to the system clock. */
  clock?: () => Date;
}

export interface RuntimeLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** The loaded plugin set at run time: what resolvers and services consult on each request. */
export class KontraRuntime {
  /** This instance's committed events, for after-commit handlers (each event once, where it was written). */
  readonly eventBus = new EventBus();
  /** Every instance's committed events per workspace, in order and gapless, for subscriptions. */
  readonly eventFeed: EventFeed;
  /** The plugins' durable jobs (pg-boss); `jobs.send(name, data)` enqueues one. */
  readonly jobs: JobQueue;
  /** The current time as business rules see it: the system clock unless a test sets another. */
  readonly now: () => Date;
  readonly plugins: readonly KontraPlugin[];
  readonly timelineSources: readonly TimelineSource[];
  readonly counterpartyFilters: readonly CounterpartyFilterExtension[];
  readonly #configs: Map<string, unknown>;
  readonly #rolesByPermission = new Map<string, ReadonlySet<UserRole>>();
  readonly #stopListening: () => void;

  constructor(
    readonly orm: MikroORM,
    resolved: readonly ResolvedPlugin[],
    private readonly logger: RuntimeLogger,
    options: RuntimeOptions = {},
  ) {
    this.now = options.clock ?? (() => new Date());
    this.plugins = resolved.map((r) => r.plugin);
    this.#configs = new Map(resolved.map((r) => [r.plugin.name, r.config]));
    this.timelineSources = this.plugins.flatMap((p) => p.timelineSources ?? []);
    this.counterpartyFilters = this.plugins.flatMap((p) => p.counterpartyFilters ?? []);
    for (const plugin of this.plugins) {
      for (const [permission, roles] of Object.entries(plugin.permissions ?? {})) {
        this.#rolesByPermission.set(permission, new Set(roles));
      }
    }
    this.#stopListening = this.eventBus.listen((event) => this.#dispatchAfterCommit(event));
    this.eventFeed = new EventFeed(() => orm.em.fork() as EntityManager, orm.config.get('clientUrl')!, logger);
    const jobs = this.plugins.flatMap((p) => p.jobs ?? []);
    this.jobs = new JobQueue(orm.config.get('clientUrl')!, jobs, logger, {
      pollingIntervalSeconds: options.jobPollingIntervalSeconds,
    });
  }

  permits(role: UserRole, permission: string): boolean {
    const roles = this.#rolesByPermission.get(permission);
    if (!roles) throw new Error(`Permission "${permission}" is checked but no loaded plugin declares it`);
    return roles.has(role);
  }

  /** The validated configuration of a loaded plugin. */
  config<TName extends keyof KontraPluginConfigMap & string>(name: TName): KontraPluginConfigMap[TName] {
    if (!this.#configs.has(name)) throw new Error(`Plugin "${name}" is not loaded`);
    return this.#configs.get(name) as KontraPluginConfigMap[TName];
  }

  inTransactionHooks(eventType: string): InTransactionHook[] {
    return this.plugins.flatMap((p) =>
      [p.beforeCommit?.[eventType], p.beforeCommit?.['*']].filter((h) => h !== undefined),
    );
  }

  async start(): Promise<void> {
    await this.eventFeed.start();
    await this.jobs.start(this);
    for (const plugin of this.plugins) await plugin.onStart?.(this);
  }

  async stop(): Promise<void> {
    this.#stopListening();
    await this.jobs.stop();
    await this.eventFeed.stop();
    for (const plugin of [...this.plugins].reverse()) await plugin.onStop?.(this);
  }

  #dispatchAfterCommit(event: DomainEvent): void {
    for (const plugin of this.plugins) {
      for (const handler of [plugin.onEvent?.[event.type], plugin.onEvent?.['*']]) {
        if (!handler) continue;
        // A failing handler must not affect the write (already committed) or other handlers.
        Promise.resolve()
          .then(() => handler(event, this))
          .catch((error: unknown) =>
            this.logger.error(
              { err: error, plugin: plugin.name, event: event.type, seq: event.seq },
              'after-commit handler failed',
            ),
          );
      }
    }
  }
}
