import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  AttachmentType,
  attachmentById,
  ConnectionArgs,
  connectionType,
  counterpartyById,
  CounterpartyType,
  isId,
  pageWindow,
  requirePrincipal,
  userById,
  UserType,
  write,
  type RequestContext,
} from '@kontra/core';
import { ACTIVE_STATUSES, TicketStatus } from '../entities/support.enums.js';
import type { Ticket } from '../entities/ticket.entity.js';
import { addComment } from '../services/comment.service.js';
import {
  attachmentIdsByComment,
  conversationOf,
  lastCommentOf,
  statusChangesByTicket,
} from '../services/comment.queries.js';
import { policyById, queueById } from '../services/settings.queries.js';
import {
  listTickets,
  openTicketCountByCounterparty,
  ticketById,
  ticketPageByCounterparty,
} from '../services/ticket.queries.js';
import { changeTicketStatus, createTicket, rateTicket, updateTicket } from '../services/ticket.service.js';
import { readsInternal, salesLinks } from './access.js';
import { TicketFilter, TicketOrder } from './inputs/ticket-filter.input.js';
import {
  AddTicketCommentInput,
  ChangeTicketStatusInput,
  CreateTicketInput,
  RateTicketInput,
  UpdateTicketInput,
} from './inputs/ticket.inputs.js';
import {
  SlaPolicyType,
  SupportQueueType,
  TicketCommentType,
  TicketSatisfactionType,
  TicketSlaType,
  TicketStatusChangeType,
  TicketType,
} from './support.types.js';

export const TicketConnection = connectionType<TicketType>(TicketType, 'Ticket');

@ArgsType()
class TicketsArgs extends ConnectionArgs {
  @Field(() => TicketFilter, { nullable: true }) filter?: TicketFilter;
  @Field(() => TicketOrder, { defaultValue: TicketOrder.NEWEST }) orderBy!: TicketOrder;
}

@ArgsType()
class MyTicketsArgs extends ConnectionArgs {}

/** Reads the committed ticket back through the read path, so a mutation returns what a query would. */
async function reread(ctx: RequestContext, ticket: Ticket): Promise<TicketType> {
  ctx.clearLoaders();
  return (await ctx.loader(ticketById).load(ticket.id))!;
}

@Resolver(() => TicketType)
export class TicketResolver {
  @Query(() => TicketConnection, { description: 'Tickets filtered and sorted: queue views, searches, reports' })
  tickets(@Args({ validate: false }) args: TicketsArgs, @Ctx() ctx: RequestContext) {
    return listTickets(
      ctx,
      { filter: args.filter ?? {}, order: args.orderBy, readInternal: readsInternal(ctx) },
      pageWindow(args),
    );
  }

  @Query(() => TicketConnection, { description: 'Your unresolved tickets, soonest SLA due time first' })
  myOpenTickets(@Args({ validate: false }) args: MyTicketsArgs, @Ctx() ctx: RequestContext) {
    const principal = requirePrincipal(ctx);
    return listTickets(
      ctx,
      {
        filter: { assigneeId: principal.userId, status: [...ACTIVE_STATUSES] },
        order: TicketOrder.DUE,
        readInternal: readsInternal(ctx),
      },
      pageWindow(args),
    );
  }

