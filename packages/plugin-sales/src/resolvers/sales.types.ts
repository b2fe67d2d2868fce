import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '@kontra/core';
import { ProductKind, StageKind } from '../entities/sales.enums.js';

@ObjectType('ProductCategory', { simpleResolvers: true })
export class ProductCategoryType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('Product', { simpleResolvers: true, description: 'A product or service the business sells' })
export class ProductType {
  @Field(() => ID) id!: string;
  @Field() sku!: string;
  @Field() name!: string;
  @Field(() => ProductKind) kind!: ProductKind;
  categoryId!: string | null;
  @Field(() => DecimalScalar, { description: 'The current list price' }) unitPrice!: string;
  @Field() currency!: string;
  @Field() active!: boolean;
  @Field(() => DateScalar, { nullable: true }) launchDate!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('ProductPrice', { simpleResolvers: true, description: 'A list price and the period it applied in' })
export class ProductPriceType {
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field() currency!: string;
  @Field() validFrom!: Date;
  @Field(() => Date, { nullable: true, description: 'Null for the current price' }) validTo!: Date | null;
}

@ObjectType('Stage', { simpleResolvers: true })
export class StageType {
  @Field(() => ID) id!: string;
  pipelineId!: string;
  @Field() name!: string;
  @Field(() => Int) position!: number;
  @Field(() => Int, { description: 'Chance of winning, 0 to 100' }) probability!: number;
  @Field(() => StageKind) kind!: StageKind;
  @Field(() => Int) version!: number;
}

@ObjectType('Pipeline', { simpleResolvers: true })
export class PipelineType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('Deal', { simpleResolvers: true, description: 'An opportunity moving through a pipeline' })
export class DealType {
  @Field(() => ID) id!: string;
  counterpartyId!: string;
  pipelineId!: string;
  stageId!: string;
  ownerId!: string | null;
  @Field() title!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field() currency!: string;
  @Field(() => DateScalar, { nullable: true }) expectedCloseDate!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => String, { nullable: true }) lostReason!: string | null;
  @Field(() => StageKind, { description: 'OPEN, or WON / LOST once in such a stage' }) status!: StageKind;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('DealStageChange', { simpleResolvers: true, description: 'Who moved a deal, when, from and to' })
export class DealStageChangeType {
  @Field(() => ID) id!: string;
  dealId!: string;
  fromStageId!: string | null;
  toStageId!: string;
  actorId!: string | null;
  @Field() changedAt!: Date;
}

@ObjectType('ForecastMonth', { simpleResolvers: true, description: 'Open deals expected to close in one month' })
export class ForecastMonthType {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field() currency!: string;
  @Field(() => Int) dealCount!: number;
  @Field(() => DecimalScalar, { description: 'Sum of amounts' }) amount!: string;
  @Field(() => DecimalScalar, { description: 'Sum of amount × stage probability' }) weightedAmount!: string;
}

@ObjectType('DealLine', { simpleResolvers: true, description: 'A product on offer in a deal' })
export class DealLineType {
  @Field(() => ID) id!: string;
  dealId!: string;
  productId!: string;
  @Field(() => Int) position!: number;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => DecimalScalar) lineTotal!: string;
}
