import { sql, type RawBuilder } from 'kysely';
import type { EntityManager } from '@mikro-orm/postgresql';

export { sql };
export type SqlFragment = RawBuilder<unknown>;

/**
 * Runs a parameterised statement on the request's connection (inside its transaction, if any) and
 * returns plain rows: the read path skips entity hydration.
 */
export async function queryRows<Row>(em: EntityManager, statement: RawBuilder<Row>): Promise<Row[]> {
  const result = await statement.execute(em.getKysely());
  return result.rows;
}

/**
 * Marks a statement of periodic background work (job scans, retention), which tests that count a
 * request's statements leave out: `sql\`${BACKGROUND} select …\``.
 */
export const BACKGROUND = sql.raw('/* kontra:background */');
