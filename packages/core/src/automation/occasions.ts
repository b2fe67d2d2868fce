import type { EntityManager } from '@mikro-orm/postgresql';
import { systemPrincipal } from '../auth/act-as.js';
import { BACKGROUND, queryRows, sql, type SqlFragment } from '../data/sql.js';
import { write } from '../events/write.js';
import { createRequestContext } from '../kernel/context.js';
import { defineJob } from '../jobs/job.js';
import type { KontraRuntime } from '../kernel/runtime.js';

/**
 * A recurring date in a counterparty's life (a birthday, a first purchase's anniversary), announced
 * by an event on the day so that trigger rules and webhooks can act on it.
 */
export interface Occasion {
  /** Unique per plugin, e.g. `birthday` or `sales.purchaseAnniversary`. */
  kind: string;
  /** The event announcing it, e.g. `counterparty.birthday`. */
  eventType: string;
  /**
   * Selects `workspace_id`, `counterparty_id` and a jsonb `payload` for every counterparty whose
   * occasion falls on `monthDay` (`MM-DD`) of the UTC date `on` (`YYYY-MM-DD`).
   */
  candidates(on: string, monthDay: string): SqlFragment;
}

/**
 * Announces the occasions falling on `date`: each (counterparty, occasion, day) once, recorded in
 * `occasion_log` in the same transaction as its event, so running the job again adds nothing.
 */
export async function announceOccasions(runtime: KontraRuntime, occasion: Occasion, date: Date): Promise<number> {
  const on = date.toISOString().slice(0, 10);
  const due = await queryRows(
    runtime.orm.em.fork() as EntityManager,
    sql<{ workspaceId: string; counterpartyId: string; payload: Record<string, unknown> }>`${BACKGROUND}
      select c.workspace_id as "workspaceId", c.counterparty_id as "counterpartyId", c.payload
      from (${occasion.candidates(on, on.slice(5))}) c
      where not exists (select 1 from occasion_log l where l.workspace_id = c.workspace_id
        and l.counterparty_id = c.counterparty_id and l.kind = ${occasion.kind} and l.occurs_on = ${on}::date)`,
  );
  let announced = 0;
  for (const [workspaceId, rows] of Map.groupBy(due, (row) => row.workspaceId)) {
    announced += await write(
      createRequestContext(runtime, systemPrincipal(workspaceId)),
      'automation.manage',
      async (tx) => {
        let count = 0;
        for (const row of rows) {
          const inserted = await queryRows(
            tx.em,
            sql`insert into occasion_log (workspace_id, counterparty_id, kind, occurs_on)
            values (${workspaceId}, ${row.counterpartyId}, ${occasion.kind}, ${on}::date) on conflict do nothing returning 1`,
          );
          if (inserted.length === 0) continue;
          tx.emit({
            type: occasion.eventType,
            entityType: 'Counterparty',
            entityId: row.counterpartyId,
            counterpartyId: row.counterpartyId,
            payload: { ...row.payload, on },
          });
          count++;
        }
        return count;
      },
    );
  }
  return announced;
}

/** Birthdays of people and founding anniversaries of organisations; 29 February falls on the 28th in other years. */
export const birthdays: Occasion = {
  kind: 'birthday',
  eventType: 'counterparty.birthday',
  candidates: (on, monthDay) => sql`select workspace_id, id as counterparty_id,
      jsonb_build_object('displayName', display_name, 'kind', kind, 'birthday', birthday,
        'years', extract(year from age(${on}::date, birthday))::int) as payload
    from counterparty
    where deleted_at is null and birthday is not null and birthday <= ${on}::date
      and (to_char(birthday, 'MM-DD') = ${monthDay}
        or (to_char(birthday, 'MM-DD') = '02-29' and ${monthDay} = '02-28'
          and extract(day from (date_trunc('year', ${on}::date) + interval '1 month 28 days'))::int <> 29))`,
};

/** Looks hourly, so a day's occasions are announced early on that day (UTC) and after any restart. */
export function occasionsJob(name: string, occasion: Occasion) {
  return defineJob({
    name,
    everySeconds: 3600,
    run: async (_data, runtime) => {
      await announceOccasions(runtime, occasion, runtime.now());
    },
  });
}

export const birthdayJob = occasionsJob('core.birthdays', birthdays);
