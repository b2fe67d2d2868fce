import { Migration } from '@mikro-orm/migrations';

/** Per-customer purchase summaries kept up to date from the event log, and how far each workspace's are. */
export class Migration20261124200000AnalyticsSummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "analytics_customer_summary" ("workspace_id" uuid not null references "workspace" ("id") on delete cascade, "counterparty_id" uuid not null, "currency" varchar(3) not null, "orders" int not null, "revenue" numeric(16,2) not null, "first_order_at" timestamptz not null, "last_order_at" timestamptz not null, primary key ("workspace_id", "currency", "counterparty_id"))`,
    );
    this.addSql(
      `create table "analytics_refresh" ("workspace_id" uuid not null references "workspace" ("id") on delete cascade, "last_seq" bigint not null, "refreshed_at" timestamptz not null, primary key ("workspace_id"))`,
    );
  }
}
