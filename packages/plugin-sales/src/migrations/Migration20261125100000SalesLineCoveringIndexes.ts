import { Migration } from '@mikro-orm/migrations';

/** The order lines' two look-up indexes also carry the other id, for index-only scans. */
export class Migration20261125100000SalesLineCoveringIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "sales_order_line_workspace_id_order_id_index"`);
    this.addSql(
      `create index "sales_order_line_workspace_id_order_id_index" on "sales_order_line" ("workspace_id", "order_id") include ("product_id")`,
    );
    this.addSql(`drop index "sales_order_line_workspace_id_product_id_index"`);
    this.addSql(
      `create index "sales_order_line_workspace_id_product_id_index" on "sales_order_line" ("workspace_id", "product_id", "order_id")`,
    );
  }
}
