import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { execute, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  checkQueryLimits,
  DEFAULT_QUERY_LIMITS,
  purgeEventLog,
  buildKontraSchema,
  corePlugin,
  createErrorFormatter,
  createOrm,
  createRequestContext,
  KontraRuntime,
  migrate,
  resolvePlugins,
  unauthenticated,
  type KontraPlugin,
  type EntityManager,
  type MikroORM,
  type Principal,
  type QueryLimits,
  type RequestContext,
} from '@kontra/core';
import type { Logger } from './logger.js';
import { PrincipalCache } from './principal-cache.js';
import { closeOnRevocation } from './revocation-watch.js';
import { dashboardRoute } from './dashboard/dashboard-route.js';
import { SharedSubscriptions } from './shared-subscribe.js';

export interface KontraServerOptions {
  databaseUrl: string;
  /** Plugins besides the core, in any order; they load in dependency order. */
  plugins?: readonly KontraPlugin[];
  /** Configuration by plugin name, validated by each plugin's schema at start-up. */
  pluginConfig?: Readonly<Record<string, unknown>>;
  port?: number;
  host?: string;
  logger: Logger;
  /** Apply pending migrations at start-up (development); production runs the `migrate` command. */
  migrateOnStart?: boolean;
  /** Apollo Sandbox on GET /graphql and introspection. */
  development?: boolean;
  poolSize?: number;
  /** Depth and cost limits per operation, on HTTP and WebSocket alike. */
  queryLimits?: QueryLimits;
  /** Events older than this many days are purged from the log (hourly); resuming before them is EVENTS_EXPIRED. */
  eventRetentionDays?: number;
  /** A WebSocket whose unsent data passes this many bytes is too slow and is disconnected (default 4 MiB). */
  subscriberBufferLimitBytes?: number;
  /** A subscription with more events than this waiting to be sent is too slow; its connection is closed (default 1,000). */
  subscriberMaxPendingEvents?: number;
  /** How often idle job workers look for due jobs (default 2 s). */
  jobPollingIntervalSeconds?: number;
  /** The time business rules see (SLA clocks); tests set it. Defaults to the system clock. */
  clock?: () => Date;
}

const HOUR = 3_600_000;

export interface KontraServer {
  url: string;
  wsUrl: string;
  orm: MikroORM;
  runtime: KontraRuntime;
  schema: GraphQLSchema;
  close(): Promise<void>;
}

/** Refuses over-limit operations after Apollo has parsed and validated them. */
function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, request }) => {
        const error = checkQueryLimits(schema, document, request.variables, request.operationName, limits);
        if (error) throw error;
      },
    }),
  };
}

