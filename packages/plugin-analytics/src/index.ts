export { analyticsPlugin, analyticsPlugin as plugin } from './plugin.js';
export type { AnalyticsConfig } from './config.js';
export { refreshSummaries } from './jobs/refresh-summaries.job.js';
