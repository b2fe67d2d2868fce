import { definePlugin, UserRole } from '@kontra/core';
import { salesConfigSchema } from './config.js';
import { Deal, DealLine, DealStageChange } from './entities/deal.entity.js';
import { Order, OrderLine } from './entities/order.entity.js';
import { LoyaltyCard, LoyaltyTransaction } from './entities/loyalty.entity.js';
import { Pipeline, Stage } from './entities/pipeline.entity.js';
import { ProductCategory } from './entities/product-category.entity.js';
import { ProductPrice } from './entities/product-price.entity.js';
import { Product } from './entities/product.entity.js';
import { salesMigrations } from './migrations/index.js';
import {
  CounterpartyDealsResolver,
  DealLineResolver,
  DealResolver,
  DealStageChangeResolver,
} from './resolvers/deal.resolver.js';
import { PipelineResolver, StageDealsResolver } from './resolvers/pipeline.resolver.js';
import { ProductResolver } from './resolvers/product.resolver.js';
import { salesTimelineSources } from './timeline/sales-timeline.sources.js';
import { ordersFilter } from './filters/order-filter.js';
import { seedSalesDemoData } from './seed/sales-demo-data.js';
import { ImportResolver } from './resolvers/import.resolver.js';
import { importCommands } from './commands/import.commands.js';
import { purchaseAnniversaryJob } from './jobs/purchase-anniversary.job.js';
import { CounterpartyLoyaltyResolver, LoyaltyResolver } from './resolvers/loyalty.resolver.js';
import { DealSubscriptionResolver, OrderSubscriptionResolver } from './resolvers/sales-subscription.resolver.js';
import { CounterpartyOrdersResolver, OrderLineResolver, OrderResolver } from './resolvers/order.resolver.js';

const { ADMIN, MANAGER, AGENT } = UserRole;

/** Products, pipelines and deals; orders and loyalty follow. Built only on @kontra/core's surface. */
export const salesPlugin = definePlugin({
  name: 'sales',
  version: '0.1.0',
  entities: [
    ProductCategory,
    Product,
    ProductPrice,
    Pipeline,
    Stage,
    Deal,
    DealStageChange,
    DealLine,
    Order,
    OrderLine,
    LoyaltyCard,
    LoyaltyTransaction,
  ],
  migrations: salesMigrations,
  resolvers: [
    ProductResolver,
    PipelineResolver,
    StageDealsResolver,
    DealResolver,
    DealStageChangeResolver,
    DealLineResolver,
    CounterpartyDealsResolver,
    OrderResolver,
    OrderLineResolver,
    CounterpartyOrdersResolver,
    DealSubscriptionResolver,
    OrderSubscriptionResolver,
    LoyaltyResolver,
    CounterpartyLoyaltyResolver,
    ImportResolver,
  ],
  timelineSources: salesTimelineSources,
  counterpartyFilters: [ordersFilter],
  permissions: {
    'sales.catalog.manage': [ADMIN, MANAGER],
    'sales.pipeline.manage': [ADMIN, MANAGER],
    'sales.deal.write': [ADMIN, MANAGER, AGENT],
    'sales.order.write': [ADMIN, MANAGER, AGENT],
  },
  configSchema: salesConfigSchema,
  seed: seedSalesDemoData,
  commands: importCommands,
  jobs: [purchaseAnniversaryJob],
});
