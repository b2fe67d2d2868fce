import { Migration } from '@mikro-orm/migrations';

/** When the refresh job last found which workspaces were behind: how fresh the caught-up ones are. */
export class Migration20261125110000AnalyticsCheck extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "analytics_check" ("singleton" boolean not null default true check ("singleton"), "checked_at" timestamptz not null, primary key ("singleton"))`,
    );
  }
}
