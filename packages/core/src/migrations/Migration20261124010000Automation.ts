import { Migration } from '@mikro-orm/migrations';

/** Webhook endpoints and deliveries, trigger rules and runs, the dispatcher's cursor; events record their origin. */
export class Migration20261124010000Automation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "automation_run_status" as enum ('PENDING', 'SUCCEEDED', 'FAILED')`);
    this.addSql(
      `create table "webhook_endpoint" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "url" varchar(2048) not null, "secret" varchar(255) not null, "event_types" text[] not null, "active" boolean not null default true, "since_seq" bigint not null, primary key ("id"))`,
    );
    this.addSql(
      `create index "webhook_endpoint_workspace_id_active_index" on "webhook_endpoint" ("workspace_id", "active")`,
    );
    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "workspace_id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_seq" bigint not null, "event_type" varchar(255) not null, "replay_of" uuid null, "status" "automation_run_status" not null default 'PENDING', "attempts" int not null default 0, "last_status_code" int null, "last_error" text null, "last_attempt_at" timestamptz null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "webhook_delivery_workspace_id_endpoint_id_created_at_index" on "webhook_delivery" ("workspace_id", "endpoint_id", "created_at")`,
    );
    this.addSql(
      `create table "trigger_rule" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "event_type" varchar(255) not null, "conditions" jsonb not null, "actions" jsonb not null, "active" boolean not null default true, "created_by_id" uuid not null, "since_seq" bigint not null, primary key ("id"))`,
    );
    this.addSql(`create index "trigger_rule_workspace_id_active_index" on "trigger_rule" ("workspace_id", "active")`);
    this.addSql(
      `create table "trigger_run" ("id" uuid not null, "workspace_id" uuid not null, "rule_id" uuid not null, "event_id" uuid not null, "event_seq" bigint not null, "status" "automation_run_status" not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "trigger_run_workspace_id_rule_id_created_at_index" on "trigger_run" ("workspace_id", "rule_id", "created_at")`,
    );
    this.addSql(
      `alter table "trigger_run" add constraint "trigger_run_workspace_id_rule_id_event_id_unique" unique ("workspace_id", "rule_id", "event_id")`,
    );
    this.addSql(
      `create table "automation_cursor" ("workspace_id" uuid not null, "last_seq" bigint not null, primary key ("workspace_id"))`,
    );
    this.addSql(`alter table "event_log_entry" add "origin" varchar(255) null`);
    this.addSql(
      `alter table "webhook_endpoint" add constraint "webhook_endpoint_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "trigger_rule" add constraint "trigger_rule_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "trigger_rule" add constraint "trigger_rule_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "trigger_run" add constraint "trigger_run_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "trigger_run" add constraint "trigger_run_rule_id_foreign" foreign key ("rule_id") references "trigger_rule" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "automation_cursor" add constraint "automation_cursor_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on update cascade on delete cascade`,
    );
    this.addSql(
      `create table "occasion_log" ("workspace_id" uuid not null references "workspace" ("id") on delete cascade, "counterparty_id" uuid not null references "counterparty" ("id") on delete cascade, "kind" varchar(255) not null, "occurs_on" date not null, "announced_at" timestamptz not null default now(), primary key ("workspace_id", "counterparty_id", "kind", "occurs_on"))`,
    );
    // One first delivery per endpoint and event; replays are extra rows.
    this.addSql(
      `create unique index "webhook_delivery_first_delivery_unique" on "webhook_delivery" ("workspace_id", "endpoint_id", "event_id") where "replay_of" is null`,
    );
  }
}
