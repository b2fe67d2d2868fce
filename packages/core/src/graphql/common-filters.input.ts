import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from './scalars.js';

@InputType({ description: 'Matches an id' })
export class IdFilter {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => [ID], { nullable: true }) in?: string[];
  @Field({ nullable: true, description: 'true: has no value; false: has a value' }) isNull?: boolean;
}

@InputType({ description: 'Matches a point in time; bounds combine with AND' })
export class DateTimeFilter {
  @Field({ nullable: true }) gt?: Date;
  @Field({ nullable: true }) gte?: Date;
  @Field({ nullable: true }) lt?: Date;
  @Field({ nullable: true }) lte?: Date;
}

@InputType({ description: 'Matches a calendar date; bounds combine with AND' })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true }) gte?: string;
  @Field(() => DateScalar, { nullable: true }) lte?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: 'Matches a list of strings' })
export class StringListFilter {
  @Field({ nullable: true, description: 'Contains this value' }) includes?: string;
  @Field(() => [String], { nullable: true, description: 'Contains at least one of these' }) includesAny?: string[];
  @Field(() => [String], { nullable: true, description: 'Contains all of these' }) includesAll?: string[];
}
