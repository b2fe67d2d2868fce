import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';

@ObjectType('Relationship', {
  simpleResolvers: true,
  description: 'A typed, directed link between two counterparties: `from` TYPE `to`',
})
export class RelationshipType {
  @Field(() => ID)
  id!: string;

  fromId!: string;
  toId!: string;

  @Field({ description: 'Upper snake case, e.g. WORKS_AT, SUBSIDIARY_OF, SUPPLIER_OF' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'The role within the link, e.g. a job title' })
  title!: string | null;

  @Field(() => DateScalar, { nullable: true })
  since!: string | null;

  @Field(() => DateScalar, { nullable: true })
  until!: string | null;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
