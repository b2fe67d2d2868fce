import type { MigrationObject } from '@kontra/core';
import { Migration20261123140000SalesPipeline } from './Migration20261123140000SalesPipeline.js';
import { Migration20261123150000SalesOrders } from './Migration20261123150000SalesOrders.js';
import { Migration20261123160000SalesLoyalty } from './Migration20261123160000SalesLoyalty.js';
import { Migration20261123170000SalesDealLines } from './Migration20261123170000SalesDealLines.js';
import { Migration20261125100000SalesLineCoveringIndexes } from './Migration20261125100000SalesLineCoveringIndexes.js';

/** The sales plugin's migrations in order; never edit one that has shipped, add a new one. */
export const salesMigrations: MigrationObject[] = [
  { name: 'Migration20261123140000SalesPipeline', class: Migration20261123140000SalesPipeline },
  { name: 'Migration20261123150000SalesOrders', class: Migration20261123150000SalesOrders },
  { name: 'Migration20261123160000SalesLoyalty', class: Migration20261123160000SalesLoyalty },
  { name: 'Migration20261123170000SalesDealLines', class: Migration20261123170000SalesDealLines },
  { name: 'Migration20261125100000SalesLineCoveringIndexes', class: Migration20261125100000SalesLineCoveringIndexes },
];
