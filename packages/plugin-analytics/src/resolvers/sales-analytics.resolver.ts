import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import {
  counterpartyById,
  CounterpartyRole,
  CounterpartyType,
  InteractionType,
  idFilterValue,
  isId,
  requirePrincipal,
  type RequestContext,
} from '@kontra/core';
import {
  averageOrderValue,
  contactedWithoutPurchase,
  monthlyBaskets,
  typicalMonthlyBasket,
} from '../services/sales-analytics.queries.js';
import { purchaseSequence } from '../services/purchase-sequence.queries.js';
import { productAudience } from '../services/audience.queries.js';
import {
  AudienceMemberType,
  ContactWithoutPurchaseType,
  MonthlyBasketType,
  OrderValueReportType,
  ProductAudienceType,
  PurchaseSequenceType,
  SequenceLevel,
  TypicalMonthlyBasketType,
} from './analytics.types.js';
import { checkedPeriod, PeriodInput } from './period.input.js';
import { checkedId, within } from './arguments.js';

@InputType({ description: 'Which customers a figure covers; all given conditions hold' })
export class SegmentFilterInput {
  @Field(() => CounterpartyRole, { nullable: true }) role?: CounterpartyRole;
  @Field({ nullable: true }) @IsOptional() @MaxLength(60) tag?: string;
  @Field(() => ID, { nullable: true }) ownerId?: string;
}

function segmentOf(filter: SegmentFilterInput | undefined) {
  return {
    role: filter?.role ?? null,
    tag: filter?.tag ?? null,
    ownerId: idFilterValue(filter?.ownerId),
  };
}

/** The sales questions; present only when the sales plugin is loaded. */
@Resolver()
export class SalesAnalyticsResolver {
  @Query(() => [MonthlyBasketType], {
    description: 'Question 1, per customer: what they bought, month by month (months with no purchase are absent)',
  })
  monthlyBaskets(
    @Arg('counterpartyId', () => ID) counterpartyId: string,
    @Arg('period') period: PeriodInput,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    if (!isId(counterpartyId)) return [];
    return monthlyBaskets(ctx, counterpartyId, checkedPeriod(period));
  }

  @Query(() => TypicalMonthlyBasketType, {
    description: "Question 1, for a segment: the products most often in a customer's month of buying",
  })
  typicalMonthlyBasket(
    @Arg('period') period: PeriodInput,
    @Arg('filter', () => SegmentFilterInput, { nullable: true }) filter: SegmentFilterInput | undefined,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 500' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return typicalMonthlyBasket(ctx, checkedPeriod(period), segmentOf(filter), within('first', first, 1, 500));
  }

  @Query(() => [ContactWithoutPurchaseType], {
    description:
      'Question 3: who contacted us in the period (inbound, of the given types) and bought nothing then ' +
      'nor in the graceDays after; most recent contact first',
  })
  contactedWithoutPurchase(
    @Arg('period') period: PeriodInput,
    @Arg('interactionTypes', () => [InteractionType], {
      nullable: true,
      description: 'Defaults to the configured contactInteractionTypes (calls, e-mails, messages)',
    })
    interactionTypes: InteractionType[] | undefined,
    @Arg('graceDays', () => Int, { defaultValue: 0, description: '0 to 365' }) graceDays: number,
    @Arg('first', () => Int, { defaultValue: 100, description: '1 to 1000' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    const types = interactionTypes?.length ? interactionTypes : ctx.runtime.config('analytics').contactInteractionTypes;
    return contactedWithoutPurchase(
      ctx,
      checkedPeriod(period),
      types,
      within('graceDays', graceDays, 0, 365),
      within('first', first, 1, 1000),
    );
  }

  @Query(() => PurchaseSequenceType, {
    description:
      'Question 2: after their first purchase of a product (or of any product of a category), what customers ' +
      'buy in their next order, by number of customers, with the share and the median days between',
  })
  purchaseSequence(
    @Arg('itemId', () => ID, { description: 'A product id, or a category id with level: CATEGORY' }) itemId: string,
    @Arg('level', () => SequenceLevel, { defaultValue: SequenceLevel.PRODUCT }) level: SequenceLevel,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 500' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return purchaseSequence(ctx, level, checkedId('itemId', 'item', itemId), within('first', first, 1, 500));
  }

  @Query(() => ProductAudienceType, {
    description:
      'Question 4: who to tell about a product: customers who have not bought it and consent to contact, ' +
      'by affinity (its category, products bought with it, products after which customers bought it next)',
  })
  productAudience(
    @Arg('productId', () => ID) productId: string,
    @Arg('first', () => Int, { defaultValue: 100, description: '1 to 5000' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return productAudience(ctx, checkedId('productId', 'product', productId), within('first', first, 1, 5000));
  }

  @Query(() => OrderValueReportType, { description: 'Average order value per month and currency, and its trend' })
  averageOrderValue(@Arg('period') period: PeriodInput, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return averageOrderValue(ctx, checkedPeriod(period));
  }
}

@Resolver(() => MonthlyBasketType)
export class MonthlyBasketResolver {
  @FieldResolver(() => CounterpartyType, { nullable: true })
  counterparty(@Root() basket: MonthlyBasketType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(basket.counterpartyId);
  }
}

@Resolver(() => ContactWithoutPurchaseType)
export class ContactWithoutPurchaseResolver {
  @FieldResolver(() => CounterpartyType, { nullable: true })
  counterparty(@Root() row: ContactWithoutPurchaseType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(row.counterpartyId);
  }
}

@Resolver(() => AudienceMemberType)
export class AudienceMemberResolver {
  @FieldResolver(() => CounterpartyType, { nullable: true })
  counterparty(@Root() member: AudienceMemberType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(member.counterpartyId);
  }
}
