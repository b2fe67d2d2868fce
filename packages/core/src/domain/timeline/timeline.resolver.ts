import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context.js';
import { ConnectionArgs, connectionType, pageWindow } from '../../graphql/connection.js';
import { CounterpartyType } from '../counterparty/counterparty.type.js';
import { TimelineEntry } from './timeline-entry.type.js';
import { timelinePageByCounterparty } from './timeline.queries.js';

export const TimelineConnection = connectionType<TimelineEntry>(TimelineEntry, 'Timeline');

/** `Counterparty.timeline`: core interactions and every plugin's entries, newest first. */
@Resolver(() => CounterpartyType)
export class CounterpartyTimelineResolver {
  @FieldResolver(() => TimelineConnection)
  timeline(
    @Root() counterparty: CounterpartyType,
    @Args({ validate: false }) args: ConnectionArgs,
    @Arg('kinds', () => [String], { nullable: true, description: 'Only these entry kinds, e.g. ["core.interaction"]' })
    kinds: string[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    const window = pageWindow(args);
    return ctx.loader(timelinePageByCounterparty).load({
      counterpartyId: counterparty.id,
      kinds: kinds ?? null,
      window,
      argsKey: JSON.stringify([kinds, window]),
    });
  }
}
