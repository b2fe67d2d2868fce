import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from '../free-port.js';

/** A PostgreSQL server started for one test run and thrown away after it. */
export interface ThrowawayCluster {
  url: string;
  root: string;
  dataDir: string;
  binDir: string;
}

function findPostgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function ensurePostgresBinaries(): string {
  const found = findPostgresBinDir();
  if (found) return found;
  console.log('postgres: server binaries missing, installing postgresql with apt-get');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findPostgresBinDir();
  if (!installed) throw new Error('postgres: apt-get installed postgresql but no initdb was found');
  return installed;
}

/** initdb refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function asClusterOwner(command: string, args: string[]): { file: string; args: string[] } {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? { file: 'runuser', args: ['-u', 'postgres', '--', command, ...args] } : { file: command, args };
}

function run(command: string, args: string[]): void {
  const invocation = asClusterOwner(command, args);
  const result = spawnSync(invocation.file, invocation.args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`postgres: ${command} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const binDir = ensurePostgresBinaries();
  // initdb creates the data folder itself so that it belongs to the cluster's owner.
  const root = mkdtempSync(join(tmpdir(), 'kontra-pg-'));
  chmodSync(root, 0o777);
  const dataDir = join(root, 'data');
  const port = await freeLoopbackPort();
  run(join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${root}`,
    // A throwaway cluster needs no durability; this makes test set-up several times faster.
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  run(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', serverOptions, '-l', join(root, 'server.log'), '-w', 'start']);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, root, dataDir, binDir };
}

export function stopThrowawayCluster(cluster: ThrowawayCluster): void {
  try {
    run(join(cluster.binDir, 'pg_ctl'), ['-D', cluster.dataDir, '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(cluster.root, { recursive: true, force: true });
  }
}
