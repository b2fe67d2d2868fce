import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  connectionType,
  counterpartyById,
  idFilterValue,
  CounterpartyType,
  DateScalar,
  pageWindow,
  requirePrincipal,
  userById,
  UserType,
  write,
  type RequestContext,
} from '@kontra/core';
import { StageKind } from '../entities/sales.enums.js';
import { createDeal, moveDeal, toDealRow, updateDeal } from '../services/deal.service.js';
import {
  dealById,
  dealPageByParent,
  linesByDeal,
  listDeals,
  productById,
  pipelineById,
  stageById,
  stageChangesByDeal,
} from '../services/sales.queries.js';
import { CreateDealInput, MoveDealInput, UpdateDealInput } from './inputs/deal.inputs.js';
import { DealLineType, DealStageChangeType, DealType, PipelineType, ProductType, StageType } from './sales.types.js';

export const DealConnection = connectionType<DealType>(DealType, 'Deal');

@ArgsType()
class DealsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true }) pipelineId?: string;
  @Field(() => ID, { nullable: true }) stageId?: string;
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field(() => ID, { nullable: true }) counterpartyId?: string;
  @Field(() => StageKind, { nullable: true }) status?: StageKind;
  @Field(() => DateScalar, { nullable: true, description: 'Expected to close on or after' }) expectedCloseFrom?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Expected to close on or before' }) expectedCloseTo?: string;
}

@Resolver(() => DealType)
export class DealResolver {
  @Query(() => DealConnection, {
    description: 'Deals newest first, by pipeline, stage, owner, counterparty, close date',
  })
  deals(@Args({ validate: false }) args: DealsArgs, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return listDeals(
      ctx,
      {
        pipelineId: idFilterValue(args.pipelineId),
        stageId: idFilterValue(args.stageId),
        ownerId: idFilterValue(args.ownerId),
        counterpartyId: idFilterValue(args.counterpartyId),
        status: args.status ?? null,
        expectedCloseFrom: args.expectedCloseFrom ?? null,
        expectedCloseTo: args.expectedCloseTo ?? null,
      },
      pageWindow(args),
    );
  }

  @FieldResolver(() => CounterpartyType)
  counterparty(@Root() deal: DealType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(deal.counterpartyId);
  }

  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() deal: DealType, @Ctx() ctx: RequestContext) {
    return deal.ownerId ? ctx.loader(userById).load(deal.ownerId) : null;
  }

  @FieldResolver(() => PipelineType)
  pipeline(@Root() deal: DealType, @Ctx() ctx: RequestContext) {
    return ctx.loader(pipelineById).load(deal.pipelineId);
  }

  @FieldResolver(() => StageType)
  stage(@Root() deal: DealType, @Ctx() ctx: RequestContext) {
    return ctx.loader(stageById).load(deal.stageId);
  }

  @FieldResolver(() => [DealLineType], { description: 'Products on offer; when present, the amount is their sum' })
  lines(@Root() deal: DealType, @Ctx() ctx: RequestContext) {
    return ctx.loader(linesByDeal).load(deal.id);
  }

  @FieldResolver(() => [DealStageChangeType], { description: 'Every stage move, oldest first' })
  stageHistory(@Root() deal: DealType, @Ctx() ctx: RequestContext) {
    return ctx.loader(stageChangesByDeal).load(deal.id);
  }

  @Mutation(() => DealType)
  async createDeal(@Arg('input') input: CreateDealInput, @Ctx() ctx: RequestContext) {
    const { defaultCurrency } = ctx.runtime.config('sales');
    return toDealRow(await write(ctx, 'sales.deal.write', (tx) => createDeal(tx, input, defaultCurrency)));
  }

  @Mutation(() => DealType)
  async updateDeal(@Arg('input') input: UpdateDealInput, @Ctx() ctx: RequestContext) {
    return toDealRow(await write(ctx, 'sales.deal.write', (tx) => updateDeal(tx, input)));
  }

  @Mutation(() => DealType, {
    description: 'Moves an open deal to another stage of its pipeline (won and lost included)',
  })
  async moveDeal(@Arg('input') input: MoveDealInput, @Ctx() ctx: RequestContext) {
    return toDealRow(await write(ctx, 'sales.deal.write', (tx) => moveDeal(tx, input, false)));
  }

  @Mutation(() => DealType, { description: 'Brings a won or lost deal back into an open stage' })
  async reopenDeal(@Arg('input') input: MoveDealInput, @Ctx() ctx: RequestContext) {
    return toDealRow(await write(ctx, 'sales.deal.write', (tx) => moveDeal(tx, input, true)));
  }
}

@Resolver(() => DealLineType)
export class DealLineResolver {
  @FieldResolver(() => ProductType)
  product(@Root() line: DealLineType, @Ctx() ctx: RequestContext) {
    return ctx.loader(productById).load(line.productId);
  }
}

@Resolver(() => DealStageChangeType)
export class DealStageChangeResolver {
  @FieldResolver(() => DealType)
  deal(@Root() change: DealStageChangeType, @Ctx() ctx: RequestContext) {
    return ctx.loader(dealById).load(change.dealId);
  }

  @FieldResolver(() => StageType, { nullable: true })
  fromStage(@Root() change: DealStageChangeType, @Ctx() ctx: RequestContext) {
    return change.fromStageId ? ctx.loader(stageById).load(change.fromStageId) : null;
  }

  @FieldResolver(() => StageType)
  toStage(@Root() change: DealStageChangeType, @Ctx() ctx: RequestContext) {
    return ctx.loader(stageById).load(change.toStageId);
  }

  @FieldResolver(() => UserType, { nullable: true })
  actor(@Root() change: DealStageChangeType, @Ctx() ctx: RequestContext) {
    return change.actorId ? ctx.loader(userById).load(change.actorId) : null;
  }
}

/** `Counterparty.deals`, added through the plugin contract. */
@Resolver(() => CounterpartyType)
export class CounterpartyDealsResolver {
  @FieldResolver(() => DealConnection, { description: 'Deals with this counterparty, newest first (sales plugin)' })
  deals(
    @Root() counterparty: CounterpartyType,
    @Args({ validate: false }) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const window = pageWindow(args, 5);
    return ctx.loader(dealPageByParent).load({
      parentId: counterparty.id,
      parent: 'counterparty',
      window,
      argsKey: JSON.stringify(['counterparty', window]),
    });
  }
}
