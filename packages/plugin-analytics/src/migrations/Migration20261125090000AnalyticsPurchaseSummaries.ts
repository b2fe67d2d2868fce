import { Migration } from '@mikro-orm/migrations';

/**
 * Purchase summaries kept from the event log like the customer summaries: per customer and month
 * (orders, revenue; products bought), and per customer and product or category (first purchase and
 * the order after it; what that next order held). Months are read in the summaries' time zone,
 * which the refresh records so that changing it rebuilds them. Like the order lines they summarise,
 * they carry no foreign key: a million-row rebuild should not check each row's workspace.
 */
export class Migration20261125090000AnalyticsPurchaseSummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "analytics_customer_month" ("workspace_id" uuid not null, "month" date not null, "counterparty_id" uuid not null, "currency" varchar(3) not null, "orders" int not null, "revenue" numeric(16,2) not null, primary key ("workspace_id", "month", "counterparty_id", "currency"))`,
    );
    this.addSql(
      `create index "analytics_customer_month_customer_index" on "analytics_customer_month" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `create table "analytics_basket_item" ("workspace_id" uuid not null, "month" date not null, "product_id" uuid not null, "counterparty_id" uuid not null, "quantity" float8 not null, primary key ("workspace_id", "month", "product_id", "counterparty_id"))`,
    );
    this.addSql(
      `create index "analytics_basket_item_customer_index" on "analytics_basket_item" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `create table "analytics_first_purchase" ("workspace_id" uuid not null, "level" varchar(8) not null, "item_id" uuid not null, "counterparty_id" uuid not null, "first_at" timestamptz not null, "next_order_id" uuid null, "next_order_at" timestamptz null, primary key ("workspace_id", "level", "item_id", "counterparty_id"))`,
    );
    this.addSql(
      `create index "analytics_first_purchase_customer_index" on "analytics_first_purchase" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `create table "analytics_next_purchase" ("workspace_id" uuid not null, "level" varchar(8) not null, "item_id" uuid not null, "next_item_id" uuid not null, "counterparty_id" uuid not null, "days" float8 not null, primary key ("workspace_id", "level", "item_id", "next_item_id", "counterparty_id"))`,
    );
    this.addSql(
      `create index "analytics_next_purchase_next_item_index" on "analytics_next_purchase" ("workspace_id", "level", "next_item_id", "item_id")`,
    );
    this.addSql(
      `create index "analytics_next_purchase_customer_index" on "analytics_next_purchase" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(`alter table "analytics_refresh" add column "time_zone" text not null default 'UTC'`);
  }
}
