import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { BigIntScalar, workspaceEventStream, type DomainEvent, type RequestContext } from '@kontra/core';
import { orderById } from '../services/order.queries.js';
import { dealById } from '../services/sales.queries.js';
import { OrderType } from './order.types.js';
import { DealType } from './sales.types.js';

const DEAL_EVENTS = new Set([
  'sales.dealCreated',
  'sales.dealUpdated',
  'sales.dealStageChanged',
  'sales.dealWon',
  'sales.dealLost',
  'sales.dealReopened',
]);

@ObjectType('DealEvent', { simpleResolvers: true, description: 'A committed change to a deal' })
export class DealEventType {
  @Field(() => BigIntScalar) seq!: number;
  @Field({ description: 'e.g. sales.dealWon' }) type!: string;
  @Field(() => ID) dealId!: string;
}

@ObjectType('OrderEvent', { simpleResolvers: true, description: 'A committed order placement' })
export class OrderEventType {
  @Field(() => BigIntScalar) seq!: number;
  @Field() type!: string;
  @Field(() => ID) orderId!: string;
}

@Resolver(() => DealEventType)
export class DealSubscriptionResolver {
  @Subscription(() => DealEventType, {
    description: 'Deal changes of one pipeline, as they commit: a live board',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { pipelineId: string }, RequestContext>) =>
      workspaceEventStream(
        context,
        (event) =>
          DEAL_EVENTS.has(event.type) && (event.payload as { pipelineId?: string }).pipelineId === args.pipelineId,
      ),
  })
  dealChanges(@Root() event: DomainEvent, @Arg('pipelineId', () => ID) _pipelineId: string): DealEventType {
    return { seq: event.seq, type: event.type, dealId: event.entityId };
  }

  @FieldResolver(() => DealType, { nullable: true, description: 'The deal as it is now (null if it was deleted)' })
  deal(@Root() event: DealEventType, @Ctx() ctx: RequestContext) {
    return ctx.loader(dealById).load(event.dealId);
  }
}

@Resolver(() => OrderEventType)
export class OrderSubscriptionResolver {
  @Subscription(() => OrderEventType, {
    description: 'Orders placed in your workspace, as they commit',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, RequestContext>) =>
      workspaceEventStream(context, (event) => event.type === 'sales.orderPlaced'),
  })
  ordersPlaced(@Root() event: DomainEvent): OrderEventType {
    return { seq: event.seq, type: event.type, orderId: event.entityId };
  }

  @FieldResolver(() => OrderType, { nullable: true })
  order(@Root() event: OrderEventType, @Ctx() ctx: RequestContext) {
    return ctx.loader(orderById).load(event.orderId);
  }
}
