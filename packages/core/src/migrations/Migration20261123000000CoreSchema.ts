import { Migration } from '@mikro-orm/migrations';

/** The core schema: workspaces, users, API keys, counterparties, relationships, interactions, event log. */
export class Migration20261123000000CoreSchema extends Migration {
  override async up(): Promise<void> {
    // Trigram indexes make substring search on names and e-mails an index scan.
    this.addSql(`create extension if not exists pg_trgm`);
    // Lets GIN indexes on tags and roles lead with workspace_id, like every other index.
    this.addSql(`create extension if not exists btree_gin`);
    this.addSql(`create type "user_role" as enum ('ADMIN', 'MANAGER', 'AGENT', 'VIEWER')`);
    this.addSql(`create type "custom_field_type" as enum ('TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'SELECT')`);
    this.addSql(`create type "counterparty_kind" as enum ('ORGANISATION', 'PERSON')`);
    this.addSql(`create type "interaction_type" as enum ('CALL', 'MEETING', 'EMAIL', 'MESSAGE', 'NOTE', 'DOCUMENT')`);
    this.addSql(`create type "interaction_direction" as enum ('INBOUND', 'OUTBOUND', 'INTERNAL')`);
    this.addSql(
      `create table "workspace" ("id" uuid not null, "name" varchar(255) not null, "slug" varchar(255) not null, "last_event_seq" bigint not null default '0', "created_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(`alter table "workspace" add constraint "workspace_slug_unique" unique ("slug")`);
    this.addSql(
      `create table "user" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" varchar(255) not null, "name" varchar(255) not null, "role" "user_role" not null default 'AGENT', primary key ("id"))`,
    );
    this.addSql(`alter table "user" add constraint "user_workspace_id_email_unique" unique ("workspace_id", "email")`);
    this.addSql(
      `create table "field_definition" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "key" varchar(255) not null, "label" varchar(255) not null, "type" "custom_field_type" not null, "options" text[] not null default '{}', "required" boolean not null default false, primary key ("id"))`,
    );
    this.addSql(
      `alter table "field_definition" add constraint "field_definition_workspace_id_key_unique" unique ("workspace_id", "key")`,
    );
    this.addSql(
      `create table "event_log_entry" ("workspace_id" uuid not null, "seq" bigint not null, "id" uuid not null, "type" varchar(255) not null, "entity_type" varchar(255) not null, "entity_id" uuid not null, "counterparty_id" uuid null, "actor_id" uuid null, "payload" jsonb not null, "changes" jsonb null, "occurred_at" timestamptz not null default now(), primary key ("workspace_id", "seq"))`,
    );
    this.addSql(`alter table "event_log_entry" add constraint "event_log_entry_id_unique" unique ("id")`);
    this.addSql(
      `create index "event_log_entry_workspace_id_type_seq_index" on "event_log_entry" ("workspace_id", "type", "seq")`,
    );
    this.addSql(
      `create index "event_log_entry_workspace_id_entity_id_seq_index" on "event_log_entry" ("workspace_id", "entity_id", "seq")`,
    );
    this.addSql(
      `create table "counterparty" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "kind" "counterparty_kind" not null, "roles" text[] not null default '{}', "display_name" varchar(255) not null, "legal_name" varchar(255) null, "first_name" varchar(255) null, "last_name" varchar(255) null, "emails" jsonb not null default '[]', "phones" jsonb not null default '[]', "addresses" jsonb not null default '[]', "tags" text[] not null default '{}', "owner_id" uuid null, "birthday" date null, "contact_consent" boolean not null default false, "custom_attributes" jsonb not null default '{}', "search_text" text not null default '', primary key ("id"))`,
    );
    this.addSql(`create index "counterparty_search_trgm" on "counterparty" using gin ("search_text" gin_trgm_ops)`);
    this.addSql(`create index "counterparty_tags_gin" on "counterparty" using gin ("workspace_id", "tags")`);
    this.addSql(`create index "counterparty_roles_gin" on "counterparty" using gin ("workspace_id", "roles")`);
    this.addSql(
      `create index "counterparty_workspace_id_owner_id_index" on "counterparty" ("workspace_id", "owner_id")`,
    );
    this.addSql(
      `create index "counterparty_workspace_id_display_name_id_index" on "counterparty" ("workspace_id", "display_name", "id")`,
    );
    this.addSql(
      `create index "counterparty_workspace_id_created_at_id_index" on "counterparty" ("workspace_id", "created_at", "id")`,
    );
    this.addSql(
      `alter table "counterparty" add constraint "counterparty_roles_check" check ("roles" <@ array['CUSTOMER'::text, 'PROSPECT'::text, 'SUPPLIER'::text, 'BANK'::text, 'PARTNER'::text, 'OTHER'::text])`,
    );
    this.addSql(
      `create table "relationship" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "from_id" uuid not null, "to_id" uuid not null, "type" varchar(255) not null, "title" varchar(255) null, "since" date null, "until" date null, primary key ("id"))`,
    );
    this.addSql(`create index "relationship_workspace_id_to_id_index" on "relationship" ("workspace_id", "to_id")`);
    this.addSql(`create index "relationship_workspace_id_from_id_index" on "relationship" ("workspace_id", "from_id")`);
    this.addSql(
      `create table "interaction" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "counterparty_id" uuid not null, "type" "interaction_type" not null, "direction" "interaction_direction" not null, "occurred_at" timestamptz not null, "subject" varchar(255) null, "body" text null, "outcome" varchar(255) null, "duration_seconds" int null, "created_by_id" uuid null, primary key ("id"))`,
    );
    this.addSql(
      `create index "interaction_workspace_id_occurred_at_id_index" on "interaction" ("workspace_id", "occurred_at", "id")`,
    );
    this.addSql(
      `create index "interaction_workspace_id_counterparty_id_occurred_at_id_index" on "interaction" ("workspace_id", "counterparty_id", "occurred_at", "id")`,
    );
    this.addSql(
      `create table "interaction_participant" ("id" uuid not null, "workspace_id" uuid not null, "interaction_id" uuid not null, "counterparty_id" uuid null, "user_id" uuid null, "role" varchar(255) null, primary key ("id"))`,
    );
    this.addSql(
      `create index "interaction_participant_workspace_id_counterparty_id_index" on "interaction_participant" ("workspace_id", "counterparty_id")`,
    );
    this.addSql(
      `create index "interaction_participant_workspace_id_interaction_id_index" on "interaction_participant" ("workspace_id", "interaction_id")`,
    );
    this.addSql(
      `create table "attachment" ("id" uuid not null, "workspace_id" uuid not null, "interaction_id" uuid not null, "file_name" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "sha256" varchar(64) not null, "content" bytea not null, "created_at" timestamptz not null default now(), primary key ("id"))`,
    );
    this.addSql(
      `create index "attachment_workspace_id_interaction_id_index" on "attachment" ("workspace_id", "interaction_id")`,
    );
    this.addSql(
      `create table "api_key" ("id" uuid not null, "workspace_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "user_id" uuid not null, "name" varchar(255) not null, "prefix" varchar(255) not null, "secret_hash" varchar(255) not null, "revoked_at" timestamptz null, primary key ("id"))`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix")`);
    this.addSql(`create index "api_key_workspace_id_user_id_index" on "api_key" ("workspace_id", "user_id")`);
    this.addSql(
      `alter table "user" add constraint "user_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "field_definition" add constraint "field_definition_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "event_log_entry" add constraint "event_log_entry_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "counterparty" add constraint "counterparty_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "counterparty" add constraint "counterparty_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "relationship" add constraint "relationship_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "relationship" add constraint "relationship_from_id_foreign" foreign key ("from_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "relationship" add constraint "relationship_to_id_foreign" foreign key ("to_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on delete set null`,
    );
    this.addSql(
      `alter table "interaction_participant" add constraint "interaction_participant_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "interaction_participant" add constraint "interaction_participant_interaction_id_foreign" foreign key ("interaction_id") references "interaction" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "interaction_participant" add constraint "interaction_participant_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "interaction_participant" add constraint "interaction_participant_user_id_foreign" foreign key ("user_id") references "user" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_interaction_id_foreign" foreign key ("interaction_id") references "interaction" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_workspace_id_foreign" foreign key ("workspace_id") references "workspace" ("id") on delete cascade`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_user_id_foreign" foreign key ("user_id") references "user" ("id") on delete cascade`,
    );
  }
}
