import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { queryRows, sql } from '../data/sql.js';
import { findLive, loadForUpdate } from '../data/load-for-update.js';
import { Counterparty } from '../domain/counterparty/counterparty.entity.js';
import { InteractionDirection, InteractionType } from '../domain/interaction/interaction.enums.js';
import { createInteraction } from '../domain/interaction/interaction.service.js';
import { User } from '../domain/workspace/user.entity.js';
import type { DomainEvent } from '../events/domain-event.js';
import { readEvent } from '../events/event-rows.js';
import { write, type WriteContext } from '../events/write.js';
import { createRequestContext } from '../kernel/context.js';
import { defineJob } from '../jobs/job.js';
import type { KontraRuntime } from '../kernel/runtime.js';
import { RunStatus } from './automation.enums.js';
import { TriggerRun, type TriggerAction, type TriggerRule } from './automation.entities.js';
import { queueDelivery } from './dispatch.job.js';
import { valueAt } from './trigger-conditions.js';

const RUN_RETRIES = 5;

/** `{payload.subject}` in a task's text becomes the event's value there. */
function fill(template: string, event: DomainEvent): string {
  return template.replace(/\{([\w.]+)\}/g, (_, path: string) => String(valueAt(event, path) ?? ''));
}

async function perform(
  runtime: KontraRuntime,
  tx: WriteContext,
  action: TriggerAction,
  event: DomainEvent,
  rule: TriggerRule,
) {
  const counterparty = event.counterpartyId ? await findLive(tx, Counterparty, event.counterpartyId) : null;
  switch (action.type) {
    case 'CREATE_TASK': {
      if (!counterparty) throw new Error('the event concerns no counterparty to put the task on');
      const owner = counterparty.owner?.id ?? rule.createdBy.id;
      await createInteraction(tx, {
        counterpartyId: counterparty.id,
        type: InteractionType.NOTE,
        direction: InteractionDirection.INTERNAL,
        occurredAt: event.occurredAt,
        subject: fill(action.subject, event),
        body: action.body ? fill(action.body, event) : null,
        outcome: 'open task',
        participants: [{ userId: owner, role: 'ASSIGNEE' }],
      });
      return;
    }
    case 'ASSIGN_OWNER': {
      if (!counterparty || counterparty.owner) return;
      const target = await loadForUpdate(tx, Counterparty, counterparty.id, { label: 'Counterparty' });
      const owner = await findLive(tx, User, action.userId);
      if (!owner) throw new Error(`user ${action.userId} is no longer in the workspace`);
      target.owner = owner;
      tx.emit({
        type: 'counterparty.updated',
        entityType: 'Counterparty',
        entityId: target.id,
        counterpartyId: target.id,
        payload: { displayName: target.displayName },
        changes: { ownerId: { old: null, new: owner.id } },
      });
      return;
    }
    case 'NOTIFY_WEBHOOK':
      await queueDelivery(runtime, tx.em, event, action.endpointId);
  }
}

/**
 * Runs a rule's actions for one event, with the authority of the rule's author, and marks the run
 * done in the same transaction: a job retried after a crash finds it done (or finds nothing
 * committed) and so acts exactly once.
 */
export async function runTrigger(runtime: KontraRuntime, runId: string): Promise<void> {
  const em = runtime.orm.em.fork() as EntityManager;
  const run = await em.findOne(TriggerRun, { id: runId }, { populate: ['rule', 'rule.createdBy'] });
  if (!run || run.status !== RunStatus.PENDING) return;
  const rule = run.rule;
  const author = rule.createdBy;
  const principal = {
    userId: author.id,
    workspaceId: run.workspace.id,
    role: author.role,
    apiKeyId: `trigger:${rule.id}`,
    origin: `trigger:${rule.id}`,
  };
  try {
    await write(createRequestContext(runtime, principal), 'automation.manage', async (tx) => {
      const locked = await tx.em.findOne(
        TriggerRun,
        { id: runId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!locked || locked.status !== RunStatus.PENDING) return;
      const event = await readEvent(tx.em, run.workspace.id, run.eventId);
      if (!event) throw new Error('the event is no longer in the log (retention)');
      for (const action of rule.actions) await perform(runtime, tx, action, event, rule);
      Object.assign(locked, {
        status: RunStatus.SUCCEEDED,
        attempts: locked.attempts + 1,
        completedAt: new Date(),
        lastError: null,
      });
    });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const giveUp = run.attempts + 1 > RUN_RETRIES;
    await queryRows(
      em,
      sql`update trigger_run set attempts = attempts + 1, last_error = ${error},
          status = ${giveUp ? 'FAILED' : 'PENDING'}::automation_run_status where id = ${runId} and status = 'PENDING'`,
    );
    if (!giveUp) throw err;
  }
}

export const triggerRunJob = defineJob<{ runId: string }>({
  name: 'core.triggerRun',
  retryLimit: RUN_RETRIES,
  run: (data, runtime) => runTrigger(runtime, data.runId),
});
