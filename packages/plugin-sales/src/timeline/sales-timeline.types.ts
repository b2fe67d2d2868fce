import { Field, ObjectType } from 'type-graphql';
import { TimelineEntry } from '@kontra/core';
import { OrderType } from '../resolvers/order.types.js';
import { DealStageChangeType, DealType } from '../resolvers/sales.types.js';

@ObjectType('DealTimelineEntry', {
  simpleResolvers: true,
  implements: TimelineEntry,
  description: 'A deal was created',
})
export class DealTimelineEntry extends TimelineEntry {
  @Field(() => DealType) deal!: DealType;
}

@ObjectType('DealMovedTimelineEntry', {
  simpleResolvers: true,
  implements: TimelineEntry,
  description: 'A deal moved stage: kinds sales.dealMoved, sales.dealWon, sales.dealLost',
})
export class DealMovedTimelineEntry extends TimelineEntry {
  @Field(() => DealStageChangeType) stageChange!: DealStageChangeType;
}

@ObjectType('OrderTimelineEntry', {
  simpleResolvers: true,
  implements: TimelineEntry,
  description: 'An order was placed (sales.orderPlaced) or cancelled (sales.orderCancelled)',
})
export class OrderTimelineEntry extends TimelineEntry {
  @Field(() => OrderType) order!: OrderType;
}
