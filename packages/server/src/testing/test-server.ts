import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createWorkspaceWithAdmin, newId, UserRole, User, issueApiKey, type KontraPlugin } from '@kontra/core';
import { startKontraServer, type KontraServer } from '../kontra-server.js';
import { createLogger } from '../logger.js';
import { statementCounter } from './statement-counter.js';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** A GraphQL client authenticated as one user, over HTTP and WebSocket. */
export interface TestClient {
  key: string;
  userId: string;
  workspaceId: string;
  request<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<TData>>;
  /** Opens a graphql-ws subscription; received messages collect in `messages`. */
  subscribe<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<TestSubscription<TData>>;
}

export interface TestSubscription<TData> {
  messages: GraphQLResponse<TData>[];
  /** Resolves once `count` messages have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<GraphQLResponse<TData>[]>;
  close(): Promise<void>;
}

export interface TestServer {
  server: KontraServer;
  /** Creates a workspace with an admin and returns a client for that admin. */
  createWorkspace(name?: string): Promise<TestClient>;
  /** Adds a user with the given role to the client's workspace and returns a client for them. */
  addUser(admin: TestClient, role: UserRole): Promise<TestClient>;
  clientForKey(key: string): Pick<TestClient, 'request' | 'subscribe'>;
  /** Runs `work` and returns how many SQL statements reached the database meanwhile. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  plugins?: readonly KontraPlugin[];
  pluginConfig?: Readonly<Record<string, unknown>>;
  /** The time business rules see, e.g. `() => now` with a `now` the test moves. */
  clock?: () => Date;
  /** See `KontraServerOptions`. */
  subscriberBufferLimitBytes?: number;
  subscriberMaxPendingEvents?: number;
}

function testDatabaseUrl(): string {
  const url = process.env.KONTRA_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error('No test database: set DATABASE_URL, or use the jest globalSetup of @kontra/server/testing');
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A running Kontra server on its own fresh, migrated PostgreSQL database, for one test file.
 * The database is dropped on close, so test files can run in parallel.
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const adminUrl = testDatabaseUrl();
  const database = `kontra_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${database}`);
  const server = await startKontraServer({
    databaseUrl: withDatabase(adminUrl, database),
    plugins: options.plugins ?? [],
    pluginConfig: options.pluginConfig ?? {},
    port: 0,
    logger: createLogger(process.env.LOG_LEVEL ?? 'silent'),
    migrateOnStart: true,
    development: true,
    poolSize: 5,
    jobPollingIntervalSeconds: 0.5,
    clock: options.clock,
    subscriberBufferLimitBytes: options.subscriberBufferLimitBytes,
    subscriberMaxPendingEvents: options.subscriberMaxPendingEvents,
  });
  const sockets = new Set<Client>();

  const request = (key: string | undefined) =>
    async function <TData>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<TData>> {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
      return { status: response.status, ...body };
    };

  const subscribe = (key: string) =>
    async function <TData>(query: string, variables: Record<string, unknown> = {}): Promise<TestSubscription<TData>> {
      const messages: GraphQLResponse<TData>[] = [];
      const waiters: (() => void)[] = [];
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${key}` },
        retryAttempts: 0,
        lazy: false,
        // A refused connection surfaces as the rejection below; the default would also log it.
        onNonLazyError: () => undefined,
      });
      sockets.add(client);
      let failure: unknown;
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('closed', (event) => reject(new Error(`socket closed: ${(event as { code?: number }).code}`)));
      });
      const unsubscribe = client.subscribe<TData>(
        { query, variables },
        {
          next: (message) => {
            messages.push({ status: 200, ...(message as Omit<GraphQLResponse<TData>, 'status'>) });
            waiters.splice(0).forEach((wake) => wake());
          },
          error: (error) => {
            failure = error;
            waiters.splice(0).forEach((wake) => wake());
          },
          complete: () => undefined,
        },
      );
      // Give the server a moment to register the subscription before the test writes.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        messages,
        async waitFor(count, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          while (messages.length < count) {
            if (failure) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
            const remaining = deadline - Date.now();
            if (remaining <= 0) throw new Error(`expected ${count} subscription messages, got ${messages.length}`);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, remaining);
              waiters.push(() => {
                clearTimeout(timer);
                resolve();
              });
            });
          }
          return messages;
        },
        async close() {
          unsubscribe();
          await client.dispose();
          sockets.delete(client);
        },
      };
    };

  const clientFor = (key: string, userId: string, workspaceId: string): TestClient => ({
    key,
    userId,
    workspaceId,
    request: request(key),
    subscribe: subscribe(key),
  });

  return {
    server,
    async createWorkspace(name = 'Test workspace') {
      const em = server.orm.em.fork();
      const slug = `ws-${newId().slice(-12)}`;
      const { workspace, admin, key } = await createWorkspaceWithAdmin(em as never, {
        name,
        slug,
        adminEmail: `admin@${slug}.test`,
        adminName: 'Ada Admin',
      });
      return clientFor(key, admin.id, workspace.id);
    },
    async addUser(admin, role) {
      const em = server.orm.em.fork();
      const user = Object.assign(new User(), {
        workspace: admin.workspaceId,
        email: `${role.toLowerCase()}-${newId().slice(-8)}@example.test`,
        name: `${role} user`,
        role,
      });
      await em.persist(user).flush();
      const { key } = await issueApiKey(em as never, user, 'test key');
      return clientFor(key, user.id, admin.workspaceId);
    },
    clientForKey: (key) => ({ request: request(key), subscribe: subscribe(key) }),
    countStatements: (work) => statementCounter.count(work),
    async close() {
      await Promise.all([...sockets].map((client) => client.dispose()));
      await server.close();
      await adminQuery(adminUrl, `drop database if exists ${database} with (force)`);
    },
  };
}
