import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { isId } from '../data/ids.js';
import { queryRows, sql } from '../data/sql.js';
import { write } from '../events/write.js';
import { requirePermission, workspaceIdOf, type RequestContext } from '../kernel/context.js';
import { RunStatus } from './automation.enums.js';
import type { TriggerRule, WebhookEndpoint } from './automation.entities.js';
import {
  createEndpoint,
  createRule,
  deleteEndpoint,
  replayDelivery,
  updateEndpoint,
  updateRule,
} from './automation.service.js';
import {
  CreatedWebhookEndpointType,
  TriggerRuleInput,
  TriggerRuleType,
  TriggerRunType,
  UpdateTriggerRuleInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryType,
  WebhookEndpointInput,
  WebhookEndpointType,
} from './automation.types.js';

const MANAGE = 'automation.manage';

/** How many records of deliveries or runs one query returns: `first`, within 0..500. */
function recordLimit(first: number): number {
  return Math.min(Math.max(first, 0), 500);
}

function toEndpoint(e: WebhookEndpoint): WebhookEndpointType {
  return {
    id: e.id,
    url: e.url,
    eventTypes: e.eventTypes,
    active: e.active,
    version: e.version,
    createdAt: e.createdAt,
  };
}

function toRule(r: TriggerRule): TriggerRuleType {
  return {
    id: r.id,
    name: r.name,
    eventType: r.eventType,
    conditions: r.conditions,
    actions: r.actions as TriggerRuleType['actions'],
    active: r.active,
    version: r.version,
  };
}

const DELIVERY_COLUMNS = sql`id, endpoint_id as "endpointId", event_id as "eventId", event_seq::int as "eventSeq",
  event_type as "eventType", replay_of as "replayOf", status, attempts, last_status_code as "lastStatusCode",
  last_error as "lastError", last_attempt_at as "lastAttemptAt", completed_at as "completedAt", created_at as "createdAt"`;

/** Webhooks and trigger rules: managed by admins and managers, who also read their records. */
@Resolver()
export class AutomationResolver {
  @Query(() => [WebhookEndpointType])
  webhookEndpoints(@Ctx() ctx: RequestContext) {
    requirePermission(ctx, MANAGE);
    return queryRows(
      ctx.em,
      sql<WebhookEndpointType>`select id, url, event_types as "eventTypes", active, version, created_at as "createdAt"
        from webhook_endpoint where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null order by created_at, id`,
    );
  }

  @Query(() => [WebhookDeliveryType], { description: "An endpoint's deliveries, newest first" })
  webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('status', () => RunStatus, { nullable: true }) status: RunStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePermission(ctx, MANAGE);
    if (!isId(endpointId)) return [];
    return queryRows(
      ctx.em,
      sql<WebhookDeliveryType>`select ${DELIVERY_COLUMNS} from webhook_delivery
        where workspace_id = ${workspaceIdOf(ctx)} and endpoint_id = ${endpointId}
          and (${status}::text is null or status::text = ${status})
        order by created_at desc, id desc limit ${recordLimit(first)}`,
    );
  }

  @Query(() => [TriggerRuleType])
  async triggerRules(@Ctx() ctx: RequestContext) {
    requirePermission(ctx, MANAGE);
    return queryRows(
      ctx.em,
      sql<TriggerRuleType>`select id, name, event_type as "eventType", conditions, actions, active, version
        from trigger_rule where workspace_id = ${workspaceIdOf(ctx)} and deleted_at is null order by created_at, id`,
    );
  }

  @Query(() => [TriggerRunType], { description: "A rule's runs, newest first" })
  triggerRuns(
    @Arg('ruleId', () => ID) ruleId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePermission(ctx, MANAGE);
    if (!isId(ruleId)) return [];
    return queryRows(
      ctx.em,
      sql<TriggerRunType>`select id, rule_id as "ruleId", event_id as "eventId", event_seq::int as "eventSeq", status,
          attempts, last_error as "lastError", completed_at as "completedAt", created_at as "createdAt"
        from trigger_run where workspace_id = ${workspaceIdOf(ctx)} and rule_id = ${ruleId}
        order by created_at desc, id desc limit ${recordLimit(first)}`,
    );
  }

  @Mutation(() => CreatedWebhookEndpointType, {
    description: 'Subscribes a URL to event types from now on; the answer carries the signing secret, once',
  })
  async createWebhookEndpoint(@Arg('input') input: WebhookEndpointInput, @Ctx() ctx: RequestContext) {
    const endpoint = await write(ctx, MANAGE, (tx) => createEndpoint(tx, input));
    return { endpoint: toEndpoint(endpoint), secret: endpoint.secret };
  }

  @Mutation(() => WebhookEndpointType)
  async updateWebhookEndpoint(@Arg('input') input: UpdateWebhookEndpointInput, @Ctx() ctx: RequestContext) {
    return toEndpoint(await write(ctx, MANAGE, (tx) => updateEndpoint(tx, input)));
  }

  @Mutation(() => WebhookEndpointType)
  async deleteWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toEndpoint(await write(ctx, MANAGE, (tx) => deleteEndpoint(tx, id, version)));
  }

  @Mutation(() => WebhookDeliveryType, { description: "Sends a delivery's event again, as a new delivery" })
  async replayWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const replayId = await write(ctx, MANAGE, (tx) => replayDelivery(ctx.runtime, tx, id));
    const [row] = await queryRows(
      ctx.em,
      sql<WebhookDeliveryType>`select ${DELIVERY_COLUMNS} from webhook_delivery where id = ${replayId}`,
    );
    return row;
  }

  @Mutation(() => TriggerRuleType, { description: 'A rule acting on events committed from now on' })
  async createTriggerRule(@Arg('input') input: TriggerRuleInput, @Ctx() ctx: RequestContext) {
    return toRule(await write(ctx, MANAGE, (tx) => createRule(tx, input)));
  }

  @Mutation(() => TriggerRuleType, { description: 'Turns a rule on or off' })
  async updateTriggerRule(@Arg('input') input: UpdateTriggerRuleInput, @Ctx() ctx: RequestContext) {
    return toRule(await write(ctx, MANAGE, (tx) => updateRule(tx, input)));
  }
}
