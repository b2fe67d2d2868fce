#!/usr/bin/env node
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import {
  buildKontraSchema,
  corePlugin,
  createOrm,
  createWorkspaceWithAdmin,
  KontraRuntime,
  migrate,
  resolvePlugins,
  seedDemoWorkspace,
  type SeedResult,
  workspaceAdminPrincipal,
  createRequestContext,
  type EntityManager,
} from '@kontra/core';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { startKontraServer } from './kontra-server.js';
import { createLogger } from './logger.js';
import { loadConfiguredPlugins } from './plugin-config.js';

const USAGE = `Usage: kontra <command>

  start [--seed]    serve GraphQL on http://127.0.0.1:$PORT/graphql (default 4000); --seed first
                    creates the demo workspace and prints an API key for it
  migrate           apply pending migrations of the core and the configured plugins
  print-schema      print the GraphQL schema (SDL) of the configured plugins
  create-workspace  create a workspace with an admin user and print its API key
  seed              create the demo workspace with believable data and print an API key for it
                    (with the embedded database, not while a server runs on it: use start --seed)

Environment:
  DATABASE_URL      a PostgreSQL server; without it, PostgreSQL runs embedded (PGlite) in $KONTRA_DATA_DIR
  KONTRA_DATA_DIR   where the embedded database keeps its data (default ./.kontra-data)
  KONTRA_PLUGINS    comma-separated plugin packages to load (default: sales, support and analytics;
                    empty: the core alone)
  KONTRA_CONFIG     JSON object of plugin configuration by plugin name
  KONTRA_EVENT_RETENTION_DAYS  days the event log keeps events (default 90)
  PORT, HOST        where to listen; NODE_ENV=production turns off migrate-on-start and Sandbox
`;

const logger = createLogger();
const POOL_SIZE = 10;

async function databaseUrl(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const dataDir = process.env.KONTRA_DATA_DIR ?? join(process.cwd(), '.kontra-data');
  logger.info({ dataDir }, 'no DATABASE_URL: starting embedded PostgreSQL (PGlite)');
  // The pool, the event feed's LISTEN connection and the seed's, and the job queue's two.
  const embedded = await startEmbeddedPostgres(dataDir, POOL_SIZE + 4);
  return { url: embedded.url, embedded };
}

interface Migrated {
  em: EntityManager;
  runtime: KontraRuntime;
  applied: string[];
}

/** Opens the database with the configured plugins, migrates it, runs `work`, and closes it. */
async function withMigratedDatabase<T>(work: (db: Migrated) => Promise<T>): Promise<T> {
  const resolved = resolvePlugins([corePlugin, ...(await loadConfiguredPlugins())], pluginConfig());
  const { url, embedded } = await databaseUrl();
  const orm = await createOrm({ databaseUrl: url, plugins: resolved.map((r) => r.plugin) });
  const runtime = new KontraRuntime(orm, resolved, logger);
  try {
    const applied = await migrate(orm);
    return await work({ em: orm.em.fork() as EntityManager, runtime, applied });
  } finally {
    await runtime.stop();
    await orm.close();
    await embedded?.stop();
  }
}

function pluginConfig(): Record<string, unknown> {
  return process.env.KONTRA_CONFIG ? (JSON.parse(process.env.KONTRA_CONFIG) as Record<string, unknown>) : {};
}

/** One line per step, rewritten in place on a terminal. */
function progressReporter(prefix: string) {
  let lastLine = '';
  return (step: string, done: number, total: number) => {
    const line = `${prefix}: ${step} ${done}/${total} (${Math.round((100 * done) / total)}%)`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    } else if (done === total || line.split(' ')[1] !== lastLine.split(' ')[1] || done % 500 < 50) {
      process.stderr.write(`${line}\n`);
    }
    lastLine = line;
  };
}

async function start(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  const { url, embedded } = await databaseUrl();
  const server = await startKontraServer({
    databaseUrl: url,
    plugins: await loadConfiguredPlugins(),
    pluginConfig: pluginConfig(),
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? '127.0.0.1',
    logger,
    migrateOnStart: !production || embedded !== undefined,
    development: !production,
    poolSize: POOL_SIZE,
    eventRetentionDays: Number(process.env.KONTRA_EVENT_RETENTION_DAYS ?? 90),
  });
  const shutdown = async () => {
    logger.info('shutting down');
    await server.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  // Seeding inside the serving process: the embedded database admits one process at a time.
  if (process.argv.includes('--seed'))
    printSeedResult(await seedDemoWorkspace(server.runtime, progressReporter('seed')));
}

function printSeedResult(result: SeedResult, seconds?: number): void {
  const what = result.seeded
    ? `Demo workspace seeded${seconds === undefined ? '' : ` in ${seconds.toFixed(1)} s`}.`
    : 'The demo workspace exists already.';
  process.stdout.write(`${what} API key of its admin (shown once):\n${result.key}\n`);
}

const commands: Record<string, () => Promise<void>> = {
  start,
  migrate: () =>
    withMigratedDatabase(async ({ applied }) => {
      logger.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
    }),
  seed: () =>
    withMigratedDatabase(async ({ runtime }) => {
      const started = Date.now();
      printSeedResult(await seedDemoWorkspace(runtime, progressReporter('seed')), (Date.now() - started) / 1000);
    }),
  'print-schema': async () => {
    const schema = await buildKontraSchema(
      resolvePlugins([corePlugin, ...(await loadConfiguredPlugins())]).map((r) => r.plugin),
    );
    process.stdout.write(`${printSchema(lexicographicSortSchema(schema))}\n`);
  },
  'create-workspace': () =>
    withMigratedDatabase(async ({ em }) => {
      const [name = 'My company', email = 'admin@example.com'] = process.argv.slice(3);
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const { key } = await createWorkspaceWithAdmin(em, { name, slug, adminEmail: email, adminName: 'Admin' });
      process.stdout.write(`Workspace "${name}" created. API key for ${email} (shown once):\n${key}\n`);
    }),
};

/** A command a loaded plugin adds, run on the migrated database. */
async function pluginCommand(name: string): Promise<(() => Promise<void>) | undefined> {
  const command = (await loadConfiguredPlugins()).flatMap((p) => p.commands ?? []).find((c) => c.name === name);
  if (!command) return undefined;
  return () =>
    withMigratedDatabase(({ runtime }) =>
      command.run({
        args: process.argv.slice(3),
        runtime,
        actAs: async (slug) => {
          const principal = await workspaceAdminPrincipal(runtime.orm.em.fork() as EntityManager, slug);
          if (!principal) throw new Error(`No workspace "${slug}" with an admin`);
          return createRequestContext(runtime, principal);
        },
        progress: progressReporter(name),
        print: (line) => void process.stdout.write(`${line}\n`),
      }),
    );
}

async function usage(): Promise<string> {
  const extra = (await loadConfiguredPlugins()).flatMap((p) => p.commands ?? []);
  const lines = extra.map((c) => `  ${`${c.name} ${c.usage}`.padEnd(44)} ${c.description}\n`);
  return lines.length ? `${USAGE}\nPlugin commands:\n${lines.join('')}` : USAGE;
}

const name = process.argv[2] ?? '';
const command = commands[name] ?? (await pluginCommand(name));
if (!command) {
  process.stdout.write(await usage());
  process.exit(name ? 1 : 0);
}
command().catch((error: unknown) => {
  logger.error({ err: error }, error instanceof Error ? error.message : 'failed');
  process.exit(1);
});
