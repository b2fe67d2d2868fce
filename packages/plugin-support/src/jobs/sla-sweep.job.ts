import {
  BACKGROUND,
  createRequestContext,
  defineJob,
  LockMode,
  queryRows,
  sql,
  systemPrincipal,
  write,
  type EntityManager,
  type KontraRuntime,
} from '@kontra/core';
import { Ticket } from '../entities/ticket.entity.js';
import { breachOverdueClocks } from '../services/sla.service.js';

const BATCH = 500;

function overdue(prefix: 'first_response' | 'resolution', now: Date) {
  const column = (name: string) => sql.ref(`${prefix}_${name}`);
  return sql`(${column('running_since')} is not null and ${column('breached_at')} is null and ${column('due_at')} <= ${now})`;
}

/**
 * Finds running SLA clocks past their due time and records the breach, with a `support.slaBreached`
 * event, whether or not anyone reads the ticket. Each ticket is re-checked under its row lock, so
 * a retried or concurrent sweep records every breach once.
 */
export async function sweepBreaches(runtime: KontraRuntime): Promise<number> {
  const em = runtime.orm.em.fork() as EntityManager;
  let recorded = 0;
  for (;;) {
    const now = runtime.now();
    const due = await queryRows(
      em,
      sql<{
        id: string;
        workspaceId: string;
      }>`${BACKGROUND} select id, workspace_id as "workspaceId" from support_ticket
        where deleted_at is null and (${overdue('first_response', now)} or ${overdue('resolution', now)})
        order by workspace_id limit ${BATCH}`,
    );
    for (const [workspaceId, tickets] of Map.groupBy(due, (row) => row.workspaceId)) {
      const ctx = createRequestContext(runtime, systemPrincipal(workspaceId));
      recorded += await write(ctx, 'support.ticket.write', async (tx) => {
        let breaches = 0;
        const locked = await tx.em.find(
          Ticket,
          { id: { $in: tickets.map((t) => t.id) }, workspace: workspaceId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        for (const ticket of locked) breaches += breachOverdueClocks(tx, ticket, now);
        return breaches;
      });
    }
    if (due.length < BATCH) return recorded;
  }
}

export const slaSweepJob = defineJob({
  name: 'support.slaSweep',
  everySeconds: (runtime) => runtime.config('support').slaSweepSeconds,
  run: async (_data, runtime) => {
    await sweepBreaches(runtime);
  },
});
