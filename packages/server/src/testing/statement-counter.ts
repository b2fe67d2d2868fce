import pg from 'pg';

/** How `BACKGROUND` from @kontra/core begins a statement. */
const BACKGROUND_MARK = '/* kontra:background */';

type Query = pg.Client['query'];

/**
 * Counts statements sent through the `pg` driver by patching its Client once. Tests use it to
 * prove a request's statement count does not grow with page size. The server pins `pg` to the
 * version @mikro-orm/postgresql uses, so both share one Client class.
 */
class StatementCounter {
  #count = 0;
  #installed = false;

  #install(): void {
    if (this.#installed) return;
    this.#installed = true;
    const original: Query = pg.Client.prototype.query;
    const countOne = () => this.#count++;
    pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<Query>) {
      const [statement] = args as unknown as [string | { text?: string }];
      const text = typeof statement === 'string' ? statement : statement?.text;
      // Periodic background work (job scans) is not part of the request being measured.
      if (!text?.startsWith(BACKGROUND_MARK)) countOne();
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as Query;
  }

  async count(work: () => Promise<unknown>): Promise<number> {
    this.#install();
    const before = this.#count;
    await work();
    return this.#count - before;
  }
}

export const statementCounter = new StatementCounter();
