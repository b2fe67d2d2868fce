import type { CoreConfig } from '../automation/core-config.js';

/**
 * Registries that plugins extend by declaration merging, so that event names, payloads and plugin
 * configuration are type-checked end to end.
 *
 * @example
 * declare module '@kontra/core' {
 *   interface KontraEventMap { 'sales.dealWon': { dealId: string; amount: string } }
 *   interface KontraPluginConfigMap { sales: SalesConfig }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KontraEventMap {}

export interface KontraPluginConfigMap {
  core: CoreConfig;
}

/** An event type known to the type system, or any string for events of plugins not in this build. */
export type KontraEventType = keyof KontraEventMap & string;
