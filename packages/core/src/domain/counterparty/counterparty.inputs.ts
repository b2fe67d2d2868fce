import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArrayMaxSize, IsEmail, IsOptional, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '../../graphql/scalars.js';
import { CounterpartyKind, CounterpartyRole } from './counterparty.enums.js';

@InputType()
export class EmailInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  value!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  label?: string | null;

  @Field({ defaultValue: false })
  primary!: boolean;
}

@InputType()
export class PhoneInput {
  @Field()
  @Matches(/^\+?[0-9 ()./-]{3,40}$/, { message: 'must be a phone number: digits, spaces and + ( ) . / -' })
  value!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  label?: string | null;

  @Field({ defaultValue: false })
  primary!: boolean;
}

@InputType()
export class PostalAddressInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) label?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) street?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) city?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) region?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO country code' })
  country?: string | null;
}

/** Fields shared by create and update; on update an absent field stays as it is. */
@InputType()
class CounterpartyFields {
  @Field(() => [CounterpartyRole], { nullable: true })
  roles?: CounterpartyRole[];

  @Field({ nullable: true, description: "The organisation's name; for a person, defaults to first and last name" })
  @IsOptional()
  @Length(1, 255)
  displayName?: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) legalName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) lastName?: string | null;

  @Field(() => [EmailInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  emails?: EmailInput[];

  @Field(() => [PhoneInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  phones?: PhoneInput[];

  @Field(() => [PostalAddressInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  addresses?: PostalAddressInput[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 60, { each: true })
  tags?: string[];

  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => DateScalar, { nullable: true }) birthday?: string | null;
  @Field({ nullable: true }) contactConsent?: boolean;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Validated against the custom field definitions' })
  customAttributes?: Record<string, unknown>;
}

@InputType()
export class CreateCounterpartyInput extends CounterpartyFields {
  @Field(() => CounterpartyKind)
  kind!: CounterpartyKind;
}

@InputType()
export class UpdateCounterpartyInput extends CounterpartyFields {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one means someone else changed it: CONFLICT' })
  @Min(1)
  version!: number;
}
