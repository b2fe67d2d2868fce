import { Migration } from '@mikro-orm/migrations';

/** Queues, business calendars, SLA policies, tickets with their clocks, status history and comments. */
export class Migration20261124100000SupportTickets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "support_ticket_priority" as enum ('LOW', 'NORMAL', 'HIGH', 'URGENT')`);
    this.addSql(`create type "support_ticket_channel" as enum ('EMAIL', 'PHONE', 'CHAT', 'WEB', 'OTHER')`);
    this.addSql(
      `create type "support_ticket_status" as enum ('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED')`,
    );
    this.addSql(
      `create table "support_queue" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, primary key ("id"))`,
    );
    this.addSql(`create index "support_queue_workspace_id_name_index" on "support_queue" ("workspace_id", "name")`);
    this.addSql(
      `create table "support_business_calendar" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "time_zone" varchar(255) not null, "working_hours" jsonb not null, "holidays" jsonb not null, primary key ("id"))`,
    );
    this.addSql(
      `create table "support_sla_policy" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" varchar(255) not null, "priority" "support_ticket_priority" not null, "tag" varchar(255) null, "first_response_minutes" int not null, "resolution_minutes" int not null, "calendar_id" uuid null, primary key ("id"))`,
    );
    this.addSql(
      `create index "support_sla_policy_workspace_id_priority_index" on "support_sla_policy" ("workspace_id", "priority")`,
    );
    this.addSql(
      `create table "support_ticket" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "number" int not null, "counterparty_id" uuid not null, "contact_id" uuid null, "subject" varchar(255) not null, "description" text null, "channel" "support_ticket_channel" not null, "status" "support_ticket_status" not null default 'NEW', "priority" "support_ticket_priority" not null default 'NORMAL', "tags" text[] not null default '{}', "assignee_id" uuid null, "queue_id" uuid null, "related_deal_id" uuid null, "related_order_id" uuid null, "sla_policy_id" uuid null, "first_response_target_minutes" int null, "first_response_consumed_seconds" int not null default 0, "first_response_running_since" timestamptz null, "first_response_due_at" timestamptz null, "first_response_completed_at" timestamptz null, "first_response_breached_at" timestamptz null, "resolution_target_minutes" int null, "resolution_consumed_seconds" int not null default 0, "resolution_running_since" timestamptz null, "resolution_due_at" timestamptz null, "resolution_completed_at" timestamptz null, "resolution_breached_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "satisfaction_rating" smallint null, "satisfaction_comment" text null, "rated_at" timestamptz null, primary key ("id"))`,
    );
    this.addSql(
      `create index "support_ticket_workspace_id_counterparty_id_index" on "support_ticket" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `create index "support_ticket_workspace_id_assignee_id_status_index" on "support_ticket" ("workspace_id", "assignee_id", "status")`,
    );
    this.addSql(
      `create index "support_ticket_workspace_id_queue_id_status_index" on "support_ticket" ("workspace_id", "queue_id", "status")`,
    );
    this.addSql(
      `create index "support_ticket_workspace_id_status_created_at_index" on "support_ticket" ("workspace_id", "status", "created_at")`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_workspace_id_number_unique" unique ("workspace_id", "number")`,
    );
    this.addSql(
      `create table "support_ticket_status_change" ("id" uuid not null, "workspace_id" uuid not null, "ticket_id" uuid not null, "from_status" "support_ticket_status" null, "to_status" "support_ticket_status" not null, "actor_id" uuid null, "changed_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "support_ticket_status_change_workspace_id_ticket_i_67e20_index" on "support_ticket_status_change" ("workspace_id", "ticket_id", "changed_at")`,
    );
    this.addSql(
      `create table "support_ticket_comment" ("id" uuid not null, "workspace_id" uuid not null, "ticket_id" uuid not null, "author_id" uuid null, "author_counterparty_id" uuid null, "body" text not null, "internal" boolean not null default false, "created_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "support_ticket_comment_workspace_id_ticket_id_created_at_index" on "support_ticket_comment" ("workspace_id", "ticket_id", "created_at")`,
    );
    this.addSql(
      `create table "support_comment_attachment" ("id" uuid not null, "workspace_id" uuid not null, "comment_id" uuid not null, "attachment_id" uuid not null, primary key ("id"))`,
    );
    this.addSql(
      `create index "support_comment_attachment_workspace_id_comment_id_index" on "support_comment_attachment" ("workspace_id", "comment_id")`,
    );
    this.addSql(
      `alter table "support_queue" add constraint "support_queue_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_business_calendar" add constraint "support_business_calendar_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_sla_policy" add constraint "support_sla_policy_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_sla_policy" add constraint "support_sla_policy_calendar_id_foreign" foreign key ("calendar_id") references "support_business_calendar" ("id") on delete restrict`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_contact_id_foreign" foreign key ("contact_id") references "counterparty" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_queue_id_foreign" foreign key ("queue_id") references "support_queue" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_ticket" add constraint "support_ticket_sla_policy_id_foreign" foreign key ("sla_policy_id") references "support_sla_policy" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_ticket_status_change" add constraint "support_ticket_status_change_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_ticket_status_change" add constraint "support_ticket_status_change_ticket_id_foreign" foreign key ("ticket_id") references "support_ticket" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_ticket_status_change" add constraint "support_ticket_status_change_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_ticket_comment" add constraint "support_ticket_comment_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_ticket_comment" add constraint "support_ticket_comment_ticket_id_foreign" foreign key ("ticket_id") references "support_ticket" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_ticket_comment" add constraint "support_ticket_comment_author_id_foreign" foreign key ("author_id") references "user" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_ticket_comment" add constraint "support_ticket_comment_author_counterparty_id_foreign" foreign key ("author_counterparty_id") references "counterparty" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "support_comment_attachment" add constraint "support_comment_attachment_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_comment_attachment" add constraint "support_comment_attachment_comment_id_foreign" foreign key ("comment_id") references "support_ticket_comment" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "support_comment_attachment" add constraint "support_comment_attachment_attachment_id_foreign" foreign key ("attachment_id") references "attachment" ("id") on delete cascade`,
    );
    // Word search in subjects and comments, and the breach job's scan of running clocks by due time.
    this.addSql(
      `create index "support_ticket_subject_trgm_index" on "support_ticket" using gin ("subject" gin_trgm_ops)`,
    );
    this.addSql(
      `create index "support_ticket_comment_body_trgm_index" on "support_ticket_comment" using gin ("body" gin_trgm_ops)`,
    );
    this.addSql(
      `create index "support_ticket_first_response_due_index" on "support_ticket" ("first_response_due_at") where "first_response_running_since" is not null and "first_response_breached_at" is null`,
    );
    this.addSql(
      `create index "support_ticket_resolution_due_index" on "support_ticket" ("resolution_due_at") where "resolution_running_since" is not null and "resolution_breached_at" is null`,
    );
  }
}
