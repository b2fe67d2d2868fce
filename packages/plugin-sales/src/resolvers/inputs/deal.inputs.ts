import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar, DecimalScalar } from '@kontra/core';
import { ProductLineInput } from '../order.types.js';

@InputType()
export class CreateDealInput {
  @Field(() => ID) counterpartyId!: string;
  @Field(() => ID) pipelineId!: string;
  @Field(() => ID, { nullable: true, description: "Defaults to the pipeline's first stage" }) stageId?: string | null;
  @Field() @Length(1, 255) title!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Required unless lines are given (then their sum)' })
  amount?: string | null;

  @Field(() => [ProductLineInput], { nullable: true, description: 'Products on offer; the amount becomes their sum' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  lines?: ProductLineInput[];
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code' })
  currency?: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to you' }) ownerId?: string | null;
  @Field(() => DateScalar, { nullable: true }) expectedCloseDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) source?: string | null;
}

@InputType()
export class UpdateDealInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) @Min(1) version!: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, 255) title?: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Ignored when lines are given' }) amount?: string;

  @Field(() => [ProductLineInput], { nullable: true, description: 'Replaces the lines; the amount becomes their sum' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(200)
  lines?: ProductLineInput[];
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => DateScalar, { nullable: true }) expectedCloseDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(255) source?: string | null;
}

@InputType()
export class MoveDealInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you read; a newer one is a CONFLICT' }) @Min(1) version!: number;
  @Field(() => ID) stageId!: string;
  @Field(() => String, { nullable: true, description: 'Required when moving to a lost stage' })
  @IsOptional()
  @MaxLength(255)
  lostReason?: string | null;
}
