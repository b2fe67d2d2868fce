import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../kernel/context.js';
import type { DomainEvent } from './domain-event.js';
import { eventStream } from './event-stream.js';
import { DomainEventType } from './event.type.js';

interface EventsArgs {
  types?: string[] | null;
  counterpartyId?: string | null;
}

function subscribeToEvents({ args, context }: SubscribeResolverData<unknown, EventsArgs, RequestContext>) {
  const principal = requirePrincipal(context);
  const { types, counterpartyId } = args;
  const wanted = types?.length ? new Set(types) : null;
  return eventStream(
    context.runtime.eventBus,
    (event) =>
      event.workspaceId === principal.workspaceId &&
      (!wanted || wanted.has(event.type)) &&
      (!counterpartyId || event.counterpartyId === counterpartyId),
  );
}

@Resolver()
export class EventResolver {
  @Subscription(() => DomainEventType, {
    description: "Your workspace's events as they commit, optionally only some types or one counterparty",
    subscribe: subscribeToEvents,
  })
  events(
    @Root() event: DomainEvent,
    @Arg('types', () => [String], { nullable: true, description: 'e.g. ["counterparty.created"]' })
    _types: string[] | null,
    @Arg('counterpartyId', () => ID, { nullable: true }) _counterpartyId: string | null,
    @Ctx() _ctx: RequestContext,
  ): DomainEvent {
    return event;
  }
}
