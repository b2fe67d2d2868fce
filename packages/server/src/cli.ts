#!/usr/bin/env node
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import {
  buildKontraSchema,
  corePlugin,
  createOrm,
  createWorkspaceWithAdmin,
  migrate,
  resolvePlugins,
  type EntityManager,
} from '@kontra/core';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { startKontraServer } from './kontra-server.js';
import { createLogger } from './logger.js';
import { loadConfiguredPlugins } from './plugin-config.js';

const USAGE = `Usage: kontra <command>

  start             serve GraphQL on http://127.0.0.1:$PORT/graphql (default 4000)
  migrate           apply pending migrations of the core and the configured plugins
  print-schema      print the GraphQL schema (SDL) of the configured plugins
  create-workspace  create a workspace with an admin user and print its API key

Environment:
  DATABASE_URL      a PostgreSQL server; without it, PostgreSQL runs embedded (PGlite) in $KONTRA_DATA_DIR
  KONTRA_DATA_DIR   where the embedded database keeps its data (default ./.kontra-data)
  KONTRA_PLUGINS    comma-separated plugin packages to load (default: none besides the core)
  KONTRA_CONFIG     JSON object of plugin configuration by plugin name
  PORT, HOST        where to listen; NODE_ENV=production turns off migrate-on-start and Sandbox
`;

const logger = createLogger();
const POOL_SIZE = 10;

async function databaseUrl(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const dataDir = process.env.KONTRA_DATA_DIR ?? join(process.cwd(), '.kontra-data');
  logger.info({ dataDir }, 'no DATABASE_URL: starting embedded PostgreSQL (PGlite)');
  const embedded = await startEmbeddedPostgres(dataDir, POOL_SIZE + 2);
  return { url: embedded.url, embedded };
}

async function withOrm<T>(work: (em: EntityManager, applied: string[]) => Promise<T>): Promise<T> {
  const plugins = resolvePlugins([corePlugin, ...(await loadConfiguredPlugins())]).map((r) => r.plugin);
  const { url, embedded } = await databaseUrl();
  const orm = await createOrm({ databaseUrl: url, plugins });
  try {
    const applied = await migrate(orm);
    return await work(orm.em.fork() as EntityManager, applied);
  } finally {
    await orm.close();
    await embedded?.stop();
  }
}

async function start(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  const { url, embedded } = await databaseUrl();
  const server = await startKontraServer({
    databaseUrl: url,
    plugins: await loadConfiguredPlugins(),
    pluginConfig: process.env.KONTRA_CONFIG ? (JSON.parse(process.env.KONTRA_CONFIG) as Record<string, unknown>) : {},
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '127.0.0.1',
    logger,
    migrateOnStart: !production || embedded !== undefined,
    development: !production,
    poolSize: POOL_SIZE,
  });
  const shutdown = async () => {
    logger.info('shutting down');
    await server.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

const commands: Record<string, () => Promise<void>> = {
  start,
  migrate: () =>
    withOrm(async (_em, applied) => {
      logger.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
    }),
  'print-schema': async () => {
    const schema = await buildKontraSchema(
      resolvePlugins([corePlugin, ...(await loadConfiguredPlugins())]).map((r) => r.plugin),
    );
    process.stdout.write(`${printSchema(lexicographicSortSchema(schema))}\n`);
  },
  'create-workspace': () =>
    withOrm(async (em) => {
      const [name = 'My company', email = 'admin@example.com'] = process.argv.slice(3);
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const { key } = await createWorkspaceWithAdmin(em, { name, slug, adminEmail: email, adminName: 'Admin' });
      process.stdout.write(`Workspace "${name}" created. API key for ${email} (shown once):\n${key}\n`);
    }),
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stdout.write(USAGE);
  process.exit(process.argv[2] ? 1 : 0);
}
command().catch((error: unknown) => {
  logger.error({ err: error }, error instanceof Error ? error.message : 'failed');
  process.exit(1);
});
