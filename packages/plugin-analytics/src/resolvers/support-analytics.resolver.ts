import { Arg, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { badUserInput, idFilterValue, requirePrincipal, type RequestContext } from '@kontra/core';
import { supportMetrics } from '../services/support-metrics.queries.js';
import { checkedPeriod, PeriodInput } from './period.input.js';
import { SupportMetricsType } from './support-analytics.types.js';

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

@InputType({ description: 'Which tickets the metrics cover' })
export class SupportMetricsFilter {
  @Field(() => ID, { nullable: true }) queueId?: string;
  @Field({ nullable: true, description: 'LOW, NORMAL, HIGH or URGENT' }) priority?: string;
}

/** The support questions; present only when the support plugin is loaded. */
@Resolver()
export class SupportAnalyticsResolver {
  @Query(() => SupportMetricsType, { description: 'Support metrics of the tickets opened in the period' })
  supportMetrics(
    @Arg('period') period: PeriodInput,
    @Arg('filter', () => SupportMetricsFilter, { nullable: true }) filter: SupportMetricsFilter | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    requirePrincipal(ctx);
    if (filter?.priority && !PRIORITIES.includes(filter.priority)) {
      throw badUserInput('The priority is unknown', [
        { path: 'filter.priority', message: `must be one of ${PRIORITIES.join(', ')}` },
      ]);
    }
    const queueId = idFilterValue(filter?.queueId);
    return supportMetrics(ctx, checkedPeriod(period), { queueId, priority: filter?.priority ?? null });
  }
}
