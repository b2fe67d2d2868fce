import { Field, InputType } from 'type-graphql';
import { DateTimeFilter } from '../../graphql/common-filters.input.js';
import { InteractionDirection, InteractionType } from './interaction.enums.js';

@InputType({ description: 'Matches interactions; fields combine with AND' })
export class InteractionFilter {
  @Field(() => [InteractionType], { nullable: true, description: 'Any of these types' })
  type?: InteractionType[];

  @Field(() => [InteractionDirection], { nullable: true, description: 'Any of these directions' })
  direction?: InteractionDirection[];

  @Field(() => DateTimeFilter, { nullable: true })
  occurredAt?: DateTimeFilter;

  @Field({ nullable: true, description: 'Text in subject or body' })
  search?: string;
}

@InputType({ description: 'Matches a counterparty by its interaction history' })
export class InteractionRelationFilter {
  @Field(() => InteractionFilter, { nullable: true, description: 'At least one interaction matches' })
  some?: InteractionFilter;

  @Field(() => InteractionFilter, { nullable: true, description: 'No interaction matches (`{}`: has none at all)' })
  none?: InteractionFilter;

  @Field(() => InteractionFilter, { nullable: true, description: 'Every interaction matches' })
  every?: InteractionFilter;
}
