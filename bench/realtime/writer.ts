// Commits events for the real-time benchmark in its own process, through the same code path as an
// API mutation (the GraphQL schema, resolvers, write(), event log, commit, NOTIFY), so the server
// measured spends its time on delivery: NOTIFY → read the log → authorise → deliver.
import { execute, parse, validate } from 'graphql';
import {
  authenticateApiKey,
  buildKontraSchema,
  corePlugin,
  createOrm,
  createRequestContext,
  KontraRuntime,
  resolvePlugins,
  type EntityManager,
  type Principal,
} from '@kontra/core';

const CREATE =
  'mutation ($name: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $name }) { id } }';
const CONCURRENCY = 8;

const resolved = resolvePlugins([corePlugin]);
const orm = await createOrm({ databaseUrl: process.env.DATABASE_URL!, plugins: [corePlugin], poolSize: CONCURRENCY });
const runtime = new KontraRuntime(orm, resolved, { error: console.error, warn: console.error });
const schema = await buildKontraSchema([corePlugin]);
// Parsed and validated once, as Apollo Server's document cache does for a repeated operation.
const document = parse(CREATE);
const problems = validate(schema, document);
if (problems.length) throw new Error(`invalid mutation: ${problems.join('; ')}`);
const principals: Principal[] = [];
for (const key of JSON.parse(process.env.BENCH_KEYS!) as string[]) {
  principals.push((await authenticateApiKey(orm.em.fork() as EntityManager, key))!);
}

async function commit(sequence: number): Promise<boolean> {
  const result = await execute({
    schema,
    document,
    variableValues: { name: `Live ${sequence}` },
    contextValue: createRequestContext(runtime, principals[sequence % principals.length]),
  });
  return !result.errors;
}

/** Commits `rate` events per second for `seconds`, round-robin over the workspaces, paced evenly. */
async function write(rate: number, seconds: number): Promise<number> {
  const total = rate * seconds;
  const startedAt = Date.now();
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let committed = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - startedAt) / 1000) * rate));
    for (; sent < due; sent++) {
      const write: Promise<void> = commit(sent)
        .then((ok) => void (ok && committed++))
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  return committed;
}

process.on('message', (message: { type: string; rate: number; seconds: number }) => {
  if (message.type === 'write')
    void write(message.rate, message.seconds).then((committed) => process.send!({ type: 'written', committed }));
});
process.send!({ type: 'ready' });
