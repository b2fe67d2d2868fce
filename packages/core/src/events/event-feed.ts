import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { sql, queryRows } from '../data/sql.js';
import type { DomainEvent } from './domain-event.js';
import { eventLogPosition, readEventsAfter } from './event-rows.js';

/** The PostgreSQL channel on which commits announce `<workspace id>:<last seq>`. */
export const EVENT_CHANNEL = 'kontra_events';

const PAGE = 500;
const RECONNECT_DELAY_MS = 250;

type FeedListener = (event: DomainEvent) => void;

interface FeedLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/**
 * Committed events of every server instance, per workspace, in sequence order, with no gap: a
 * commit announces itself over LISTEN/NOTIFY (delivered only if the transaction commits) and every
 * instance reads the new rows from the event log. A lost listening connection is re-opened and the
 * log read from where each workspace's delivery stopped.
 */
export class EventFeed {
  readonly #cursors = new Map<string, number>();
  readonly #listeners = new Map<string, Set<FeedListener>>();
  readonly #chains = new Map<string, Promise<void>>();
  #client: pg.Client | null = null;
  #stopped = false;

  constructor(
    private readonly em: () => EntityManager,
    private readonly connectionString: string,
    private readonly logger: FeedLogger,
  ) {}

  async start(): Promise<void> {
    await this.#listen();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
    await Promise.all(this.#chains.values());
  }

  /** A local commit's fast path: no need to wait for the notification to come back. */
  committed(workspaceId: string): void {
    if (this.#cursors.has(workspaceId)) this.#catchUp(workspaceId);
  }

  /**
   * Delivers a workspace's events to `listener` in sequence order: first those after `after` (when
   * given) from the log, then live ones, with nothing lost or repeated at the seam.
   */
  async subscribe(workspaceId: string, listener: FeedListener, after?: number): Promise<() => void> {
    await this.#serially(workspaceId, async () => {
      if (!this.#cursors.has(workspaceId))
        this.#cursors.set(workspaceId, await eventLogPosition(this.em(), workspaceId));
      const cursor = this.#cursors.get(workspaceId)!;
      if (after !== undefined && after < cursor) {
        await this.#checkRetained(workspaceId, after);
        await this.#read(workspaceId, after, cursor, (event) => listener(event));
      }
      let listeners = this.#listeners.get(workspaceId);
      if (!listeners) this.#listeners.set(workspaceId, (listeners = new Set()));
      listeners.add(listener);
    });
    return () => {
      const listeners = this.#listeners.get(workspaceId);
      listeners?.delete(listener);
      if (listeners?.size === 0) {
        this.#listeners.delete(workspaceId);
        this.#cursors.delete(workspaceId);
      }
    };
  }

  async #listen(): Promise<void> {
    if (this.#stopped) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      const workspaceId = message.payload?.split(':')[0];
      if (workspaceId && this.#cursors.has(workspaceId)) this.#catchUp(workspaceId);
    });
    const reconnect = () => {
      if (this.#client !== client || this.#stopped) return;
      this.#client = null;
      this.logger.warn({}, 'event feed lost its listening connection; reconnecting');
      setTimeout(
        () => void this.#listen().catch((err: unknown) => this.logger.error({ err }, 'event feed cannot listen')),
        RECONNECT_DELAY_MS,
      );
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    try {
      await client.connect();
      await client.query(`listen ${EVENT_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.#stopped) return;
      this.logger.warn({ err: error }, 'event feed cannot listen yet; retrying');
      setTimeout(() => void this.#listen(), RECONNECT_DELAY_MS);
      return;
    }
    this.#client = client;
    // Whatever committed while no connection listened is in the log: read it now.
    for (const workspaceId of this.#cursors.keys()) this.#catchUp(workspaceId);
  }

  #serially(workspaceId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.#chains.get(workspaceId) ?? Promise.resolve()).then(work);
    const settled = next.catch(() => undefined);
    this.#chains.set(workspaceId, settled);
    void settled.then(() => {
      if (this.#chains.get(workspaceId) === settled) this.#chains.delete(workspaceId);
    });
    return next;
  }

  #catchUp(workspaceId: string): void {
    void this.#serially(workspaceId, async () => {
      const cursor = this.#cursors.get(workspaceId);
      if (cursor === undefined) return;
      const listeners = this.#listeners.get(workspaceId);
      await this.#read(workspaceId, cursor, Number.MAX_SAFE_INTEGER, (event) => {
        this.#cursors.set(workspaceId, event.seq);
        for (const listener of listeners ?? []) listener(event);
      });
    }).catch((err: unknown) => this.logger.error({ err, workspaceId }, 'event feed cannot read the log'));
  }

  async #read(workspaceId: string, after: number, upTo: number, deliver: FeedListener): Promise<void> {
    for (let from = after; ;) {
      const events = await readEventsAfter(this.em(), workspaceId, from, { upTo, limit: PAGE });
      for (const event of events) deliver(event);
      if (events.length < PAGE) return;
      from = events.at(-1)!.seq;
    }
  }

  async #checkRetained(workspaceId: string, after: number): Promise<void> {
    // With every event purged, the oldest kept is the next one to come.
    const rows = await queryRows(
      this.em(),
      sql<{ first: string }>`select coalesce((select min(seq) from event_log_entry where workspace_id = ${workspaceId}),
        (select last_event_seq + 1 from workspace where id = ${workspaceId})) as first`,
    );
    const first = Number(rows[0]?.first ?? 1);
    if (after + 1 < first) {
      throw new GraphQLError(
        `Events after ${after} are no longer kept; the oldest kept is ${first}. Reload, then resume from the latest`,
        {
          extensions: { code: 'EVENTS_EXPIRED', oldestSeq: first },
        },
      );
    }
  }
}
