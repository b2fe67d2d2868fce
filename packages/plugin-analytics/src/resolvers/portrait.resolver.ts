import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { badUserInput, isId, requirePrincipal, type RequestContext } from '@kontra/core';
import { cohorts, lifetimeValue, pipelineConversion } from '../services/portrait.queries.js';
import { checkedPeriod, PeriodInput } from './period.input.js';
import { CohortType, LifetimeValueType, PipelineConversionType } from './portrait.types.js';

/** Retention, lifetime value and pipeline conversion; present only with the sales plugin. */
@Resolver()
export class PortraitResolver {
  @Query(() => [CohortType], {
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
    if (months < 0 || months > 36)
      throw badUserInput('months is out of range', [{ path: 'months', message: 'must be 0 to 36' }]);
    return cohorts(ctx, checkedPeriod(period), months);
  }

  @Query(() => LifetimeValueType, {
    description: 'Customer lifetime value of one currency, from the precomputed summaries',
  })
  customerLifetimeValue(@Arg('currency', { defaultValue: 'EUR' }) currency: string, @Ctx() ctx: RequestContext) {
    requirePrincipal(ctx);
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw badUserInput('The currency is invalid', [
        { path: 'currency', message: 'must be an ISO 4217 code such as EUR' },
      ]);
    }
    return lifetimeValue(ctx, currency);
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
    if (!isId(pipelineId))
      throw badUserInput('The pipeline is not an id', [{ path: 'pipelineId', message: 'must be an id' }]);
    return pipelineConversion(ctx, pipelineId, checkedPeriod(period));
  }
}
