import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs, SortDirection } from '../../graphql/connection.js';
import { CounterpartySortField } from './counterparty.queries.js';

@ArgsType()
export class CounterpartiesArgs extends ConnectionArgs {
  @Field(() => CounterpartySortField, { defaultValue: CounterpartySortField.CREATED_AT })
  sortBy!: CounterpartySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  sortDirection!: SortDirection;

  @Field({ defaultValue: false, description: 'true: list the trash (soft-deleted counterparties) instead' })
  deleted!: boolean;
}
