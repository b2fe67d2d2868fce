import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import type { MigrationObject } from '@mikro-orm/core';
import type { KontraPlugin } from '../kernel/plugin.js';

export interface OrmOptions {
  databaseUrl: string;
  plugins: readonly KontraPlugin[];
  poolSize?: number;
  /** Receives every SQL statement the ORM logs (for diagnostics). */
  onQuery?: (sql: string) => void;
}

/** Every plugin's migrations, in plugin load order, each named `<plugin>/<migration>`. */
export function collectMigrations(plugins: readonly KontraPlugin[]): MigrationObject[] {
  return plugins.flatMap((plugin) =>
    (plugin.migrations ?? []).map((migration) => ({
      name: `${plugin.name}/${migration.name}`,
      class: migration.class,
    })),
  );
}

export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.databaseUrl,
    entities: options.plugins.flatMap((p) => [...(p.entities ?? [])]),
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: collectMigrations(options.plugins),
      tableName: 'kontra_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Plain entities stay detached from the global context: every request forks its own manager.
    allowGlobalContext: false,
    ...(options.onQuery ? { debug: ['query'] as const, logger: (message: string) => options.onQuery?.(message) } : {}),
  });
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

/** Applies pending migrations of every loaded plugin; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
