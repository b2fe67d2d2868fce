import { Migration } from '@mikro-orm/migrations';

/** An index of a workspace's deleted counterparties only, to leave them out cheaply. */
export class Migration20261125080000DeletedCounterparties extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "counterparty_deleted_index" on "counterparty" ("workspace_id", "id") where "deleted_at" is not null`,
    );
  }
}
