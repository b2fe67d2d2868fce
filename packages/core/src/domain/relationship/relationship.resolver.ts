import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context.js';
import { write } from '../../events/write.js';
import { CounterpartyType } from '../counterparty/counterparty.type.js';
import { counterpartyById } from '../counterparty/counterparty.queries.js';
import { RelationshipDirection } from './relationship-direction.js';
import { CreateRelationshipInput, UpdateRelationshipInput } from './relationship.inputs.js';
import { relationshipsByCounterparty } from './relationship.queries.js';
import {
  createRelationship,
  deleteRelationship,
  toRelationshipRow,
  updateRelationship,
} from './relationship.service.js';
import { RelationshipType } from './relationship.type.js';

@Resolver(() => RelationshipType)
export class RelationshipResolver {
  @FieldResolver(() => CounterpartyType)
  from(@Root() relationship: RelationshipType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(relationship.fromId);
  }

  @FieldResolver(() => CounterpartyType)
  to(@Root() relationship: RelationshipType, @Ctx() ctx: RequestContext) {
    return ctx.loader(counterpartyById).load(relationship.toId);
  }

  @Mutation(() => RelationshipType)
  async createRelationship(@Arg('input') input: CreateRelationshipInput, @Ctx() ctx: RequestContext) {
    return toRelationshipRow(await write(ctx, 'relationship.write', (tx) => createRelationship(tx, input)));
  }

  @Mutation(() => RelationshipType)
  async updateRelationship(@Arg('input') input: UpdateRelationshipInput, @Ctx() ctx: RequestContext) {
    return toRelationshipRow(await write(ctx, 'relationship.write', (tx) => updateRelationship(tx, input)));
  }

  @Mutation(() => RelationshipType)
  async deleteRelationship(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: RequestContext,
  ) {
    return toRelationshipRow(await write(ctx, 'relationship.write', (tx) => deleteRelationship(tx, id, version)));
  }
}

/** `Counterparty.relationships`: links seen from this end, outgoing, incoming or both. */
@Resolver(() => CounterpartyType)
export class CounterpartyRelationshipsResolver {
  @FieldResolver(() => [RelationshipType])
  relationships(
    @Root() counterparty: CounterpartyType,
    @Arg('direction', () => RelationshipDirection, { defaultValue: RelationshipDirection.BOTH })
    direction: RelationshipDirection,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx
      .loader(relationshipsByCounterparty)
      .load({ counterpartyId: counterparty.id, direction, types: types ?? null });
  }
}
