import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Length, Min } from 'class-validator';
import {
  CounterpartyType,
  defineLoader,
  workspaceIdOf,
  manyByKey,
  oneByKey,
  queryRows,
  sql,
  write,
  type RequestContext,
} from '@kontra/core';
import type { LoyaltyCard } from '../entities/loyalty.entity.js';
import { issueCard, redeemPoints, tierFor } from '../services/loyalty.service.js';

@ObjectType('LoyaltyTier', { simpleResolvers: true })
export class LoyaltyTierType {
  @Field() name!: string;
  @Field(() => Int, { description: 'Lifetime points from which it applies' }) minPoints!: number;
}

@ObjectType('LoyaltyTransaction', { simpleResolvers: true })
export class LoyaltyTransactionType {
  @Field(() => ID) id!: string;
  cardId!: string;
  @Field(() => Int, { description: 'Positive when earned, negative when redeemed or reversed' }) points!: number;
  @Field() reason!: string;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('LoyaltyCard', { simpleResolvers: true })
export class LoyaltyCardType {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field(() => Int) pointsEarned!: number;
  @Field(() => Int) pointsRedeemed!: number;
  @Field(() => Int) balance!: number;
  @Field(() => Int) version!: number;
}

@InputType()
export class RedeemPointsInput {
  @Field(() => ID) cardId!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field(() => Int) @Min(1) points!: number;
  @Field() @Length(1, 255) reason!: string;
}

const CARD_COLUMNS = sql`id, number, points_earned as "pointsEarned", points_redeemed as "pointsRedeemed",
  points_earned - points_redeemed as balance, version`;

const cardByCounterparty = defineLoader<string, LoyaltyCardType | null>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<LoyaltyCardType & { counterpartyId: string }>`select ${CARD_COLUMNS}, counterparty_id as "counterpartyId"
      from sales_loyalty_card where workspace_id = ${workspaceIdOf(ctx)}
        and counterparty_id = any(${ids}::uuid[]) and deleted_at is null`,
  );
  return oneByKey(ids, rows, (row) => row.counterpartyId);
});

const transactionsByCard = defineLoader<string, LoyaltyTransactionType[]>(async (ctx, ids) => {
  const rows = await queryRows(
    ctx.em,
    sql<LoyaltyTransactionType>`select id, card_id as "cardId", points, reason, order_id as "orderId", created_at as "createdAt"
      from sales_loyalty_transaction where workspace_id = ${workspaceIdOf(ctx)}
        and card_id = any(${ids}::uuid[]) order by created_at desc, id desc`,
  );
  return manyByKey(ids, rows, (row) => row.cardId);
});

function toCardRow(card: LoyaltyCard): LoyaltyCardType {
  return {
    id: card.id,
    number: card.number,
    pointsEarned: card.pointsEarned,
    pointsRedeemed: card.pointsRedeemed,
    balance: card.pointsEarned - card.pointsRedeemed,
    version: card.version,
  };
}

@Resolver(() => LoyaltyCardType)
export class LoyaltyResolver {
  @FieldResolver(() => LoyaltyTierType, { description: 'By lifetime points, under the configured tiers' })
  tier(@Root() card: LoyaltyCardType, @Ctx() ctx: RequestContext) {
    return tierFor(ctx.runtime.config('sales').loyalty, card.pointsEarned).tier;
  }

  @FieldResolver(() => LoyaltyTierType, { nullable: true, description: 'The next tier, or null at the top' })
  nextTier(@Root() card: LoyaltyCardType, @Ctx() ctx: RequestContext) {
    return tierFor(ctx.runtime.config('sales').loyalty, card.pointsEarned).next;
  }

  @FieldResolver(() => [LoyaltyTransactionType], { description: 'Point movements, newest first' })
  transactions(@Root() card: LoyaltyCardType, @Ctx() ctx: RequestContext) {
    return ctx.loader(transactionsByCard).load(card.id);
  }

  @Mutation(() => LoyaltyCardType)
  async issueLoyaltyCard(@Arg('counterpartyId', () => ID) counterpartyId: string, @Ctx() ctx: RequestContext) {
    return toCardRow(await write(ctx, 'sales.order.write', (tx) => issueCard(tx, counterpartyId)));
  }

  @Mutation(() => LoyaltyCardType, { description: 'Spends points; more than the balance is BAD_USER_INPUT' })
  async redeemLoyaltyPoints(@Arg('input') input: RedeemPointsInput, @Ctx() ctx: RequestContext) {
    return toCardRow(
      await write(ctx, 'sales.order.write', (tx) =>
        redeemPoints(tx, input.cardId, input.version, input.points, input.reason),
      ),
    );
  }
}

/** `Counterparty.loyalty`, added through the plugin contract. */
@Resolver(() => CounterpartyType)
export class CounterpartyLoyaltyResolver {
  @FieldResolver(() => LoyaltyCardType, { nullable: true, description: 'The loyalty card, if issued (sales plugin)' })
  loyalty(@Root() counterparty: CounterpartyType, @Ctx() ctx: RequestContext) {
    return ctx.loader(cardByCounterparty).load(counterparty.id);
  }
}
