import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, Min } from 'class-validator';
import { CustomFieldType } from './custom-field-type.enum.js';

@ObjectType('CustomFieldDefinition', {
  simpleResolvers: true,
  description: "A workspace's own attribute on counterparties",
})
export class CustomFieldDefinitionType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The key in Counterparty.customAttributes' }) key!: string;
  @Field() label!: string;
  @Field(() => CustomFieldType) type!: CustomFieldType;
  @Field(() => [String], { description: 'The allowed values of a SELECT field' }) options!: string[];
  @Field() required!: boolean;
  @Field(() => Int) version!: number;
}

@InputType()
export class CreateCustomFieldInput {
  @Field()
  @Matches(/^[a-z][a-zA-Z0-9_]{0,62}$/, { message: 'must start with a lower-case letter: letters, digits, _' })
  key!: string;

  @Field() @Length(1, 255) label!: string;
  @Field(() => CustomFieldType) type!: CustomFieldType;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @Length(1, 255, { each: true })
  options?: string[];

  @Field({ defaultValue: false }) required!: boolean;
}

@InputType()
export class UpdateCustomFieldInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 255) label?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @Length(1, 255, { each: true })
  options?: string[];

  @Field({ nullable: true }) required?: boolean;
}
