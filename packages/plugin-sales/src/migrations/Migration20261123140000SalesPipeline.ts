import { Migration } from '@mikro-orm/migrations';

/** Products with price history, product categories, pipelines and stages, deals and their stage moves. */
export class Migration20261123140000SalesPipeline extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "sales_product_kind" as enum ('PRODUCT', 'SERVICE')`);
    this.addSql(`create type "sales_stage_kind" as enum ('OPEN', 'WON', 'LOST')`);
    this.addSql(
      `create table "sales_product_category" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "parent_id" uuid null, "name" varchar(255) not null, primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_product_category_workspace_id_parent_id_index" on "sales_product_category" ("workspace_id", "parent_id")`,
    );
    this.addSql(
      `alter table "sales_product_category" add constraint "sales_product_category_workspace_id_parent_id_name_unique" unique ("workspace_id", "parent_id", "name")`,
    );
    this.addSql(
      `create table "sales_product" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "sku" varchar(255) not null, "name" varchar(255) not null, "kind" "sales_product_kind" not null default 'PRODUCT', "category_id" uuid null, "unit_price" numeric(14,2) not null, "currency" varchar(3) not null, "active" boolean not null default true, "launch_date" date null, "tags" text[] not null default '{}', primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_product_workspace_id_category_id_index" on "sales_product" ("workspace_id", "category_id")`,
    );
    this.addSql(
      `alter table "sales_product" add constraint "sales_product_workspace_id_sku_unique" unique ("workspace_id", "sku")`,
    );
    this.addSql(
      `create table "sales_product_price" ("id" uuid not null, "workspace_id" uuid not null, "product_id" uuid not null, "unit_price" numeric(14,2) not null, "currency" varchar(3) not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_product_price_workspace_id_product_id_valid_from_index" on "sales_product_price" ("workspace_id", "product_id", "valid_from")`,
    );
    this.addSql(
      `create table "sales_pipeline" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, primary key ("id"))`,
    );
    this.addSql(
      `create table "sales_stage" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "pipeline_id" uuid not null, "name" varchar(255) not null, "position" int not null, "probability" int not null, "kind" "sales_stage_kind" not null default 'OPEN', primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_stage_workspace_id_pipeline_id_position_index" on "sales_stage" ("workspace_id", "pipeline_id", "position")`,
    );
    this.addSql(
      `create table "sales_deal" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "counterparty_id" uuid not null, "pipeline_id" uuid not null, "stage_id" uuid not null, "owner_id" uuid null, "title" varchar(255) not null, "amount" numeric(14,2) not null, "currency" varchar(3) not null, "expected_close_date" date null, "source" varchar(255) null, "lost_reason" varchar(255) null, "closed_at" timestamptz null, primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_deal_workspace_id_expected_close_date_index" on "sales_deal" ("workspace_id", "expected_close_date")`,
    );
    this.addSql(`create index "sales_deal_workspace_id_owner_id_index" on "sales_deal" ("workspace_id", "owner_id")`);
    this.addSql(
      `create index "sales_deal_workspace_id_counterparty_id_index" on "sales_deal" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `create index "sales_deal_workspace_id_pipeline_id_stage_id_index" on "sales_deal" ("workspace_id", "pipeline_id", "stage_id")`,
    );
    this.addSql(
      `create table "sales_deal_stage_change" ("id" uuid not null, "workspace_id" uuid not null, "deal_id" uuid not null, "from_stage_id" uuid null, "to_stage_id" uuid not null, "actor_id" uuid null, "changed_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "sales_deal_stage_change_workspace_id_deal_id_changed_at_index" on "sales_deal_stage_change" ("workspace_id", "deal_id", "changed_at")`,
    );
    this.addSql(
      `alter table "sales_product_category" add constraint "sales_product_category_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_product_category" add constraint "sales_product_category_parent_id_foreign" foreign key ("parent_id") references "sales_product_category" ("id") on delete restrict`,
    );
    this.addSql(
      `alter table "sales_product" add constraint "sales_product_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_product" add constraint "sales_product_category_id_foreign" foreign key ("category_id") references "sales_product_category" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "sales_product_price" add constraint "sales_product_price_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_product_price" add constraint "sales_product_price_product_id_foreign" foreign key ("product_id") references "sales_product" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_pipeline" add constraint "sales_pipeline_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_stage" add constraint "sales_stage_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_stage" add constraint "sales_stage_pipeline_id_foreign" foreign key ("pipeline_id") references "sales_pipeline" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal" add constraint "sales_deal_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal" add constraint "sales_deal_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal" add constraint "sales_deal_pipeline_id_foreign" foreign key ("pipeline_id") references "sales_pipeline" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal" add constraint "sales_deal_stage_id_foreign" foreign key ("stage_id") references "sales_stage" ("id") on delete restrict`,
    );
    this.addSql(
      `alter table "sales_deal" add constraint "sales_deal_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "sales_deal_stage_change" add constraint "sales_deal_stage_change_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal_stage_change" add constraint "sales_deal_stage_change_deal_id_foreign" foreign key ("deal_id") references "sales_deal" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "sales_deal_stage_change" add constraint "sales_deal_stage_change_from_stage_id_foreign" foreign key ("from_stage_id") references "sales_stage" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "sales_deal_stage_change" add constraint "sales_deal_stage_change_to_stage_id_foreign" foreign key ("to_stage_id") references "sales_stage" ("id") on delete restrict`,
    );
    this.addSql(
      `alter table "sales_deal_stage_change" add constraint "sales_deal_stage_change_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on delete set null`,
    );
  }
}
