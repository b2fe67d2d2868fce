import { z } from 'zod';

export const supportConfigSchema = z.object({
  /** How often the durable job looks for SLA targets past due (seconds). */
  slaSweepSeconds: z.number().int().min(1).max(3600).default(30),
});

export type SupportConfig = z.infer<typeof supportConfigSchema>;

declare module '@kontra/core' {
  interface KontraPluginConfigMap {
    support: SupportConfig;
  }
}
