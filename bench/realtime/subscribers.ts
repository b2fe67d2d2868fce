// Holds many graphql-ws subscribers, each following its workspace's events, and reports on IPC what
// arrived: per event its commit-to-receipt latency, and whether any subscriber saw a sequence twice.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface Start {
  url: string;
  /** One API key per workspace; subscribers are spread evenly over them. */
  keys: string[];
  subscribers: number;
}

const QUERY = 'subscription { events { seq occurredAt } }';
const clients: Client[] = [];
let latencies: number[] = [];
let delivered = 0;
let duplicates = 0;
let connected = 0;

function subscribe(url: string, key: string): Promise<void> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  let lastSeq = 0;
  return new Promise((resolve, reject) => {
    client.on('connected', () => {
      connected++;
      resolve();
    });
    client.on('closed', () => reject(new Error('closed')));
    client.subscribe<{ events: { seq: number | string; occurredAt: string } }>(
      { query: QUERY },
      {
        next: (message) => {
          const event = message.data!.events;
          const seq = Number(event.seq);
          if (seq <= lastSeq) duplicates++;
          lastSeq = Math.max(lastSeq, seq);
          delivered++;
          latencies.push(Date.now() - Date.parse(event.occurredAt));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  });
}

process.on('message', (message: { type: string } & Partial<Start>) => {
  void (async () => {
    if (message.type === 'start') {
      const { url, keys, subscribers } = message as Start;
      for (let i = 0; i < subscribers; i += 200) {
        await Promise.all(
          Array.from({ length: Math.min(200, subscribers - i) }, (_, j) =>
            subscribe(url, keys[(i + j) % keys.length]!),
          ),
        );
      }
      process.send!({ type: 'started', connected });
    } else if (message.type === 'collect') {
      process.send!({ type: 'collected', delivered, duplicates, latencies, connected });
      latencies = [];
      delivered = 0;
      duplicates = 0;
    }
  })();
});
