// The read-path benchmark of DESIGN.md §8: a page of 50 counterparties, each with its first 5
// interactions, under 20 concurrent clients, against Kontra, the peer (PostGraphile v5) and the
// limit (one hand-written SQL statement behind bare node:http), all on the same database in one run.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDataset, type Dataset } from './lib/dataset.ts';
import { load, waitUntilServing, type LoadResult, type Target } from './lib/load.ts';
import { benchDatabase } from './lib/database.ts';

const here = dirname(fileURLToPath(import.meta.url));
const COUNTERPARTIES = Number(process.env.BENCH_COUNTERPARTIES ?? 100_000);
const INTERACTIONS_EACH = Number(process.env.BENCH_INTERACTIONS_EACH ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const KONTRA_QUERY = `{ counterparties(first: 50) { edges { node { id displayName
  interactions(first: 5) { edges { node { id type occurredAt subject } } } } } } }`;

function postgraphileQuery(workspaceId: string): string {
  // PostGraphile names the primary key rowId (id is its global node id).
  return `{ allCounterparties(first: 50, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], condition: { workspaceId: "${workspaceId}" }) {
    edges { node { rowId displayName interactionsByCounterpartyId(first: 5, orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]) {
      edges { node { rowId type occurredAt subject } } } } } } }`;
}

function residentMegabytes(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function start(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

interface Page {
  edges: { node: Record<string, Page> }[];
}

/** Interactions per counterparty in an answer: `data.<list>.edges[].node.<nested>.edges`. */
function interactionCounts(body: unknown, list: string, nested: string): number[] {
  const data = (body as { data?: Record<string, Page> }).data;
  return (data?.[list]?.edges ?? []).map((edge) => edge.node[nested]?.edges.length ?? 0);
}

/** Checks a server's answer has 50 counterparties with 5 interactions each before timing it. */
async function verify(target: Target, list: string, nested: string) {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
  });
  const body: unknown = await response.json();
  const counts = interactionCounts(body, list, nested);
  if (counts.length !== 50 || !counts.every((count) => count === 5)) {
    throw new Error(`${target.name} answered wrongly: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

async function main() {
  const database = await benchDatabase('kontra_bench');
  const databaseUrl = database.url;
  const children: ChildProcess[] = [];
  try {
    console.error(
      `generating ${COUNTERPARTIES.toLocaleString('en')} counterparties × ${INTERACTIONS_EACH} interactions`,
    );
    const dataset: Dataset = await generateDataset(databaseUrl.toString(), COUNTERPARTIES, INTERACTIONS_EACH);
    const env = {
      DATABASE_URL: databaseUrl.toString(),
      WORKSPACE_ID: dataset.workspaceId,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    };
    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve('@kontra/server')), 'cli.js');
    const targets: { target: Target; child: ChildProcess; verify: () => Promise<void> }[] = [];

    const sql: Target = { name: 'hand-written SQL (limit)', url: 'http://127.0.0.1:4701/', headers: {}, body: '{}' };
    const kontra: Target = {
      name: 'Kontra',
      url: 'http://127.0.0.1:4702/graphql',
      headers: { authorization: `Bearer ${dataset.apiKey}` },
      body: JSON.stringify({ query: KONTRA_QUERY }),
    };
    const peer: Target = {
      name: 'PostGraphile v5 (peer)',
      url: 'http://127.0.0.1:4703/graphql',
      headers: {},
      body: JSON.stringify({ query: postgraphileQuery(dataset.workspaceId) }),
    };
    targets.push({
      target: sql,
      child: start(join(here, 'servers/sql-baseline.ts'), [], { ...env, PORT: '4701' }),
      verify: () => verify(sql, 'counterparties', 'interactions'),
    });
    targets.push({
      target: kontra,
      child: start(cli, ['start'], { ...env, PORT: '4702' }),
      verify: () => verify(kontra, 'counterparties', 'interactions'),
    });
    targets.push({
      target: peer,
      child: start(join(here, 'servers/postgraphile.ts'), [], { ...env, PORT: '4703' }),
      verify: () => verify(peer, 'allCounterparties', 'interactionsByCounterpartyId'),
    });
    children.push(...targets.map((t) => t.child));

    const results = new Map<string, LoadResult & { rssMb: number }>();
    for (const { target, child, verify: check } of targets) {
      await waitUntilServing(target);
      await check();
      console.error(`loading ${target.name}: ${CONNECTIONS} connections, ${SECONDS} s`);
      const result = await load(target, CONNECTIONS, SECONDS);
      results.set(target.name, { ...result, rssMb: residentMegabytes(child) });
    }

    console.log(
      `\nRead path: 50 counterparties × first 5 interactions; ${COUNTERPARTIES.toLocaleString('en')} counterparties, ${dataset.interactions.toLocaleString('en')} interactions; ${CONNECTIONS} clients, ${SECONDS} s each\n`,
    );
    console.log('server                         req/s     p50 ms  p99 ms  failures  RSS MB');
    for (const [name, r] of results) {
      console.log(
        `${name.padEnd(30)} ${r.requestsPerSecond.toFixed(0).padStart(6)}  ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.failures).padStart(9)} ${String(r.rssMb).padStart(7)}`,
      );
    }
    const rps = (name: string) => results.get(name)!.requestsPerSecond;
    console.log(`\nKontra / hand-written SQL: ${(rps(kontra.name) / rps(sql.name)).toFixed(2)}×  (target ≥ 0.60×)`);
    console.log(`Kontra / PostGraphile v5:  ${(rps(kontra.name) / rps(peer.name)).toFixed(2)}×  (target ≥ 1.20×)`);
  } finally {
    for (const child of children) child.kill();
    database.stop();
  }
}

await main();
