import { Migration } from '@mikro-orm/migrations';

/** Attachments may belong to a plugin's record (e.g. a ticket comment) instead of an interaction. */
export class Migration20261124000000AttachmentOwners extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "attachment" alter column "interaction_id" drop not null`);
  }
}
