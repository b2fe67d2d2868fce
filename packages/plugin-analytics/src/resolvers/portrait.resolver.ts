import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '@kontra/core';
import { checkedCurrency, checkedId, within } from './arguments.js';
import { cohorts, lifetimeValue, pipelineConversion } from '../services/portrait.queries.js';
import { checkedPeriod, PeriodInput } from './period.input.js';
import { CohortRetentionType, LifetimeValueType, PipelineConversionType } from './portrait.types.js';

/** Retention, lifetime value and pipeline conversion; present only with the sales plugin. */
@Resolver()
export class PortraitResolver {
  @Query(() => CohortRetentionType, {
    description:
      'Cohort retention: customers by first-purchase month in the period, and the share buying in each later month',
  })
  cohortRetention(
    @Arg('period') period: PeriodInput,
    @Arg('months', () => Int, { defaultValue: 6, description: 'Months after the first to show, 0 to 36' })
    months: number,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return cohorts(ctx, checkedPeriod(period), within('months', months, 0, 36));
  }

  @Query(() => LifetimeValueType, {
    description: 'Customer lifetime value of one currency, from the precomputed summaries',
  })
  customerLifetimeValue(@Arg('currency', { defaultValue: 'EUR' }) currency: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    return lifetimeValue(ctx, checkedCurrency(currency));
  }

  @Query(() => PipelineConversionType, {
    description: "Conversion between a pipeline's stages of the deals created in the period, and the win rate",
  })
  pipelineConversion(
    @Arg('pipelineId', () => ID) pipelineId: string,
    @Arg('period') period: PeriodInput,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    return pipelineConversion(ctx, checkedId('pipelineId', 'pipeline', pipelineId), checkedPeriod(period));
  }
}
