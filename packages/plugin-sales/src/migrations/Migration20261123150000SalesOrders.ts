import { Migration } from '@mikro-orm/migrations';

/** Orders (purchases) and their lines, indexed for analytics by workspace, counterparty, product and time. */
export class Migration20261123150000SalesOrders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "sales_order_status" as enum ('PLACED', 'PAID', 'SHIPPED', 'CANCELLED', 'REFUNDED')`);
    this.addSql(
      `create table "sales_order" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "counterparty_id" uuid not null, "placed_at" timestamptz not null, "status" "sales_order_status" not null default 'PLACED', "currency" varchar(3) not null, "subtotal" numeric(14,2) not null, "discount_total" numeric(14,2) not null, "total" numeric(14,2) not null, "deal_id" uuid null, "cancelled_at" timestamptz null, primary key ("id"))`,
    );
    this.addSql(`create index "sales_order_workspace_id_deal_id_index" on "sales_order" ("workspace_id", "deal_id")`);
    this.addSql(
      `create index "sales_order_workspace_id_placed_at_index" on "sales_order" ("workspace_id", "placed_at")`,
    );
    this.addSql(
      `create index "sales_order_workspace_id_counterparty_id_placed_at_index" on "sales_order" ("workspace_id", "counterparty_id", "placed_at")`,
    );
    this.addSql(
      `create table "sales_order_line" ("id" uuid not null, "workspace_id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "position" int not null, "quantity" numeric(12,3) not null, "unit_price" numeric(14,2) not null, "discount_percent" numeric(5,2) not null default '0', "line_total" numeric(14,2) not null, primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_order_line_workspace_id_product_id_index" on "sales_order_line" ("workspace_id", "product_id")`,
    );
    this.addSql(
      `create index "sales_order_line_workspace_id_order_id_index" on "sales_order_line" ("workspace_id", "order_id")`,
    );
    this.addSql(
      `alter table "sales_order" add constraint "sales_order_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_order" add constraint "sales_order_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_order" add constraint "sales_order_deal_id_foreign" foreign key ("deal_id") references "sales_deal" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "sales_order_line" add constraint "sales_order_line_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_order_line" add constraint "sales_order_line_order_id_foreign" foreign key ("order_id") references "sales_order" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_order_line" add constraint "sales_order_line_product_id_foreign" foreign key ("product_id") references "sales_product" ("id") on delete restrict`,
    );
  }
}
