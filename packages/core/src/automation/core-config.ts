import { z } from 'zod';

export const coreConfigSchema = z.object({
  /** How often new events are handed to webhooks and triggers (seconds). */
  automationDispatchSeconds: z.number().int().min(1).max(300).default(1),
});

export type CoreConfig = z.infer<typeof coreConfigSchema>;
