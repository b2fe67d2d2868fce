import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { DateScalar } from '../../graphql/scalars.js';

const TYPE_PATTERN = /^[A-Z][A-Z0-9_]{1,59}$/;
const TYPE_MESSAGE = 'must be upper snake case, e.g. WORKS_AT';

@InputType()
export class CreateRelationshipInput {
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
  @Field() @Matches(TYPE_PATTERN, { message: TYPE_MESSAGE }) type!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) title?: string | null;
  @Field(() => DateScalar, { nullable: true }) since?: string | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
}

@InputType()
export class UpdateRelationshipInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field({ nullable: true }) @IsOptional() @Matches(TYPE_PATTERN, { message: TYPE_MESSAGE }) type?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) title?: string | null;
  @Field(() => DateScalar, { nullable: true }) since?: string | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
}
