import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { freeLoopbackPort } from './free-port.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on loopback so the
 * ORM's ordinary PostgreSQL driver talks to it. Data persists in `dataDir` across restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm, btree_gin } });
  const port = await freeLoopbackPort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections });
  keepExtendedQueriesTogether(server as unknown as { queryQueue: QueryQueue });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
}

/** Extended-protocol messages that leave a sequence open until Sync (Parse, Bind, Describe, Execute, Close, Flush). */
const OPENS_SEQUENCE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * PGlite is one session shared by every socket. pglite-socket keeps a connection's messages
 * together only inside a transaction, so two connections' Parse/Bind/Execute/Sync sequences can
 * interleave and one loses its unnamed prepared statement (pg-boss's concurrent queries hit it).
 * This keeps each connection's messages together from the first of a sequence up to its Sync,
 * as it already does for transactions.
 */
function keepExtendedQueriesTogether(server: { queryQueue: QueryQueue }): void {
  const queue = server.queryQueue;
  let midSequence = false;
  queue.processQueue = async function (this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = this.lastHandlerId !== null && (midSequence || this.db.isInTransaction());
        const index = sticky ? this.queue.findIndex((m) => m.handlerId === this.lastHandlerId) : 0;
        if (index === -1) break; // the connection in the middle of its sequence has not sent the rest yet
        const [next] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(next.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
        } catch (error) {
          next.reject(error);
          midSequence = false;
          continue;
        }
        this.lastHandlerId = next.handlerId;
        midSequence = OPENS_SEQUENCE.has(next.message[0]!);
        next.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