  @Query(() => TicketType, { nullable: true })
  ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return isId(id) ? ctx.loader(ticketById).load(id) : null;
  }

  @FieldResolver(() => CounterpartyType)
  counterparty(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(ticket.counterpartyId);
  }

  @FieldResolver(() => CounterpartyType, { nullable: true, description: 'The person who asked' })
  contact(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return ticket.contactId ? ctx.loader(counterpartyById).load(ticket.contactId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  assignee(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return ticket.assigneeId ? ctx.loader(userById).load(ticket.assigneeId) : null;
  }

  @FieldResolver(() => SupportQueueType, { nullable: true })
  queue(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return ticket.queueId ? ctx.loader(queueById).load(ticket.queueId) : null;
  }

  @FieldResolver(() => TicketSlaType, { description: 'Due times and whether they were met, in business time' })
  sla(@Root() ticket: TicketType) {
    return ticket.sla;
  }

  @FieldResolver(() => [TicketCommentType], {
    description: 'The conversation, oldest first; internal notes only for staff (not viewers)',
  })
  comments(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return conversationOf(ctx, ticket.id, readsInternal(ctx));
  }

  @FieldResolver(() => TicketCommentType, { nullable: true, description: 'The latest comment you may read' })
  lastComment(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return lastCommentOf(ctx, ticket.id, readsInternal(ctx));
  }

  @FieldResolver(() => [TicketStatusChangeType], { description: 'Every status change, oldest first' })
  statusHistory(@Root() ticket: TicketType, @Ctx() ctx: RequestContext) {
    return ctx.loader(statusChangesByTicket).load(ticket.id);
  }

  @FieldResolver(() => TicketSatisfactionType, { nullable: true, description: "The customer's rating, once given" })
  satisfaction(@Root() ticket: TicketType): TicketSatisfactionType | null {
    return ticket.satisfactionRating === null
      ? null
      : { rating: ticket.satisfactionRating, comment: ticket.satisfactionComment, ratedAt: ticket.ratedAt! };
  }

  @Mutation(() => TicketType, { description: 'Opens a ticket; the SLA policy for its priority (and tags) applies' })
  async createTicket(@Arg('input') input: CreateTicketInput, @Ctx() ctx: RequestContext) {
    return reread(
      ctx,
      await write(ctx, 'support.ticket.write', (tx) => createTicket(tx, input, salesLinks(ctx), ctx.runtime.now())),
    );
  }

  @Mutation(() => TicketType, { description: 'Edits, reprioritises or reassigns a ticket' })
  async updateTicket(@Arg('input') input: UpdateTicketInput, @Ctx() ctx: RequestContext) {
    return reread(
      ctx,
      await write(ctx, 'support.ticket.write', (tx) => updateTicket(tx, input, salesLinks(ctx), ctx.runtime.now())),
    );
  }

  @Mutation(() => TicketType, {
    description: 'Moves a ticket along its life cycle; a transition not allowed is BAD_USER_INPUT',
  })
  async changeTicketStatus(@Arg('input') input: ChangeTicketStatusInput, @Ctx() ctx: RequestContext) {
    return reread(
      ctx,
      await write(ctx, 'support.ticket.write', (tx) => changeTicketStatus(tx, input, ctx.runtime.now())),
    );
  }

  @Mutation(() => TicketType, { description: "Records the customer's satisfaction with a resolved ticket" })
  async rateTicket(@Arg('input') input: RateTicketInput, @Ctx() ctx: RequestContext) {
    return reread(ctx, await write(ctx, 'support.ticket.write', (tx) => rateTicket(tx, input, ctx.runtime.now())));
  }

  @Mutation(() => TicketCommentType, {
    description: 'A public reply, an internal note, or a message from the customer',
  })
  async addTicketComment(@Arg('input') input: AddTicketCommentInput, @Ctx() ctx: RequestContext) {
    const comment = await write(ctx, 'support.ticket.write', (tx) => addComment(tx, input, ctx.runtime.now()));
    return {
      id: comment.id,
      ticketId: comment.ticket.id,
      authorId: comment.author?.id ?? null,
      authorCounterpartyId: comment.authorCounterparty?.id ?? null,
      body: comment.body,
      internal: comment.internal,
      createdAt: comment.createdAt,
    } satisfies TicketCommentType;
  }
}

@Resolver(() => TicketSlaType)
export class TicketSlaResolver {
  @FieldResolver(() => SlaPolicyType, { nullable: true, description: 'The policy whose targets apply' })
  policy(@Root() sla: TicketSlaType, @Ctx() ctx: RequestContext) {
    return sla.slaPolicyId ? ctx.loader(policyById).load(sla.slaPolicyId) : null;
  }
}

@Resolver(() => TicketCommentType)
export class TicketCommentResolver {
  @FieldResolver(() => TicketType, { nullable: true })
  ticket(@Root() comment: TicketCommentType, @Ctx() ctx: RequestContext) {
    return ctx.loader(ticketById).load(comment.ticketId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The agent who wrote it' })
  author(@Root() comment: TicketCommentType, @Ctx() ctx: RequestContext) {
    return comment.authorId ? ctx.loader(userById).load(comment.authorId) : null;
  }

  @FieldResolver(() => CounterpartyType, { nullable: true, description: 'The customer who wrote it' })
  authorCounterparty(@Root() comment: TicketCommentType, @Ctx() ctx: RequestContext) {
    return comment.authorCounterpartyId ? ctx.loader(counterpartyById).load(comment.authorCounterpartyId) : null;
  }

  @FieldResolver(() => [AttachmentType])
  async attachments(@Root() comment: TicketCommentType, @Ctx() ctx: RequestContext) {
    const ids = await ctx.loader(attachmentIdsByComment).load(comment.id);
    const attachments = await ctx.loader(attachmentById).loadMany(ids);
    return attachments.filter((a): a is AttachmentType => !!a && !(a instanceof Error));
  }
}

@Resolver(() => TicketStatusChangeType)
export class TicketStatusChangeResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'Null when the system made the change' })
  actor(@Root() change: TicketStatusChangeType, @Ctx() ctx: RequestContext) {
    return change.actorId ? ctx.loader(userById).load(change.actorId) : null;
  }
}

@ArgsType()
class CounterpartyTicketsArgs extends ConnectionArgs {
  @Field(() => [TicketStatus], { nullable: true }) status?: TicketStatus[];
}

/** `Counterparty.tickets` and `Counterparty.openTicketCount`, added through the plugin contract. */
@Resolver(() => CounterpartyType)
export class CounterpartyTicketsResolver {
  @FieldResolver(() => TicketConnection, { description: 'Support tickets, newest first (support plugin)' })
  tickets(
    @Root() counterparty: CounterpartyType,
    @Args({ validate: false }) args: CounterpartyTicketsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const window = pageWindow(args, 5);
    const query = { filter: { status: args.status }, order: TicketOrder.NEWEST, readInternal: false };
    return ctx.loader(ticketPageByCounterparty).load({
      parentId: counterparty.id,
      window,
      query,
      argsKey: JSON.stringify([args.status ?? null, window]),
    });
  }

  @FieldResolver(() => Int, { description: 'Tickets not yet resolved or closed (support plugin)' })
  openTicketCount(@Root() counterparty: CounterpartyType, @Ctx() ctx: RequestContext) {
    return ctx.loader(openTicketCountByCounterparty).load(counterparty.id);
  }
}
