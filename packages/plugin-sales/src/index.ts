export { salesPlugin, salesPlugin as plugin } from './plugin.js';
export type { SalesConfig } from './config.js';
export { ProductKind, StageKind } from './entities/sales.enums.js';
export { DealType, PipelineType, ProductType, StageType } from './resolvers/sales.types.js';
