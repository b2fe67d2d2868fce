import { z } from 'zod';

const tierSchema = z.object({ name: z.string().min(1), minPoints: z.number().int().min(0) });

const DEFAULT_TIERS = [
  { name: 'Bronze', minPoints: 0 },
  { name: 'Silver', minPoints: 500 },
  { name: 'Gold', minPoints: 2000 },
];

const loyaltySchema = z.object({
  /** Points earned per whole unit of an order's total (1 per euro by default), rounded down. */
  pointsPerCurrencyUnit: z.number().min(0).max(1000).default(1),
  /** Tiers by lifetime points earned, e.g. Silver from 500. */
  tiers: z
    .array(tierSchema)
    .min(1)
    .refine((tiers) => tiers.some((t) => t.minPoints === 0), 'one tier must start at 0 points')
    .default(DEFAULT_TIERS),
});

export const salesConfigSchema = z.object({
  /** Currency of products and deals created without one. */
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .default('EUR'),
  loyalty: loyaltySchema.default({ pointsPerCurrencyUnit: 1, tiers: DEFAULT_TIERS }),
});

export type SalesConfig = z.infer<typeof salesConfigSchema>;
export type LoyaltyRule = SalesConfig['loyalty'];

declare module '@kontra/core' {
  interface KontraPluginConfigMap {
    sales: SalesConfig;
  }
}
