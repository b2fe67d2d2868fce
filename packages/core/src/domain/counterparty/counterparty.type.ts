import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar } from '../../graphql/scalars.js';
import { CounterpartyKind, CounterpartyRole } from './counterparty.enums.js';

@ObjectType('ContactPoint', { simpleResolvers: true, description: 'An e-mail address or phone number' })
export class ContactPointType {
  @Field()
  value!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field()
  primary!: boolean;
}

@ObjectType('PostalAddress', { simpleResolvers: true })
export class PostalAddressType {
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
}

/**
 * A counterparty as the read path returns it: a plain row, not an entity. Plugins add fields with
 * `@Resolver(() => CounterpartyType)` and `@FieldResolver`.
 */
@ObjectType('Counterparty', { simpleResolvers: true, description: 'An organisation or person the business deals with' })
export class CounterpartyType {
  @Field(() => ID)
  id!: string;

  workspaceId!: string;

  @Field(() => CounterpartyKind)
  kind!: CounterpartyKind;

  @Field(() => [CounterpartyRole])
  roles!: CounterpartyRole[];

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  legalName!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => [ContactPointType])
  emails!: ContactPointType[];

  @Field(() => [ContactPointType])
  phones!: ContactPointType[];

  @Field(() => [PostalAddressType])
  addresses!: PostalAddressType[];

  @Field(() => [String])
  tags!: string[];

  ownerId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "A person's birthday or an organisation's founding date" })
  birthday!: string | null;

  @Field({ description: 'Whether the counterparty agreed to be contacted' })
  contactConsent!: boolean;

  @Field(() => GraphQLJSONObject, { description: "Values of the workspace's custom fields, by key" })
  customAttributes!: Record<string, unknown>;

  @Field(() => Int, { description: 'Pass it back when updating: a stale version is a CONFLICT' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;
}
