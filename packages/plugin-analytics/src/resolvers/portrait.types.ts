import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '@kontra/core';

@ObjectType('CohortMonth', { simpleResolvers: true })
export class CohortMonthType {
  @Field(() => Int, { description: '0 is the month of the first purchase' }) monthsAfter!: number;
  @Field(() => Int, { description: 'Customers of the cohort who bought in that month' }) customers!: number;
  @Field(() => Float, { description: 'Share of the cohort, 0 to 1' }) share!: number;
}

@ObjectType('Cohort', { simpleResolvers: true, description: 'Customers by the month of their first purchase' })
export class CohortType {
  @Field({ description: 'YYYY-MM of the first purchase' }) cohort!: string;
  @Field(() => Int) customers!: number;
  @Field(() => [CohortMonthType]) retention!: CohortMonthType[];
}

@ObjectType('CohortRetention', { simpleResolvers: true })
export class CohortRetentionType {
  @Field({ description: 'Everything committed before this time is in the answer' }) asOf!: Date;
  @Field(() => [CohortType], { description: 'Oldest first' }) cohorts!: CohortType[];
}

@ObjectType('LifetimeValue', { simpleResolvers: true, description: 'Customer lifetime value, from the summaries' })
export class LifetimeValueType {
  @Field(() => Date, { nullable: true }) asOf!: Date | null;
  @Field() currency!: string;
  @Field(() => Int) customers!: number;
  @Field(() => DecimalScalar, { description: 'Revenue so far per customer (historic CLV)' }) averageRevenue!: string;
  @Field(() => DecimalScalar) averageOrderValue!: string;
  @Field(() => Float, { description: 'Orders per customer per year of their active life' }) ordersPerYear!: number;
  @Field(() => Float, { description: 'Days from first to last order, on average' }) averageLifespanDays!: number;
  @Field(() => DecimalScalar, {
    description: 'Average order value × orders per year × average lifespan in years (at least one year)',
  })
  predictedValue!: string;
}

@ObjectType('StageConversion', { simpleResolvers: true })
export class StageConversionType {
  @Field(() => ID) stageId!: string;
  @Field() stageName!: string;
  @Field(() => Int) position!: number;
  @Field({ description: 'OPEN, WON or LOST' }) kind!: string;
  @Field(() => Int, { description: 'Deals that reached this stage (or a later open or the won stage)' })
  reached!: number;
  @Field(() => Float, { nullable: true, description: 'Share of them that reached the next open stage or won' })
  conversionToNext!: number | null;
}

@ObjectType('PipelineConversion', { simpleResolvers: true })
export class PipelineConversionType {
  @Field(() => ID) pipelineId!: string;
  @Field(() => Int, { description: 'Deals created in the period' }) deals!: number;
  @Field(() => Int) won!: number;
  @Field(() => Int) lost!: number;
  @Field(() => Float, { nullable: true, description: 'won / (won + lost)' }) winRate!: number | null;
  @Field(() => [StageConversionType]) stages!: StageConversionType[];
}
