import { z } from 'zod';

export const salesConfigSchema = z.object({
  /** Currency of products and deals created without one. */
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .default('EUR'),
});

export type SalesConfig = z.infer<typeof salesConfigSchema>;

declare module '@kontra/core' {
  interface KontraPluginConfigMap {
    sales: SalesConfig;
  }
}
