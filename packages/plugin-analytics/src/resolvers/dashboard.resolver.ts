import { Field, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '@kontra/core';
import { workspaceDashboard, type DashboardSnapshot } from '../services/dashboard-metrics.js';

@ObjectType('DashboardMetric', { simpleResolvers: true })
export class DashboardMetricType {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType('DashboardMetrics', { simpleResolvers: true, description: 'Live figures of a workspace' })
export class DashboardMetricsType {
  @Field({ description: 'When they were computed' }) asOf!: Date;
  @Field(() => [DashboardMetricType]) metrics!: DashboardMetricType[];
}

/**
 * The workspace's snapshots as an async iterator that keeps only the newest undelivered one: a
 * slow dashboard skips intermediate figures instead of queueing them.
 */
function latestSnapshots(context: RequestContext): AsyncIterableIterator<DashboardSnapshot & { id: string }> {
  const { workspaceId } = requirePrincipal(context);
  let pending: DashboardSnapshot | null = null;
  let wake: ((result: IteratorResult<DashboardSnapshot & { id: string }>) => void) | null = null;
  let stop: (() => void) | null = null;
  let done = false;
  const withId = (snapshot: DashboardSnapshot) => ({
    ...snapshot,
    id: `dashboard:${workspaceId}:${snapshot.asOf.getTime()}`,
  });
  const started = workspaceDashboard(context.runtime, workspaceId).then((dashboard) => {
    stop = dashboard.add((snapshot) => {
      if (wake) {
        const resolve = wake;
        wake = null;
        resolve({ value: withId(snapshot), done: false });
      } else pending = snapshot;
    });
    if (done) stop();
  });
  return {
    async next() {
      await started;
      if (done) return { value: undefined, done: true };
      if (pending) {
        const snapshot = pending;
        pending = null;
        return { value: withId(snapshot), done: false };
      }
      return new Promise((resolve) => (wake = resolve));
    },
    async return() {
      done = true;
      stop?.();
      wake?.({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver()
export class DashboardResolver {
  @Subscription(() => DashboardMetricsType, {
    description:
      "Live figures (today's orders and revenue, open deals, open tickets, SLA breaches today), pushed when they " +
      'change: computed once per workspace however many dashboards listen, at most twice a second in a burst',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, RequestContext>) => latestSnapshots(context),
  })
  dashboardMetrics(@Root() snapshot: DashboardSnapshot): DashboardMetricsType {
    return snapshot;
  }
}
