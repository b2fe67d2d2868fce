// The limit for the real-time benchmark: a bare graphql-ws server that authenticates each
// connection to its workspace and fans events out from memory, with no database in the path.
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const workspaceOfKey = new Map<string, number>(
  (JSON.parse(process.env.BENCH_KEYS!) as string[]).map((key, index) => [`Bearer ${key}`, index]),
);
const schema = buildSchema(`
  type Event { seq: String! type: String! occurredAt: String! payload: String }
  type Query { ok: Boolean }
  type Subscription { events: Event! }
`);

type Listener = (event: object) => void;
const listeners = workspaceOfKey.size ? Array.from({ length: workspaceOfKey.size }, () => new Set<Listener>()) : [];
const sequences = listeners.map(() => 0);

/** An async iterator over one workspace's events, as graphql-ws subscriptions consume them. */
function stream(workspace: number): AsyncIterableIterator<{ events: object }> {
  const pending: object[] = [];
  let wake: ((result: IteratorResult<{ events: object }>) => void) | null = null;
  const listener: Listener = (event) => {
    if (wake) {
      const resolve = wake;
      wake = null;
      resolve({ value: { events: event }, done: false });
    } else pending.push(event);
  };
  listeners[workspace]!.add(listener);
  return {
    next: () => {
      const event = pending.shift();
      if (event) return Promise.resolve({ value: { events: event }, done: false });
      return new Promise((resolve) => (wake = resolve));
    },
    return: () => {
      listeners[workspace]!.delete(listener);
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const server = createServer();
useServer<Record<string, unknown>, { workspace?: number }>(
  {
    schema,
    onConnect: (ctx) => {
      const workspace = workspaceOfKey.get(String(ctx.connectionParams?.authorization));
      if (workspace === undefined) return false;
      ctx.extra.workspace = workspace;
      return true;
    },
    roots: {
      subscription: { events: (_args: unknown, ctx: { extra: { workspace: number } }) => stream(ctx.extra.workspace) },
    },
    context: (ctx) => ctx,
  },
  new WebSocketServer({ server, path: '/graphql' }),
);

/** On request: publish `rate` events per second for `seconds`, round-robin over the workspaces. */
process.on('message', (message: { type: string; rate: number; seconds: number }) => {
  if (message.type !== 'publish') return;
  let published = 0;
  const total = message.rate * message.seconds;
  const startedAt = Date.now();
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((Date.now() - startedAt) / 1000) * message.rate));
    for (; published < due; published++) {
      const workspace = published % listeners.length;
      const event = {
        seq: String(++sequences[workspace]!),
        type: 'counterparty.created',
        occurredAt: new Date().toISOString(),
        payload: null,
      };
      for (const listener of listeners[workspace]!) listener(event);
    }
    if (published >= total) {
      clearInterval(tick);
      process.send!({ type: 'published', published });
    }
  }, 5);
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