/** Wraps execute/subscribe for graphql-ws, which has no plugin hook with the variables. */
function withQueryLimits<T>(run: (args: ExecutionArgs) => T, limits: QueryLimits) {
  return (args: ExecutionArgs) => {
    const error = checkQueryLimits(
      args.schema,
      args.document,
      args.variableValues ?? undefined,
      args.operationName,
      limits,
    );
    return error ? { errors: [error] } : run(args);
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

async function principalFor(cache: PrincipalCache, key: string | undefined): Promise<Principal | undefined> {
  if (key === undefined) return undefined;
  const principal = await cache.authenticate(key);
  if (!principal) throw unauthenticated('The API key is not valid (unknown, malformed or revoked)');
  return principal;
}

/**
 * For `application/json` responses the GraphQL-over-HTTP spec asks for 200 when a well-formed
 * request fails to parse, validate or coerce its variables (the errors travel in the body); Apollo
 * answers 400. `application/graphql-response+json` keeps the 4xx.
 */
function legacyJsonStatus(status: number, contentType: string | undefined, body: { kind: string; string?: string }) {
  if (status !== 400 || !contentType?.startsWith('application/json') || body.kind !== 'complete') return status;
  try {
    const parsed = JSON.parse(body.string ?? '') as { errors?: { extensions?: { code?: string } }[] };
    const failedOperation = parsed.errors?.every((e) => OPERATION_FAILURES.has(e.extensions?.code ?? ''));
    return failedOperation ? 200 : status;
  } catch {
    return status;
  }
}

/** Codes of a well-formed request whose operation failed, as opposed to a malformed request. */
const OPERATION_FAILURES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

function sendRequestError(response: ServerResponse, status: number, message: string, accept: string | undefined) {
  const mediaType = accept?.includes('application/graphql-response+json')
    ? 'application/graphql-response+json'
    : 'application/json';
  response
    .writeHead(status, { 'content-type': `${mediaType}; charset=utf-8` })
    .end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Loads the plugins, migrates if asked, and serves GraphQL over HTTP and WebSocket on one port. */
export async function startKontraServer(options: KontraServerOptions): Promise<KontraServer> {
  const { logger } = options;
  const resolved = resolvePlugins([corePlugin, ...(options.plugins ?? [])], options.pluginConfig);
  const plugins = resolved.map((r) => r.plugin);
  const orm = await createOrm({ databaseUrl: options.databaseUrl, plugins, poolSize: options.poolSize });
  if (options.migrateOnStart) {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'applied migrations');
  }
  const runtime = new KontraRuntime(orm, resolved, logger, {
    jobPollingIntervalSeconds: options.jobPollingIntervalSeconds,
    clock: options.clock,
  });
  const principals = new PrincipalCache(runtime);
  const retentionDays = options.eventRetentionDays ?? 90;
  const purge = () =>
    purgeEventLog(orm.em.fork() as EntityManager, new Date(Date.now() - retentionDays * 24 * HOUR))
      .then((purged) => purged && logger.info({ purged, retentionDays }, 'purged old events'))
      .catch((err: unknown) => logger.error({ err }, 'event purge failed'));
  const purgeTimer = setInterval(() => void purge(), HOUR);
  purgeTimer.unref();
  void purge();
  const schema = await buildKontraSchema(plugins);
  await runtime.start();

  const limits = options.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const bufferLimitBytes = options.subscriberBufferLimitBytes ?? 4 * 1024 * 1024;
  const sharedSubscriptions = new SharedSubscriptions();
  const maxPendingEvents = options.subscriberMaxPendingEvents ?? 1_000;
  const httpServer: Server = createServer();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal; stopWatching?: () => void }>(
    {
      schema,
      execute: withQueryLimits(execute, limits),
      subscribe: withQueryLimits(sharedSubscriptions.subscribe, limits),
      onConnect: async (ctx) => {
        const key = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const principal = await principalFor(principals, bearerToken(typeof key === 'string' ? key : undefined));
          if (!principal) return false;
          ctx.extra.principal = principal;
          ctx.extra.stopWatching = await closeOnRevocation(runtime, principal, ctx.extra.socket, () => {
            ctx.extra.principal = undefined;
          });
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => ctx.extra.stopWatching?.(),
      context: (ctx) =>
        createRequestContext(runtime, ctx.extra.principal, {
          principal: () => ctx.extra.principal,
          bufferedBytes: () => ctx.extra.socket.bufferedAmount,
          bufferLimitBytes,
          maxPendingEvents,
          disconnect: (code, reason) => ctx.extra.socket.close(code, reason),
        }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: options.development ?? false,
    // Apollo's CSRF guard refuses GET requests without a custom header, which the GraphQL-over-HTTP
    // spec lets clients send. Kontra needs no such guard: credentials travel in the Authorization
    // header (never a cookie a browser attaches by itself), GET runs queries only, and POST must be
    // application/json, which a cross-site form cannot send without a CORS preflight.
    csrfPrevention: false,
    // Compact JSON: Apollo's default pretty-prints every response, a measurable cost on large pages.
    stringifyResult: (result) => JSON.stringify(result),
    formatError: createErrorFormatter((err, path) => logger.error({ err, path }, 'unexpected error in a resolver')),
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      queryLimitsPlugin(limits),
    ],
  });
  await apollo.start();

  const dashboard = dashboardRoute();
  httpServer.on('request', (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (await dashboard(request, response, url.pathname)) return;
      if (url.pathname !== '/graphql') {
        response
          .writeHead(404, { 'content-type': 'text/plain' })
          .end('Not found: GraphQL is served at /graphql, the live dashboard at /dashboard\n');
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (request.method === 'POST') {
        // Only JSON bodies: an HTML form cannot send one cross-site without a CORS preflight.
        if (!/^application\/(graphql-response\+)?json\b/.test(headers.get('content-type') ?? '')) {
          sendRequestError(
            response,
            415,
            'POST requests must have Content-Type: application/json',
            request.headers.accept,
          );
          return;
        }
        try {
          body = JSON.parse(await readBody(request));
        } catch {
          sendRequestError(response, 400, 'The request body is not valid JSON', request.headers.accept);
          return;
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () =>
          createRequestContext(runtime, await principalFor(principals, bearerToken(request.headers.authorization))),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = legacyJsonStatus(result.status ?? 200, result.headers.get('content-type'), result.body);
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  logger.info({ url: `http://${host}:${port}/graphql`, plugins: plugins.map((p) => p.name) }, 'Kontra is serving');

  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    orm,
    runtime,
    schema,
    async close() {
      await wsCleanup.dispose();
      sharedSubscriptions.stop();
      await apollo.stop();
      clearInterval(purgeTimer);
      principals.close();
      await runtime.stop();
      await orm.close();
    },
  };
}
