import { Field, InputType } from 'type-graphql';
import { DateFilter, DateTimeFilter, IdFilter, StringListFilter } from '../../graphql/common-filters.input.js';
import { InteractionRelationFilter } from '../interaction/interaction-filter.input.js';
import { RelationshipDirection } from '../relationship/relationship-direction.js';
import { CounterpartyKind, CounterpartyRole } from './counterparty.enums.js';

@InputType({ description: 'Matches the roles a counterparty holds' })
export class RoleListFilter {
  @Field(() => CounterpartyRole, { nullable: true }) includes?: CounterpartyRole;
  @Field(() => [CounterpartyRole], { nullable: true }) includesAny?: CounterpartyRole[];
  @Field(() => [CounterpartyRole], { nullable: true }) includesAll?: CounterpartyRole[];
}

/** Composable with AND / OR / NOT; plugins add fields (e.g. `orders`). Compiled to SQL. */
@InputType({ description: 'Matches counterparties; fields combine with AND' })
export class CounterpartyFilter {
  @Field(() => [CounterpartyFilter], { nullable: true }) AND?: CounterpartyFilter[];
  @Field(() => [CounterpartyFilter], { nullable: true }) OR?: CounterpartyFilter[];
  @Field(() => CounterpartyFilter, { nullable: true }) NOT?: CounterpartyFilter;

  @Field(() => IdFilter, { nullable: true }) id?: IdFilter;
  @Field(() => CounterpartyKind, { nullable: true }) kind?: CounterpartyKind;
  @Field(() => RoleListFilter, { nullable: true }) roles?: RoleListFilter;
  @Field(() => StringListFilter, { nullable: true }) tags?: StringListFilter;
  @Field(() => IdFilter, { nullable: true }) owner?: IdFilter;

  @Field({ nullable: true, description: 'Text in names or e-mail addresses, case-insensitive' })
  search?: string;

  @Field({ nullable: true }) contactConsent?: boolean;
  @Field(() => DateFilter, { nullable: true }) birthday?: DateFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
  @Field(() => InteractionRelationFilter, { nullable: true }) interactions?: InteractionRelationFilter;
  // Typed by an interface: the class is declared below, and decorator metadata must not name it yet.
  @Field(() => RelationshipRelationFilter, { nullable: true }) relationships?: RelationshipRelations;
}

@InputType({ description: 'Matches the relationships of a counterparty' })
export class RelationshipMatch {
  @Field(() => [String], { nullable: true, description: 'Any of these relationship types, e.g. WORKS_AT' })
  type?: string[];

  @Field(() => RelationshipDirection, { nullable: true, defaultValue: RelationshipDirection.BOTH })
  direction?: RelationshipDirection;

  @Field(() => CounterpartyFilter, { nullable: true, description: 'The counterparty at the other end matches' })
  other?: CounterpartyFilter;
}

@InputType()
export class RelationshipRelationFilter {
  @Field(() => RelationshipMatch, { nullable: true }) some?: RelationshipMatch;
  @Field(() => RelationshipMatch, { nullable: true }) none?: RelationshipMatch;
}

interface RelationshipRelations {
  some?: RelationshipMatch;
  none?: RelationshipMatch;
}
