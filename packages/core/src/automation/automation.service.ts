import { badUserInput, notFound, type FieldProblem } from '../graphql/errors.js';
import { findLive, loadForUpdate } from '../data/load-for-update.js';
import { isId } from '../data/ids.js';
import { queryRows, sql } from '../data/sql.js';
import { User } from '../domain/workspace/user.entity.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';
import { readEvent } from '../events/event-rows.js';
import type { WriteContext } from '../events/write.js';
import type { KontraRuntime } from '../kernel/runtime.js';
import { TriggerRule, WebhookEndpoint, type TriggerAction } from './automation.entities.js';
import {
  TriggerActionType,
  type TriggerRuleInput,
  type UpdateTriggerRuleInput,
  type UpdateWebhookEndpointInput,
  type WebhookEndpointInput,
} from './automation.types.js';
import { queueDelivery } from './dispatch.job.js';
import { newWebhookSecret } from './webhook-signature.js';

/** The workspace's current sequence: new endpoints and rules act on events after it. */
async function currentSeq(tx: WriteContext): Promise<number> {
  const [row] = await queryRows(
    tx.em,
    sql<{ seq: string }>`select last_event_seq as seq from workspace where id = ${tx.principal.workspaceId}`,
  );
  return Number(row!.seq);
}

function emitChange(tx: WriteContext, entityType: string, action: string, id: string, payload: object) {
  tx.emit({
    type: `automation.${entityType.charAt(0).toLowerCase()}${entityType.slice(1)}${action}`,
    entityType,
    entityId: id,
    payload,
  });
}

export async function createEndpoint(tx: WriteContext, input: WebhookEndpointInput) {
  const endpoint = Object.assign(new WebhookEndpoint(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    url: input.url,
    secret: newWebhookSecret(),
    eventTypes: [...new Set(input.eventTypes)],
    sinceSeq: await currentSeq(tx),
  });
  tx.em.persist(endpoint);
  emitChange(tx, 'WebhookEndpoint', 'Created', endpoint.id, { url: endpoint.url, eventTypes: endpoint.eventTypes });
  return endpoint;
}

export async function updateEndpoint(tx: WriteContext, input: UpdateWebhookEndpointInput) {
  const endpoint = await loadForUpdate(tx, WebhookEndpoint, input.id, {
    expectedVersion: input.version,
    label: 'WebhookEndpoint',
  });
  if (input.url != null) endpoint.url = input.url;
  if (input.eventTypes != null) endpoint.eventTypes = [...new Set(input.eventTypes)];
  if (input.active != null) endpoint.active = input.active;
  emitChange(tx, 'WebhookEndpoint', 'Updated', endpoint.id, { url: endpoint.url, active: endpoint.active });
  return endpoint;
}

export async function deleteEndpoint(tx: WriteContext, id: string, version: number) {
  const endpoint = await loadForUpdate(tx, WebhookEndpoint, id, { expectedVersion: version, label: 'WebhookEndpoint' });
  endpoint.deletedAt = new Date();
  endpoint.active = false;
  emitChange(tx, 'WebhookEndpoint', 'Deleted', endpoint.id, { url: endpoint.url });
  return endpoint;
}

/** Sends a recorded delivery's event again, as a new delivery with its own attempts. */
export async function replayDelivery(runtime: KontraRuntime, tx: WriteContext, deliveryId: string): Promise<string> {
  const [delivery] = isId(deliveryId)
    ? await queryRows(
        tx.em,
        sql<{ endpointId: string; eventId: string }>`select d.endpoint_id as "endpointId", d.event_id as "eventId"
          from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id and e.deleted_at is null
          where d.workspace_id = ${tx.principal.workspaceId} and d.id = ${deliveryId}`,
      )
    : [];
  if (!delivery) throw notFound('WebhookDelivery', deliveryId);
  const event = await readEvent(tx.em, tx.principal.workspaceId, delivery.eventId);
  if (!event) {
    throw badUserInput('The event is no longer in the log', [
      { path: 'id', message: 'its event was purged by retention' },
    ]);
  }
  await queueDelivery(runtime, tx.em, event, delivery.endpointId, deliveryId);
  const [replay] = await queryRows(
    tx.em,
    sql<{
      id: string;
    }>`select id from webhook_delivery where replay_of = ${deliveryId} order by created_at desc limit 1`,
  );
  tx.emit({
    type: 'automation.webhookReplayed',
    entityType: 'WebhookDelivery',
    entityId: replay!.id,
    payload: { replayOf: deliveryId },
  });
  return replay!.id;
}

async function checkedActions(tx: WriteContext, input: TriggerRuleInput): Promise<TriggerAction[]> {
  const problems: FieldProblem[] = [];
  const actions: TriggerAction[] = [];
  for (const [index, action] of input.actions.entries()) {
    const path = `actions.${index}`;
    if (action.type === TriggerActionType.CREATE_TASK) {
      if (!action.subject) problems.push({ path: `${path}.subject`, message: 'is required for CREATE_TASK' });
      else actions.push({ type: 'CREATE_TASK', subject: action.subject, body: action.body ?? null });
    } else if (action.type === TriggerActionType.ASSIGN_OWNER) {
      if (!(await findLive(tx, User, action.userId)))
        problems.push({ path: `${path}.userId`, message: 'is not a user of this workspace' });
      else actions.push({ type: 'ASSIGN_OWNER', userId: action.userId! });
    } else {
      if (!(await findLive(tx, WebhookEndpoint, action.endpointId))) {
        problems.push({ path: `${path}.endpointId`, message: 'is not a webhook endpoint of this workspace' });
      } else actions.push({ type: 'NOTIFY_WEBHOOK', endpointId: action.endpointId! });
    }
  }
  if (problems.length) throw badUserInput('The trigger rule is invalid', problems);
  return actions;
}

export async function createRule(tx: WriteContext, input: TriggerRuleInput) {
  const rule = Object.assign(new TriggerRule(), {
    workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
    name: input.name,
    eventType: input.eventType,
    conditions: input.conditions.map(({ path, equals }) => ({ path, equals })),
    actions: await checkedActions(tx, input),
    createdBy: tx.em.getReference(User, tx.principal.userId),
    sinceSeq: await currentSeq(tx),
  });
  tx.em.persist(rule);
  emitChange(tx, 'TriggerRule', 'Created', rule.id, { name: rule.name, eventType: rule.eventType });
  return rule;
}

export async function updateRule(tx: WriteContext, input: UpdateTriggerRuleInput) {
  const rule = await loadForUpdate(tx, TriggerRule, input.id, { expectedVersion: input.version, label: 'TriggerRule' });
  if (input.active != null) rule.active = input.active;
  emitChange(tx, 'TriggerRule', 'Updated', rule.id, { name: rule.name, active: rule.active });
  return rule;
}
