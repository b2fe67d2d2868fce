import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120000FixtureStamps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table fixture_stamp (
      id uuid primary key, workspace_id uuid not null references workspace(id) on delete cascade,
      version int not null default 1, created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(), deleted_at timestamptz null,
      counterparty_id uuid not null references counterparty(id) on delete cascade,
      stamped_at timestamptz not null, reason varchar(255) not null)`);
    this.addSql(
      `create index fixture_stamp_workspace_counterparty on fixture_stamp (workspace_id, counterparty_id, stamped_at)`,
    );
  }
}
