import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../kernel/context.js';
import { connectionType, pageWindow, type Connection } from '../../graphql/connection.js';
import { isId } from '../../data/ids.js';
import { write } from '../../events/write.js';
import { CounterpartyType } from '../counterparty/counterparty.type.js';
import { counterpartyById } from '../counterparty/counterparty.queries.js';
import { UserType } from '../workspace/user.type.js';
import { userById } from '../workspace/user.queries.js';
import { InteractionsArgs } from './interaction.args.js';
import { AddAttachmentInput, CreateInteractionInput, UpdateInteractionInput } from './interaction.inputs.js';
import {
  attachmentContentById,
  attachmentsByInteraction,
  interactionById,
  interactionPageByCounterparty,
  listInteractions,
  participantsByInteraction,
} from './interaction.queries.js';
import {
  addAttachment,
  createInteraction,
  removeAttachment,
  setInteractionDeleted,
  toAttachmentRow,
  toInteractionRow,
  updateInteraction,
} from './interaction.service.js';
import { AttachmentType, InteractionObjectType, InteractionParticipantType } from './interaction.type.js';

export const InteractionConnection = connectionType<InteractionObjectType>(InteractionObjectType, 'Interaction');

@Resolver(() => InteractionObjectType)
export class InteractionResolver {
  @Query(() => InteractionObjectType, { nullable: true })
  async interaction(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    if (!isId(id)) return null;
    const row = await ctx.loader(interactionById).load(id);
    return row && !row.deletedAt ? row : null;
  }

  @Query(() => InteractionConnection, { description: "The workspace's interactions, newest first" })
  async interactions(
    @Args({ validate: false }) args: InteractionsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<InteractionObjectType>> {
    const principal = requirePrincipal(ctx);
    return listInteractions(ctx, principal.workspaceId, { filter: args.filter ?? null, window: pageWindow(args) });
  }

  @FieldResolver(() => CounterpartyType)
  counterparty(@Root() interaction: InteractionObjectType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(interaction.counterpartyId);
  }

  @FieldResolver(() => UserType, { nullable: true })
  createdBy(@Root() interaction: InteractionObjectType, @Ctx() ctx: RequestContext) {
    return interaction.createdById ? ctx.loader(userById).load(interaction.createdById) : null;
  }

  @FieldResolver(() => [InteractionParticipantType])
  participants(@Root() interaction: InteractionObjectType, @Ctx() ctx: RequestContext) {
    return ctx.loader(participantsByInteraction).load(interaction.id);
  }

  @FieldResolver(() => [AttachmentType])
  attachments(@Root() interaction: InteractionObjectType, @Ctx() ctx: RequestContext) {
    return ctx.loader(attachmentsByInteraction).load(interaction.id);
  }

  @Mutation(() => InteractionObjectType)
  async createInteraction(@Arg('input') input: CreateInteractionInput, @Ctx() ctx: RequestContext) {
    return toInteractionRow(await write(ctx, 'interaction.write', (tx) => createInteraction(tx, input)));
  }

  @Mutation(() => InteractionObjectType)
  async updateInteraction(@Arg('input') input: UpdateInteractionInput, @Ctx() ctx: RequestContext) {
    return toInteractionRow(await write(ctx, 'interaction.write', (tx) => updateInteraction(tx, input)));
  }

  @Mutation(() => InteractionObjectType)
  async deleteInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toInteractionRow(
      await write(ctx, 'interaction.write', (tx) => setInteractionDeleted(tx, id, version, true)),
    );
  }

  @Mutation(() => InteractionObjectType)
  async restoreInteraction(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toInteractionRow(
      await write(ctx, 'interaction.write', (tx) => setInteractionDeleted(tx, id, version, false)),
    );
  }

  @Mutation(() => AttachmentType)
  async addAttachment(@Arg('input') input: AddAttachmentInput, @Ctx() ctx: RequestContext) {
    return toAttachmentRow(
      await write(ctx, 'interaction.write', (tx) => addAttachment(tx, input.interactionId, input)),
    );
  }

  @Mutation(() => ID, { description: 'Deletes the attachment and its content for good; returns its id' })
  removeAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return write(ctx, 'interaction.write', (tx) => removeAttachment(tx, id));
  }
}

@Resolver(() => InteractionParticipantType)
export class InteractionParticipantResolver {
  @FieldResolver(() => CounterpartyType, { nullable: true })
  counterparty(@Root() participant: InteractionParticipantType, @Ctx() ctx: RequestContext) {
    return participant.counterpartyId ? ctx.loader(counterpartyById).load(participant.counterpartyId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  user(@Root() participant: InteractionParticipantType, @Ctx() ctx: RequestContext) {
    return participant.userId ? ctx.loader(userById).load(participant.userId) : null;
  }
}

@Resolver(() => AttachmentType)
export class AttachmentResolver {
  @FieldResolver(() => String, { description: 'The content, base64-encoded (loaded on demand)' })
  async contentBase64(@Root() attachment: AttachmentType, @Ctx() ctx: RequestContext) {
    return (await ctx.loader(attachmentContentById).load(attachment.id)) ?? '';
  }
}

/** `Counterparty.interactions`: added the way a plugin adds a field to a core type. */
@Resolver(() => CounterpartyType)
export class CounterpartyInteractionsResolver {
  @FieldResolver(() => InteractionConnection, { description: 'The relationship history, newest first' })
  interactions(
    @Root() counterparty: CounterpartyType,
    @Args({ validate: false }) args: InteractionsArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const window = pageWindow(args, 5);
    const filter = args.filter ?? null;
    return ctx.loader(interactionPageByCounterparty).load({
      parentId: counterparty.id,
      filter,
      window,
      argsKey: JSON.stringify([filter, window]),
    });
  }
}
