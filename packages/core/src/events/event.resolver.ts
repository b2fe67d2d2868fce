import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { BigIntScalar } from '../graphql/scalars.js';
import type { RequestContext } from '../kernel/context.js';
import type { DomainEvent } from './domain-event.js';
import { workspaceEventStream } from './event-stream.js';
import { DomainEventType } from './event.type.js';

interface EventsArgs {
  types?: string[] | null;
  counterpartyId?: string | null;
  after?: number | null;
}

function subscribeToEvents({ args, context }: SubscribeResolverData<unknown, EventsArgs, RequestContext>) {
  const { types, counterpartyId, after } = args;
  const wanted = types?.length ? new Set(types) : null;
  return workspaceEventStream(
    context,
    (event) => (!wanted || wanted.has(event.type)) && (!counterpartyId || event.counterpartyId === counterpartyId),
    { after: after ?? undefined },
  );
}

@Resolver()
export class EventResolver {
  @Subscription(() => DomainEventType, {
    description:
      "Your workspace's events as they commit, in sequence order, optionally only some types or one counterparty. " +
      'Pass `after` (the last seq you saw) to receive what you missed first.',
    subscribe: subscribeToEvents,
  })
  events(
    @Root() event: DomainEvent,
    @Arg('types', () => [String], { nullable: true, description: 'e.g. ["counterparty.created"]' })
    _types: string[] | null,
    @Arg('counterpartyId', () => ID, { nullable: true }) _counterpartyId: string | null,
    @Arg('after', () => BigIntScalar, { nullable: true, description: 'Resume after this sequence number' })
    _after: number | null,
    @Ctx() _ctx: RequestContext,
  ): DomainEvent {
    return event;
  }
}
