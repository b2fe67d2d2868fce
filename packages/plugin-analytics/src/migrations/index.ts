import type { MigrationObject } from '@kontra/core';
import { Migration20261124200000AnalyticsSummaries } from './Migration20261124200000AnalyticsSummaries.js';
import { Migration20261125090000AnalyticsPurchaseSummaries } from './Migration20261125090000AnalyticsPurchaseSummaries.js';
import { Migration20261125110000AnalyticsCheck } from './Migration20261125110000AnalyticsCheck.js';

/** The analytics plugin's migrations in order; never edit one that has shipped, add a new one. */
export const analyticsMigrations: MigrationObject[] = [
  { name: 'Migration20261124200000AnalyticsSummaries', class: Migration20261124200000AnalyticsSummaries },
  {
    name: 'Migration20261125090000AnalyticsPurchaseSummaries',
    class: Migration20261125090000AnalyticsPurchaseSummaries,
  },
  { name: 'Migration20261125110000AnalyticsCheck', class: Migration20261125110000AnalyticsCheck },
];
