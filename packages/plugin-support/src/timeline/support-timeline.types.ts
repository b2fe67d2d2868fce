import { Field, ObjectType } from 'type-graphql';
import { TimelineEntry } from '@kontra/core';
import { TicketCommentType, TicketStatusChangeType, TicketType } from '../resolvers/support.types.js';

@ObjectType('TicketTimelineEntry', { simpleResolvers: true, implements: TimelineEntry, description: 'A ticket opened' })
export class TicketTimelineEntry extends TimelineEntry {
  @Field(() => TicketType) ticket!: TicketType;
}

@ObjectType('TicketReplyTimelineEntry', {
  simpleResolvers: true,
  implements: TimelineEntry,
  description: 'A public reply on a ticket',
})
export class TicketReplyTimelineEntry extends TimelineEntry {
  @Field(() => TicketCommentType) comment!: TicketCommentType;
}

@ObjectType('TicketResolvedTimelineEntry', {
  simpleResolvers: true,
  implements: TimelineEntry,
  description: 'A ticket resolved',
})
export class TicketResolvedTimelineEntry extends TimelineEntry {
  @Field(() => TicketStatusChangeType) statusChange!: TicketStatusChangeType;
}

@ObjectType('SlaBreachTimelineEntry', {
  simpleResolvers: true,
  implements: TimelineEntry,
  description: 'A ticket missed an SLA target',
})
export class SlaBreachTimelineEntry extends TimelineEntry {
  @Field(() => TicketType) ticket!: TicketType;
  @Field({ description: 'FIRST_RESPONSE or RESOLUTION' }) clock!: string;
}
