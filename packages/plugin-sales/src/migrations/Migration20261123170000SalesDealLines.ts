import { Migration } from '@mikro-orm/migrations';

/** Product lines of deals: a deal with lines is worth their sum. */
export class Migration20261123170000SalesDealLines extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sales_deal_line" ("id" uuid not null, "workspace_id" uuid not null, "deal_id" uuid not null, "product_id" uuid not null, "position" int not null, "quantity" numeric(12,3) not null, "unit_price" numeric(14,2) not null, "discount_percent" numeric(5,2) not null default '0', "line_total" numeric(14,2) not null, primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_deal_line_workspace_id_deal_id_index" on "sales_deal_line" ("workspace_id", "deal_id")`,
    );
    this.addSql(
      `alter table "sales_deal_line" add constraint "sales_deal_line_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal_line" add constraint "sales_deal_line_deal_id_foreign" foreign key ("deal_id") references "sales_deal" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal_line" add constraint "sales_deal_line_product_id_foreign" foreign key ("product_id") references "sales_product" ("id") on delete restrict`,
    );
  }
}
