import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '@kontra/core';

@ObjectType('RfmSegment', { simpleResolvers: true })
export class RfmSegmentType {
  @Field({ description: 'CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, NEW, NEEDS_ATTENTION, CANNOT_LOSE, AT_RISK or LOST' })
  segment!: string;

  @Field(() => Int) customers!: number;
  @Field(() => DecimalScalar) revenue!: string;
}

@ObjectType('RfmReport', { simpleResolvers: true, description: 'Customers by RFM segment, from precomputed summaries' })
export class RfmReportType {
  @Field(() => Date, { nullable: true, description: 'How fresh the summaries are; null before their first build' })
  asOf!: Date | null;

  @Field() currency!: string;
  @Field(() => Int) customers!: number;
  @Field(() => [RfmSegmentType], { description: 'Most revenue first' }) segments!: RfmSegmentType[];
}

@ObjectType('RfmCustomer', { simpleResolvers: true })
export class RfmCustomerType {
  @Field(() => ID) counterpartyId!: string;
  @Field(() => Int, { description: 'Quintile 1–5; 5 bought most recently' }) recency!: number;
  @Field(() => Int, { description: 'Quintile 1–5; 5 buys most often' }) frequency!: number;
  @Field(() => Int, { description: 'Quintile 1–5; 5 spends most' }) monetary!: number;
  @Field() segment!: string;
  @Field(() => Int) orders!: number;
  @Field(() => DecimalScalar) revenue!: string;
  @Field() lastOrderAt!: Date;
  @Field(() => Int) daysSinceLastOrder!: number;
}
