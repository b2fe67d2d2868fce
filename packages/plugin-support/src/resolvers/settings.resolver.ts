import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, write, type RequestContext } from '@kontra/core';
import type { BusinessCalendar, SlaPolicy, SupportQueue } from '../entities/settings.entity.js';
import {
  createCalendar,
  createPolicy,
  createQueue,
  deletePolicy,
  deleteQueue,
  updateCalendar,
  updatePolicy,
  updateQueue,
} from '../services/settings.service.js';
import { calendarById, listCalendars, listPolicies, listQueues } from '../services/settings.queries.js';
import {
  BusinessCalendarInput,
  SlaPolicyInput,
  SupportQueueInput,
  UpdateBusinessCalendarInput,
  UpdateSlaPolicyInput,
  UpdateSupportQueueInput,
} from './inputs/settings.inputs.js';
import { BusinessCalendarType, SlaPolicyType, SupportQueueType } from './support.types.js';

const MANAGE = 'support.settings.manage';

function toQueue(q: SupportQueue): SupportQueueType {
  return { id: q.id, name: q.name, version: q.version };
}

function toCalendar(c: BusinessCalendar): BusinessCalendarType {
  return {
    id: c.id,
    name: c.name,
    timeZone: c.timeZone,
    workingHours: c.workingHours,
    holidays: c.holidays,
    version: c.version,
  };
}

function toPolicy(p: SlaPolicy): SlaPolicyType {
  return {
    id: p.id,
    name: p.name,
    priority: p.priority,
    tag: p.tag,
    firstResponseMinutes: p.firstResponseMinutes,
    resolutionMinutes: p.resolutionMinutes,
    calendarId: p.calendar?.id ?? null,
    version: p.version,
  };
}

@Resolver(() => SupportQueueType)
export class SupportSettingsResolver {
  @Query(() => [SupportQueueType], { description: 'Support queues by name' })
  supportQueues(@Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listQueues(ctx);
  }

  @Query(() => [BusinessCalendarType])
  businessCalendars(@Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listCalendars(ctx);
  }

  @Query(() => [SlaPolicyType], { description: 'SLA policies, most urgent priority first' })
  slaPolicies(@Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listPolicies(ctx);
  }

  @Mutation(() => SupportQueueType)
  async createSupportQueue(@Arg('input') input: SupportQueueInput, @Ctx() ctx: RequestContext) {
    return toQueue(await write(ctx, MANAGE, async (tx) => createQueue(tx, input)));
  }

  @Mutation(() => SupportQueueType)
  async updateSupportQueue(@Arg('input') input: UpdateSupportQueueInput, @Ctx() ctx: RequestContext) {
    return toQueue(await write(ctx, MANAGE, (tx) => updateQueue(tx, input)));
  }

  @Mutation(() => SupportQueueType, { description: 'Removes a queue from lists; its tickets keep their queue' })
  async deleteSupportQueue(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toQueue(await write(ctx, MANAGE, (tx) => deleteQueue(tx, id, version)));
  }

  @Mutation(() => BusinessCalendarType)
  async createBusinessCalendar(@Arg('input') input: BusinessCalendarInput, @Ctx() ctx: RequestContext) {
    return toCalendar(await write(ctx, MANAGE, async (tx) => createCalendar(tx, input)));
  }

  @Mutation(() => BusinessCalendarType, { description: 'New working hours apply to clocks started or resumed after' })
  async updateBusinessCalendar(@Arg('input') input: UpdateBusinessCalendarInput, @Ctx() ctx: RequestContext) {
    return toCalendar(await write(ctx, MANAGE, (tx) => updateCalendar(tx, input)));
  }

  @Mutation(() => SlaPolicyType)
  async createSlaPolicy(@Arg('input') input: SlaPolicyInput, @Ctx() ctx: RequestContext) {
    return toPolicy(await write(ctx, MANAGE, (tx) => createPolicy(tx, input)));
  }

  @Mutation(() => SlaPolicyType)
  async updateSlaPolicy(@Arg('input') input: UpdateSlaPolicyInput, @Ctx() ctx: RequestContext) {
    return toPolicy(await write(ctx, MANAGE, (tx) => updatePolicy(tx, input)));
  }

  @Mutation(() => SlaPolicyType, {
    description: 'New tickets no longer get it; tickets that have it keep their clocks',
  })
  async deleteSlaPolicy(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toPolicy(await write(ctx, MANAGE, (tx) => deletePolicy(tx, id, version)));
  }
}

@Resolver(() => SlaPolicyType)
export class SlaPolicyResolver {
  @FieldResolver(() => BusinessCalendarType, { nullable: true, description: 'Null: round the clock' })
  calendar(@Root() policy: SlaPolicyType, @Ctx() ctx: RequestContext) {
    return policy.calendarId ? ctx.loader(calendarById).load(policy.calendarId) : null;
  }
}
