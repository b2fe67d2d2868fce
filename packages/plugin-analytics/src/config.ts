import { z } from 'zod';
import { isTimeZone } from '@kontra/core';

const INTERACTION_TYPES = ['CALL', 'MEETING', 'EMAIL', 'MESSAGE', 'NOTE', 'DOCUMENT'] as const;

export const analyticsConfigSchema = z.object({
  /** What counts as a customer contacting us (question 3), with direction INBOUND. */
  contactInteractionTypes: z.array(z.enum(INTERACTION_TYPES)).min(1).default(['CALL', 'EMAIL', 'MESSAGE']),
  /** How often the customer summaries behind RFM catch up with the event log (seconds). */
  summaryRefreshSeconds: z.number().int().min(1).max(3600).default(1),
  /**
   * The business's time zone: whose "today" the live dashboard counts, and whose months the
   * precomputed summaries use (questions asked for whole months in it are answered from them).
   */
  reportingTimeZone: z.string().refine(isTimeZone, 'must be an IANA time zone').default('UTC'),
});

export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;

declare module '@kontra/core' {
  interface KontraPluginConfigMap {
    analytics: AnalyticsConfig;
  }
}
