import { Migration } from '@mikro-orm/migrations';

/** Loyalty cards (one per counterparty) and their point movements. */
export class Migration20261123160000SalesLoyalty extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sales_loyalty_card" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "counterparty_id" uuid not null, "number" varchar(255) not null, "points_earned" int not null default 0, "points_redeemed" int not null default 0, primary key ("id"))`,
    );
    this.addSql(
      `alter table "sales_loyalty_card" add constraint "sales_loyalty_card_workspace_id_counterparty_id_unique" unique ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `alter table "sales_loyalty_card" add constraint "sales_loyalty_card_workspace_id_number_unique" unique ("workspace_id", "number")`,
    );
    this.addSql(
      `create table "sales_loyalty_transaction" ("id" uuid not null, "workspace_id" uuid not null, "card_id" uuid not null, "order_id" uuid null, "points" int not null, "reason" varchar(255) not null, "created_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_loyalty_transaction_workspace_id_card_id_created_at_index" on "sales_loyalty_transaction" ("workspace_id", "card_id", "created_at")`,
    );
    this.addSql(
      `alter table "sales_loyalty_card" add constraint "sales_loyalty_card_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_loyalty_card" add constraint "sales_loyalty_card_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_loyalty_transaction" add constraint "sales_loyalty_transaction_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_loyalty_transaction" add constraint "sales_loyalty_transaction_card_id_foreign" foreign key ("card_id") references "sales_loyalty_card" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_loyalty_transaction" add constraint "sales_loyalty_transaction_order_id_foreign" foreign key ("order_id") references "sales_order" ("id") on delete set null`,
    );
  }
}
