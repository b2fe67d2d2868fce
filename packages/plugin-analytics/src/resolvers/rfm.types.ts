import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '@kontra/core';

/** Named RFM segments, by recency (R) and frequency (F) quintiles; the first that holds applies. */
export enum RfmSegmentName {
  CHAMPIONS = 'CHAMPIONS',
  LOYAL = 'LOYAL',
  POTENTIAL_LOYALIST = 'POTENTIAL_LOYALIST',
  NEW = 'NEW',
  NEEDS_ATTENTION = 'NEEDS_ATTENTION',
  CANNOT_LOSE = 'CANNOT_LOSE',
  AT_RISK = 'AT_RISK',
  LOST = 'LOST',
}

registerEnumType(RfmSegmentName, {
  name: 'RfmSegmentName',
  valuesConfig: {
    CHAMPIONS: { description: 'R ≥ 4, F ≥ 4' },
    LOYAL: { description: 'R = 3, F ≥ 4' },
    POTENTIAL_LOYALIST: { description: 'R ≥ 4, F ≥ 2' },
    NEW: { description: 'R ≥ 4' },
    NEEDS_ATTENTION: { description: 'R = 3' },
    CANNOT_LOSE: { description: 'R ≤ 2, F ≥ 4' },
    AT_RISK: { description: 'R ≤ 2, F ≥ 2' },
    LOST: { description: 'the rest' },
  },
});

@ObjectType('RfmSegment', { simpleResolvers: true })
export class RfmSegmentType {
  @Field(() => RfmSegmentName) segment!: RfmSegmentName;

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
  @Field(() => RfmSegmentName) segment!: RfmSegmentName;
  @Field(() => Int) orders!: number;
  @Field(() => DecimalScalar) revenue!: string;
  @Field() lastOrderAt!: Date;
  @Field(() => Int) daysSinceLastOrder!: number;
}
