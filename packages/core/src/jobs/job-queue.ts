import { PgBoss } from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RuntimeLogger } from '../kernel/runtime.js';
import type { KontraRuntime } from '../kernel/runtime.js';
import type { JobDefinition } from './job.js';

const JOB_SCHEMA = 'kontra_jobs';

export interface JobQueueOptions {
  /** How often an idle worker looks for due jobs. */
  pollingIntervalSeconds?: number;
}

/** The plugins' durable jobs on pg-boss, in the application's own database. */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #jobs: ReadonlyMap<string, JobDefinition>;
  readonly #timers: NodeJS.Timeout[] = [];
  #started = false;

  constructor(
    connectionString: string,
    jobs: readonly JobDefinition[],
    private readonly logger: RuntimeLogger,
    private readonly options: JobQueueOptions = {},
  ) {
    this.#jobs = new Map(jobs.map((job) => [job.name, job as JobDefinition]));
    // Two connections: jobs are few and short; the ORM pool serves the requests.
    this.#boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 2, openTelemetry: { enabled: false } });
    this.#boss.on('error', (err: unknown) => logger.error({ err }, 'job queue error'));
  }

  async start(runtime: KontraRuntime): Promise<void> {
    if (this.#jobs.size === 0) return;
    await this.#boss.start();
    this.#started = true;
    for (const job of this.#jobs.values()) {
      await this.#boss.createQueue(job.name, { retryLimit: job.retryLimit ?? 5, retryDelay: 1, retryBackoff: true });
      await this.#boss.work<object>(
        job.name,
        { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 },
        async ([entry]) => {
          if (entry) await job.run(entry.data, runtime);
        },
      );
      const every = typeof job.everySeconds === 'function' ? job.everySeconds(runtime) : job.everySeconds;
      if (every) this.#schedule(job.name, every);
    }
  }

  /** Enqueues a run of a declared job; `startAfter` defers it. */
  async send(name: string, data: object, options: { startAfter?: Date; singletonKey?: string } = {}): Promise<void> {
    if (!this.#jobs.has(name)) throw new Error(`Job "${name}" is not declared by any loaded plugin`);
    await this.#boss.send(name, data, options);
  }

  /**
   * Enqueues a job in the caller's transaction (`em` inside `transactional`): it exists if and only
   * if the transaction commits, so a row and the job that processes it are never separated.
   */
  async sendInTransaction(em: EntityManager, name: string, data: object): Promise<void> {
    if (!this.#jobs.has(name)) throw new Error(`Job "${name}" is not declared by any loaded plugin`);
    const db = {
      executeSql: async (text: string, values?: unknown[]) => ({
        rows: (await em.getKysely().executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[],
      }),
    };
    await this.#boss.send(name, data, { db });
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    if (this.#started) await this.#boss.stop({ graceful: true, timeout: 5_000 });
  }

  /** Every instance proposes a run each period; the singleton slot keeps it to one run per period. */
  #schedule(name: string, everySeconds: number): void {
    const propose = () =>
      this.#boss
        .send(name, {}, { singletonKey: 'schedule', singletonSeconds: everySeconds })
        .catch((err: unknown) => this.logger.error({ err, job: name }, 'scheduling a job failed'));
    void propose();
    const timer = setInterval(() => void propose(), everySeconds * 1000);
    timer.unref();
    this.#timers.push(timer);
  }
}
