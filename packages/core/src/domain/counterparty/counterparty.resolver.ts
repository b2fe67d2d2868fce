import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../kernel/context.js';
import { connectionType, pageWindow, type Connection } from '../../graphql/connection.js';
import { RawArg } from '../../graphql/raw-arg.js';
import { isId } from '../../data/ids.js';
import { write } from '../../events/write.js';
import { UserType } from '../workspace/user.type.js';
import { userById } from '../workspace/user.queries.js';
import { CounterpartiesArgs } from './counterparty.args.js';
import { CounterpartyFilter } from './counterparty-filter.input.js';
import { CreateCounterpartyInput, UpdateCounterpartyInput } from './counterparty.inputs.js';
import { counterpartyById, listCounterparties } from './counterparty.queries.js';
import {
  createCounterparty,
  setCounterpartyDeleted,
  toCounterpartyRow,
  updateCounterparty,
} from './counterparty.service.js';
import { CounterpartyType } from './counterparty.type.js';

export const CounterpartyConnection = connectionType<CounterpartyType>(CounterpartyType, 'Counterparty');

@Resolver(() => CounterpartyType)
export class CounterpartyResolver {
  @Query(() => CounterpartyType, { nullable: true, description: 'A live counterparty of your workspace, or null' })
  async counterparty(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CounterpartyType | null> {
    requirePrincipal(ctx);
    if (!isId(id)) return null;
    const row = await ctx.loader(counterpartyById).load(id);
    return row && !row.deletedAt ? row : null;
  }

  @Query(() => CounterpartyConnection)
  async counterparties(
    @Args({ validate: false }) args: CounterpartiesArgs,
    @RawArg('filter', () => CounterpartyFilter, { nullable: true }) filter: CounterpartyFilter | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<CounterpartyType>> {
    const principal = requirePrincipal(ctx);
    return listCounterparties(ctx, principal, {
      filter: filter ?? null,
      sort: args.sortBy,
      direction: args.sortDirection,
      window: pageWindow(args),
      deleted: args.deleted,
    });
  }

  @FieldResolver(() => UserType, { nullable: true })
  async owner(@Root() counterparty: CounterpartyType, @Ctx() ctx: RequestContext) {
    return counterparty.ownerId ? ctx.loader(userById).load(counterparty.ownerId) : null;
  }

  @Mutation(() => CounterpartyType)
  async createCounterparty(@Arg('input') input: CreateCounterpartyInput, @Ctx() ctx: RequestContext) {
    return toCounterpartyRow(await write(ctx, 'counterparty.write', (tx) => createCounterparty(tx, input)));
  }

  @Mutation(() => CounterpartyType)
  async updateCounterparty(@Arg('input') input: UpdateCounterpartyInput, @Ctx() ctx: RequestContext) {
    return toCounterpartyRow(await write(ctx, 'counterparty.write', (tx) => updateCounterparty(tx, input)));
  }

  @Mutation(() => CounterpartyType, { description: 'Moves a counterparty to the trash; restore brings it back' })
  async deleteCounterparty(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toCounterpartyRow(
      await write(ctx, 'counterparty.delete', (tx) => setCounterpartyDeleted(tx, id, version, true)),
    );
  }

  @Mutation(() => CounterpartyType)
  async restoreCounterparty(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toCounterpartyRow(
      await write(ctx, 'counterparty.delete', (tx) => setCounterpartyDeleted(tx, id, version, false)),
    );
  }
}
