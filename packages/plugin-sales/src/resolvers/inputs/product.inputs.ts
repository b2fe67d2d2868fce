import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, Min } from 'class-validator';
import { DateScalar, DecimalScalar } from '@kontra/core';
import { ProductKind } from '../../entities/sales.enums.js';

const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = 'must be an ISO 4217 code such as EUR';

@InputType()
export class CreateProductCategoryInput {
  @Field() @Length(1, 255) name!: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
}

@InputType()
export class CreateProductInput {
  @Field() @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1-64 letters, digits, . _ -' }) sku!: string;
  @Field() @Length(1, 255) name!: string;
  @Field(() => ProductKind, { defaultValue: ProductKind.PRODUCT }) kind!: ProductKind;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field({ nullable: true, description: "Defaults to the plugin's defaultCurrency" })
  @IsOptional()
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency?: string;
  @Field({ defaultValue: true }) active!: boolean;
  @Field(() => DateScalar, { nullable: true }) launchDate?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 60, { each: true })
  tags?: string[];
}

@InputType()
export class UpdateProductInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 255) name?: string;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'A new list price; the old one stays in the history' })
  unitPrice?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency?: string;
  @Field({ nullable: true }) active?: boolean;
  @Field(() => DateScalar, { nullable: true }) launchDate?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 60, { each: true })
  tags?: string[];
}
