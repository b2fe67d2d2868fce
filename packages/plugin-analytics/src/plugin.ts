import { definePlugin } from '@kontra/core';
import { analyticsConfigSchema } from './config.js';
import { SupportAnalyticsResolver } from './resolvers/support-analytics.resolver.js';
import { DashboardResolver } from './resolvers/dashboard.resolver.js';
import { RfmCustomerResolver, RfmResolver } from './resolvers/rfm.resolver.js';
import { PortraitResolver } from './resolvers/portrait.resolver.js';
import { refreshSummariesJob } from './jobs/refresh-summaries.job.js';
import { analyticsMigrations } from './migrations/index.js';
import {
  AudienceMemberResolver,
  ContactWithoutPurchaseResolver,
  MonthlyBasketResolver,
  SalesAnalyticsResolver,
} from './resolvers/sales-analytics.resolver.js';

/**
 * Business questions answered in PostgreSQL. It reads the sales and support plugins' documented
 * tables; each group of questions is present only when the plugin whose data it reads is loaded.
 */
export const analyticsPlugin = definePlugin({
  name: 'analytics',
  version: '0.1.0',
  optionalDependsOn: ['sales', 'support'],
  resolvers: [DashboardResolver],
  resolversWith: {
    sales: [
      SalesAnalyticsResolver,
      MonthlyBasketResolver,
      ContactWithoutPurchaseResolver,
      AudienceMemberResolver,
      RfmResolver,
      RfmCustomerResolver,
      PortraitResolver,
    ],
    support: [SupportAnalyticsResolver],
  },
  configSchema: analyticsConfigSchema,
  migrations: analyticsMigrations,
  jobs: [refreshSummariesJob],
});
