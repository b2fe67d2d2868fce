// The real-time benchmark of issue #6: 10,000 graphql-ws subscribers on one server process, spread
// over 100 workspaces, while events commit at a steady rate; Kontra (each event a createCounterparty
// mutation run by a writer process through the same schema and write path: commit → NOTIFY → the
// server reads the log → authorises → delivers) against the limit, a bare graphql-ws server fanning
// the same number of events out from memory. Then the rate rises until p99 passes 100 ms.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corePlugin, createOrm, createWorkspaceWithAdmin, migrate, type EntityManager } from '@kontra/core';
import { progress } from './lib/progress.ts';
import { benchDatabase } from './lib/database.ts';

const here = dirname(fileURLToPath(import.meta.url));
const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 100);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RATE = Number(process.env.BENCH_EVENTS_PER_SECOND ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RAMP_SECONDS = Number(process.env.BENCH_RAMP_SECONDS ?? 10);
const RAMP_LIMIT_MS = 100;
const WARM_UP_SECONDS = 3;

interface Collected {
  delivered: number;
  duplicates: number;
  latencies: number[];
  connected: number;
}

interface RoundResult {
  rate: number;
  events: number;
  expected: number;
  delivered: number;
  duplicates: number;
  p50: number;
  p99: number;
  max: number;
  rssMb: number;
  /** Share of one core the server used during the round. */
  cpuPercent: number;
}

function residentMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU seconds the process has used so far (user + system). */
function cpuSeconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

function request<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (answer: { type: string }) => {
      if (answer.type !== reply) return;
      child.off('message', onMessage);
      resolve(answer as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

function ready(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    const poll = async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'GET' });
        resolve();
      } catch {
        setTimeout(() => void poll(), 200);
      }
    };
    void poll();
  });
}

async function round(
  name: string,
  rate: number,
  seconds: number,
  server: ChildProcess,
  subscribers: ChildProcess,
  publish: (rate: number, seconds: number) => Promise<number>,
): Promise<RoundResult> {
  await request<Collected>(subscribers, { type: 'collect' }, 'collected');
  const cpuBefore = cpuSeconds(server);
  const startedAt = Date.now();
  const events = await publish(rate, seconds);
  const cpuPercent = Math.round((100 * (cpuSeconds(server) - cpuBefore)) / ((Date.now() - startedAt) / 1000));
  // Let the last deliveries arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const collected = await request<Collected>(subscribers, { type: 'collect' }, 'collected');
  const sorted = collected.latencies.sort((a, b) => a - b);
  const result = {
    rate,
    events,
    expected: events * (SUBSCRIBERS / WORKSPACES),
    delivered: collected.delivered,
    duplicates: collected.duplicates,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    rssMb: residentMegabytes(server),
    cpuPercent,
  };
  console.error(
    `${name}: ${rate} events/s → ${(rate * (SUBSCRIBERS / WORKSPACES)).toLocaleString('en')} deliveries/s; delivered ${result.delivered.toLocaleString('en')}/${result.expected.toLocaleString('en')}, p50 ${result.p50} ms, p99 ${result.p99} ms, RSS ${result.rssMb} MB, server CPU ${result.cpuPercent}%`,
  );
  return result;
}

