import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import {
  badUserInput,
  Counterparty,
  CounterpartyType,
  defineLoader,
  queryRows,
  sql,
  TimelineEntry,
  Workspace,
  write,
  type RequestContext,
} from '@kontra/core';
import { Stamp } from './stamp.entity.js';

@ObjectType('StampTimelineEntry', { implements: TimelineEntry })
export class StampTimelineEntry extends TimelineEntry {
  @Field()
  reason!: string;
}

@InputType()
export class StampCountFilter {
  @Field(() => Int)
  atLeast!: number;
}

export const stampCountByCounterparty = defineLoader<string, number>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<{ counterpartyId: string; count: string }>`select counterparty_id as "counterpartyId", count(*) as count
      from fixture_stamp where workspace_id = ${ctx.principal?.workspaceId ?? null}
      and counterparty_id = any(${ids}::uuid[]) group by counterparty_id`,
  );
  const counts = new Map(rows.map((r) => [r.counterpartyId, Number(r.count)]));
  return ids.map((id) => counts.get(id) ?? 0);
});

export const stampReasonById = defineLoader<string, { reason: string } | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<{ id: string; reason: string }>`select id, reason from fixture_stamp
      where workspace_id = ${ctx.principal?.workspaceId ?? null} and id = any(${ids}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id, { reason: r.reason }]));
  return ids.map((id) => byId.get(id) ?? null);
});

@Resolver(() => CounterpartyType)
export class StampResolver {
  @FieldResolver(() => Int, { description: 'Loyalty stamps collected (fixture plugin)' })
  stampCount(@Root() counterparty: CounterpartyType, @Ctx() ctx: RequestContext) {
    return ctx.loader(stampCountByCounterparty).load(counterparty.id);
  }

  @Mutation(() => ID)
  addStamp(
    @Arg('counterpartyId', () => ID) counterpartyId: string,
    @Arg('reason') reason: string,
    @Arg('stampedAt') stampedAt: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return write(ctx, 'fixture.stamp', async (tx) => {
      const counterparty = await tx.em.findOne(Counterparty, {
        id: counterpartyId,
        workspace: tx.principal.workspaceId,
      });
      if (!counterparty) throw badUserInput('No such counterparty', [{ path: 'counterpartyId', message: 'not found' }]);
      const stamp = Object.assign(new Stamp(), {
        workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
        counterparty,
        reason,
        stampedAt,
      });
      tx.em.persist(stamp);
      tx.emit({
        type: 'fixture.stamped',
        entityType: 'Stamp',
        entityId: stamp.id,
        counterpartyId,
        payload: { reason },
      });
      return stamp.id;
    });
  }
}
