import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { InteractionObjectType } from '../interaction/interaction.type.js';

/** Carries the concrete GraphQL type of a timeline entry, set by the core when it merges sources. */
export const TIMELINE_TYPENAME = Symbol('timelineTypename');

/** The id of the source row behind an entry: the keyset cursor's tie-breaker. */
export const SOURCE_ROW_ID = Symbol('sourceRowId');

@InterfaceType('TimelineEntry', {
  description: 'One entry of a counterparty timeline; plugins add implementations',
  resolveType: (entry: { [TIMELINE_TYPENAME]?: string }) => entry[TIMELINE_TYPENAME],
})
export abstract class TimelineEntry {
  @Field(() => ID, { description: 'Unique across kinds: `<kind>:<id of the source row>`' })
  id!: string;

  [SOURCE_ROW_ID]?: string;

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
