import pg from 'pg';
import { startThrowawayCluster, stopThrowawayCluster } from '@kontra/server/testing';

export interface BenchDatabase {
  /** The fresh database's URL. */
  url: URL;
  /** Stops the throwaway cluster, if one was started. */
  stop(): void;
}

/**
 * A fresh, empty database `name` on DATABASE_URL's server, or on a throwaway cluster started for the
 * run; with `keep`, DATABASE_URL's existing database `name` is kept as it is (to rerun on its data).
 */
export async function benchDatabase(name: string, { keep = false } = {}): Promise<BenchDatabase> {
  const cluster = process.env.DATABASE_URL ? null : await startThrowawayCluster();
  const adminUrl = process.env.DATABASE_URL ?? cluster!.url;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!(keep && cluster === null && exists)) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  return { url, stop: () => cluster && stopThrowawayCluster(cluster) };
}