/** Connects the subscribers, runs the steady round, then raises the rate until p99 passes the limit. */
async function measure(
  name: string,
  server: ChildProcess,
  wsUrl: string,
  keys: string[],
  publish: (rate: number, seconds: number) => Promise<number>,
) {
  const subscribers = fork(join(here, 'realtime/subscribers.ts'), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const startedAt = Date.now();
    const { connected } = await request<{ connected: number }>(
      subscribers,
      { type: 'start', url: wsUrl, keys, subscribers: SUBSCRIBERS },
      'started',
    );
    console.error(
      `${name}: ${connected.toLocaleString('en')} subscribers connected in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    // A few seconds at the steady rate first, not counted, as the other benchmarks warm up.
    await publish(RATE, WARM_UP_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const steady = await round(name, RATE, SECONDS, server, subscribers, publish);
    let reached = steady.p99 <= RAMP_LIMIT_MS && steady.delivered === steady.expected ? steady : null;
    for (let rate = RATE * 1.5; reached && rate <= RATE * 20; rate += RATE / 2) {
      const result = await round(name, rate, RAMP_SECONDS, server, subscribers, publish);
      if (result.p99 > RAMP_LIMIT_MS || result.delivered < result.expected) break;
      reached = result;
    }
    return { connected, steady, reached };
  } finally {
    subscribers.kill();
  }
}

async function main() {
  const database = await benchDatabase('kontra_realtime');
  const databaseUrl = database.url;
  const children: ChildProcess[] = [];
  try {
    const orm = await createOrm({ databaseUrl: databaseUrl.toString(), plugins: [corePlugin] });
    await migrate(orm);
    const keys: string[] = [];
    for (let i = 0; i < WORKSPACES; i++) {
      const { key } = await createWorkspaceWithAdmin(orm.em.fork() as EntityManager, {
        name: `Realtime ${i}`,
        slug: `realtime-${i}`,
        adminEmail: `admin${i}@realtime.test`,
        adminName: 'Admin',
      });
      keys.push(key);
      progress('workspaces', i + 1, WORKSPACES);
    }
    await orm.close();

    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve('@kontra/server')), 'cli.js');
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      KONTRA_PLUGINS: '',
    };
    const kontra = fork(cli, ['start'], {
      execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
      env: { ...env, PORT: '4711' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(kontra);
    await ready(kontra, 4711);
    const writer = fork(join(here, 'realtime/writer.ts'), [], {
      env: { ...env, BENCH_KEYS: JSON.stringify(keys) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(writer);
    await new Promise((resolve) => writer.once('message', resolve));
    const kontraResult = await measure('Kontra', kontra, 'ws://127.0.0.1:4711/graphql', keys, async (rate, seconds) => {
      const { committed } = await request<{ committed: number }>(writer, { type: 'write', rate, seconds }, 'written');
      return committed;
    });
    writer.kill();
    kontra.kill('SIGINT');
    await new Promise((resolve) => kontra.once('exit', resolve));

    const bare = fork(join(here, 'servers/bare-graphql-ws.ts'), [], {
      env: { ...env, PORT: '4712', BENCH_KEYS: JSON.stringify(keys) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(bare);
    await new Promise((resolve) => bare.once('message', resolve));
    const bareResult = await measure(
      'bare graphql-ws',
      bare,
      'ws://127.0.0.1:4712/graphql',
      keys,
      async (rate, seconds) => {
        const { published } = await request<{ published: number }>(
          bare,
          { type: 'publish', rate, seconds },
          'published',
        );
        return published;
      },
    );

    const perWorkspace = SUBSCRIBERS / WORKSPACES;
    console.log(
      `\nReal time: ${SUBSCRIBERS.toLocaleString('en')} graphql-ws subscribers over ${WORKSPACES} workspaces, ${RATE} events/s (${(RATE * perWorkspace).toLocaleString('en')} deliveries/s) for ${SECONDS} s\n`,
    );
    console.log('server            connections  delivered / expected     lost  dup  p50 ms  p99 ms  max ms  RSS MB');
    for (const [name, r] of [
      ['Kontra', kontraResult],
      ['bare graphql-ws', bareResult],
    ] as const) {
      const s = r.steady;
      console.log(
        `${name.padEnd(17)} ${String(r.connected).padStart(11)}  ${`${s.delivered.toLocaleString('en')} / ${s.expected.toLocaleString('en')}`.padStart(20)} ${String(s.expected - s.delivered).padStart(8)} ${String(s.duplicates).padStart(4)} ${String(s.p50).padStart(7)} ${String(s.p99).padStart(7)} ${String(s.max).padStart(7)} ${String(s.rssMb).padStart(7)}`,
      );
    }
    const reachedDeliveries = (r: typeof kontraResult) => (r.reached ? r.reached.rate * perWorkspace : 0);
    console.log(
      `\nKontra memory / bare: ${(kontraResult.steady.rssMb / bareResult.steady.rssMb).toFixed(2)}×  (target ≤ 1.30×); Kontra p99 ${kontraResult.steady.p99} ms (target < 50 ms); lost ${kontraResult.steady.expected - kontraResult.steady.delivered} (target 0)`,
    );
    console.log(
      `Highest rate with p99 ≤ ${RAMP_LIMIT_MS} ms and nothing lost: Kontra ${reachedDeliveries(kontraResult).toLocaleString('en')} deliveries/s, bare ${reachedDeliveries(bareResult).toLocaleString('en')} deliveries/s → ${(reachedDeliveries(kontraResult) / reachedDeliveries(bareResult)).toFixed(2)}×`,
    );
  } finally {
    for (const child of children) child.kill();
    database.stop();
  }
}

await main();
