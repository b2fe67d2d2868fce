import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { InteractionObjectType } from '../interaction/interaction.type.js';

/** Carries the concrete GraphQL type of a timeline entry, set by the core when it merges sources. */
export const TIMELINE_TYPENAME = Symbol('timelineTypename');

@InterfaceType('TimelineEntry', {
  description: 'One entry of a counterparty timeline; plugins add implementations',
  resolveType: (entry: { [TIMELINE_TYPENAME]?: string }) => entry[TIMELINE_TYPENAME],
})
export abstract class TimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field({ description: 'The source, e.g. core.interaction or sales.orderPlaced' })
  kind!: string;
}

@ObjectType('InteractionTimelineEntry', { simpleResolvers: true, implements: TimelineEntry })
export class InteractionTimelineEntry extends TimelineEntry {
  @Field(() => InteractionObjectType)
  interaction!: InteractionObjectType;
}
