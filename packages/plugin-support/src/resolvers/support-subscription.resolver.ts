import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { BigIntScalar, workspaceEventStream, type DomainEvent, type RequestContext } from '@kontra/core';
import { ticketById } from '../services/ticket.queries.js';
import { TicketType } from './support.types.js';

interface TicketRouting {
  queueId: string | null;
  assigneeId: string | null;
  ticketId?: string;
  internal?: boolean;
  clock?: string;
}

const TICKET_EVENTS = new Set([
  'support.ticketCreated',
  'support.ticketUpdated',
  'support.ticketAssigned',
  'support.ticketStatusChanged',
  'support.ticketRated',
  'support.commentAdded',
  'support.slaBreached',
]);

@ObjectType('TicketEvent', { simpleResolvers: true, description: 'A committed change to a ticket' })
export class TicketEventType {
  @Field(() => BigIntScalar) seq!: number;
  @Field({ description: 'e.g. support.ticketStatusChanged' }) type!: string;
  @Field(() => ID) ticketId!: string;
  @Field(() => String, { nullable: true, description: 'For support.slaBreached: FIRST_RESPONSE or RESOLUTION' })
  clock!: string | null;
}

interface BoardArgs {
  queueId?: string | null;
  assigneeId?: string | null;
}

/** Whether an event concerns the board asked for; a change moving a ticket between boards counts for both. */
function onBoard(event: DomainEvent, args: BoardArgs) {
  const routing = event.payload as TicketRouting;
  const was = (field: 'queueId' | 'assigneeId') => event.changes?.[field]?.old;
  const queueMatches = !args.queueId || routing.queueId === args.queueId || was('queueId') === args.queueId;
  const assigneeMatches =
    !args.assigneeId || routing.assigneeId === args.assigneeId || was('assigneeId') === args.assigneeId;
  return queueMatches && assigneeMatches;
}

function toTicketEvent(event: DomainEvent): TicketEventType {
  const payload = event.payload as TicketRouting;
  return {
    seq: event.seq,
    type: event.type,
    ticketId: event.entityType === 'Ticket' ? event.entityId : payload.ticketId!,
    clock: payload.clock ?? null,
  };
}

@Resolver(() => TicketEventType)
export class TicketSubscriptionResolver {
  @Subscription(() => TicketEventType, {
    description:
      'Ticket changes of one queue and/or one assignee (or all), as they commit: a live support board. ' +
      'Internal notes show only to staff; pass `after` to resume from a sequence.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, BoardArgs & { after?: number }, RequestContext>) =>
      workspaceEventStream(context, (event) => TICKET_EVENTS.has(event.type) && onBoard(event, args), {
        after: args.after ?? undefined,
        // Checked at delivery, with the subscriber's role as it is then.
        authorize: (event, principal) =>
          !(event.payload as TicketRouting).internal ||
          context.runtime.permits(principal.role, 'support.internal.read'),
      }),
  })
  ticketChanges(
    @Root() event: DomainEvent,
    @Arg('queueId', () => ID, { nullable: true }) _queueId: string,
    @Arg('assigneeId', () => ID, { nullable: true }) _assigneeId: string,
    @Arg('after', () => BigIntScalar, { nullable: true }) _after: number,
  ): TicketEventType {
    return toTicketEvent(event);
  }

  @Subscription(() => TicketEventType, {
    description: 'SLA targets missed, as the breach job or a late reply records them; optionally of one queue',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, BoardArgs, RequestContext>) =>
      workspaceEventStream(context, (event) => event.type === 'support.slaBreached' && onBoard(event, args)),
  })
  slaBreaches(@Root() event: DomainEvent, @Arg('queueId', () => ID, { nullable: true }) _queueId: string) {
    return toTicketEvent(event);
  }

  @FieldResolver(() => TicketType, { nullable: true, description: 'The ticket as it is now' })
  ticket(@Root() event: TicketEventType, @Ctx() ctx: RequestContext) {
    return ctx.loader(ticketById).load(event.ticketId);
  }
}
