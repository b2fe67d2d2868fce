import type { EntityManager } from '@mikro-orm/postgresql';
import { BACKGROUND, sql } from '../data/sql.js';

/**
 * Deletes events older than `olderThan` from the log. Subscribers resuming from before the oldest
 * kept event get EVENTS_EXPIRED instead of a silent gap.
 */
export async function purgeEventLog(em: EntityManager, olderThan: Date): Promise<number> {
  const result = await sql`${BACKGROUND} delete from event_log_entry where occurred_at < ${olderThan}`.execute(
    em.getKysely(),
  );
  return Number(result.numAffectedRows ?? 0);
}
