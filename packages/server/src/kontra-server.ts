import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { GraphQLSchema } from 'graphql';
import {
  authenticateApiKey,
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
  type MikroORM,
  type Principal,
  type RequestContext,
} from '@kontra/core';
import type { Logger } from './logger.js';

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
}

export interface KontraServer {
  url: string;
  wsUrl: string;
  orm: MikroORM;
  runtime: KontraRuntime;
  schema: GraphQLSchema;
  close(): Promise<void>;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

async function principalFor(runtime: KontraRuntime, key: string | undefined): Promise<Principal | undefined> {
  if (key === undefined) return undefined;
  const principal = await authenticateApiKey(runtime.orm.em.fork(), key);
  if (!principal) throw unauthenticated('The API key is not valid (unknown, malformed or revoked)');
  return principal;
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
  const runtime = new KontraRuntime(orm, resolved, logger);
  const schema = await buildKontraSchema(plugins);
  await runtime.start();

  const httpServer: Server = createServer();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema,
      onConnect: async (ctx) => {
        const key = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const principal = await principalFor(runtime, bearerToken(typeof key === 'string' ? key : undefined));
          if (!principal) return false;
          ctx.extra.principal = principal;
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => createRequestContext(runtime, ctx.extra.principal),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: options.development ?? false,
    formatError: createErrorFormatter((err, path) => logger.error({ err, path }, 'unexpected error in a resolver')),
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  httpServer.on('request', (request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== '/graphql') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GraphQL is served at /graphql\n');
        return;
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const rawBody = request.method === 'POST' ? await readBody(request) : '';
      let body: unknown = rawBody;
      if (rawBody && (headers.get('content-type') ?? '').includes('json')) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          response.writeHead(400, { 'content-type': 'text/plain' }).end('Request body is not valid JSON\n');
          return;
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: async () =>
          createRequestContext(runtime, await principalFor(runtime, bearerToken(request.headers.authorization))),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
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
      await apollo.stop();
      await runtime.stop();
      await orm.close();
    },
  };
}
