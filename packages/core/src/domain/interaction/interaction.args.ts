import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import { InteractionFilter } from './interaction-filter.input.js';

@ArgsType()
export class InteractionsArgs extends ConnectionArgs {
  @Field(() => InteractionFilter, { nullable: true })
  filter?: InteractionFilter | null;
}
