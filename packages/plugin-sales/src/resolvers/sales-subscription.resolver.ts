import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { BigIntScalar, eventStream, requirePrincipal, type DomainEvent, type RequestContext } from '@kontra/core';
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

function workspaceEvents(
  context: RequestContext,
  accept: (event: DomainEvent) => boolean,
): AsyncIterableIterator<DomainEvent> {
  const principal = requirePrincipal(context);
  return eventStream(context.runtime.eventFeed, principal.workspaceId, accept);
}

@Resolver(() => DealEventType)
export class DealSubscriptionResolver {
  @Subscription(() => DealEventType, {
    description: 'Deal changes of one pipeline, as they commit: a live board',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { pipelineId: string }, RequestContext>) =>
      workspaceEvents(
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
    // A subscription keeps one context for all its events: drop the previous event's copy.
    return ctx.loader(dealById).clear(event.dealId).load(event.dealId);
  }
}

@Resolver(() => OrderEventType)
export class OrderSubscriptionResolver {
  @Subscription(() => OrderEventType, {
    description: 'Orders placed in your workspace, as they commit',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, RequestContext>) =>
      workspaceEvents(context, (event) => event.type === 'sales.orderPlaced'),
  })
  ordersPlaced(@Root() event: DomainEvent): OrderEventType {
    return { seq: event.seq, type: event.type, orderId: event.entityId };
  }

  @FieldResolver(() => OrderType, { nullable: true })
  order(@Root() event: OrderEventType, @Ctx() ctx: RequestContext) {
    return ctx.loader(orderById).clear(event.orderId).load(event.orderId);
  }
}
