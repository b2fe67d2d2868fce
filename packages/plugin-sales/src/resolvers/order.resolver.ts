import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  connectionType,
  counterpartyById,
  CounterpartyType,
  idFilterValue,
  isId,
  pageWindow,
  requirePrincipal,
  write,
  type RequestContext,
} from '@kontra/core';
import { OrderStatus } from '../entities/sales.enums.js';
import { placeOrder, setOrderStatus, toOrderRow } from '../services/order.service.js';
import {
  lifetimeValueByCounterparty,
  linesByOrder,
  listOrders,
  orderById,
  orderPageByCounterparty,
} from '../services/order.queries.js';
import { MoneyAmountType, OrderLineType, OrderType, PlaceOrderInput } from './order.types.js';
import { DealType, ProductType } from './sales.types.js';
import { dealById, productById } from '../services/sales.queries.js';

export const OrderConnection = connectionType<OrderType>(OrderType, 'Order');

@ArgsType()
class OrdersArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true }) counterpartyId?: string;
  @Field(() => OrderStatus, { nullable: true }) status?: OrderStatus;
  @Field({ nullable: true, description: 'Placed at or after' }) placedFrom?: Date;
  @Field({ nullable: true, description: 'Placed before' }) placedTo?: Date;
}

@Resolver(() => OrderType)
export class OrderResolver {
  @Query(() => OrderConnection, { description: 'Orders, newest first' })
  orders(@Args({ validate: false }) args: OrdersArgs, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    const counterpartyId = idFilterValue(args.counterpartyId);
    return listOrders(
      ctx,
      {
        counterpartyId,
        status: args.status ?? null,
        placedFrom: args.placedFrom ?? null,
        placedTo: args.placedTo ?? null,
      },
      pageWindow(args),
    );
  }

  @Query(() => OrderType, { nullable: true })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return isId(id) ? ctx.loader(orderById).load(id) : null;
  }

  @FieldResolver(() => CounterpartyType)
  counterparty(@Root() order: OrderType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(order.counterpartyId);
  }

  @FieldResolver(() => [OrderLineType])
  lines(@Root() order: OrderType, @Ctx() ctx: RequestContext) {
    return ctx.loader(linesByOrder).load(order.id);
  }

  @FieldResolver(() => DealType, { nullable: true, description: 'The deal the order came from' })
  deal(@Root() order: OrderType, @Ctx() ctx: RequestContext) {
    return order.dealId ? ctx.loader(dealById).load(order.dealId) : null;
  }

  @Mutation(() => OrderType, {
    description: 'Places an order; a bad line is reported by its index and nothing is written',
  })
  async placeOrder(@Arg('input') input: PlaceOrderInput, @Ctx() ctx: RequestContext) {
    const { loyalty } = ctx.runtime.config('sales');
    const { order } = await write(ctx, 'sales.order.write', (tx) => placeOrder(tx, input, loyalty));
    return toOrderRow(order);
  }

  @Mutation(() => OrderType, {
    description: 'PLACED → PAID → SHIPPED; PLACED/PAID → CANCELLED; PAID/SHIPPED → REFUNDED',
  })
  async setOrderStatus(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => OrderStatus) status: OrderStatus,
    @Ctx() ctx: RequestContext,
  ) {
    return toOrderRow(await write(ctx, 'sales.order.write', (tx) => setOrderStatus(tx, id, version, status)));
  }
}

@Resolver(() => OrderLineType)
export class OrderLineResolver {
  @FieldResolver(() => ProductType)
  product(@Root() line: OrderLineType, @Ctx() ctx: RequestContext) {
    return ctx.loader(productById).load(line.productId);
  }
}

/** `Counterparty.orders` and `Counterparty.lifetimeValue`, added through the plugin contract. */
@Resolver(() => CounterpartyType)
export class CounterpartyOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: 'Purchases, newest first (sales plugin)' })
  orders(
    @Root() counterparty: CounterpartyType,
    @Args({ validate: false }) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const window = pageWindow(args, 5);
    return ctx
      .loader(orderPageByCounterparty)
      .load({ parentId: counterparty.id, window, argsKey: JSON.stringify(window) });
  }

  @FieldResolver(() => [MoneyAmountType], {
    description: 'Total of all orders not cancelled or refunded, per currency (sales plugin)',
  })
  lifetimeValue(@Root() counterparty: CounterpartyType, @Ctx() ctx: RequestContext) {
    return ctx.loader(lifetimeValueByCounterparty).load(counterparty.id);
  }
}
