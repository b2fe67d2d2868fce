import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BigIntScalar } from '../graphql/scalars.js';

@ObjectType('DomainEvent', { simpleResolvers: true, description: 'A committed change, from the event log' })
export class DomainEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => BigIntScalar, {
    description: 'Increases by one per event in the workspace; resume after the last one seen',
  })
  seq!: number;

  @Field({ description: 'e.g. counterparty.created' })
  type!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => ID, { nullable: true })
  counterpartyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who made the change' })
  actorId!: string | null;

  @Field()
  occurredAt!: Date;

  @Field(() => GraphQLJSONObject)
  payload!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'For updates: { field: { old, new } }' })
  changes!: Record<string, unknown> | null;
}
