import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('RatingCount', { simpleResolvers: true })
export class RatingCountType {
  @Field(() => Int) rating!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('SupportMetrics', {
  simpleResolvers: true,
  description: 'Tickets opened in the period: response and resolution times, SLA compliance, satisfaction',
})
export class SupportMetricsType {
  @Field(() => Int) tickets!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Float, { nullable: true, description: 'Minutes to the first public reply by an agent, median' })
  firstResponseMedianMinutes!: number | null;

  @Field(() => Float, { nullable: true }) firstResponseP90Minutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Minutes from opening to resolution, median' })
  resolutionMedianMinutes!: number | null;

  @Field(() => Float, { nullable: true }) resolutionP90Minutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of decided first-response targets that were met' })
  firstResponseCompliance!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of decided resolution targets that were met' })
  resolutionCompliance!: number | null;

  @Field(() => Int) ratings!: number;
  @Field(() => Float, { nullable: true }) averageRating!: number | null;
  @Field(() => [RatingCountType]) ratingDistribution!: RatingCountType[];
}
