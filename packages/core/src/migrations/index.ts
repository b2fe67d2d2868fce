import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000CoreSchema } from './Migration20261123000000CoreSchema.js';
import { Migration20261124000000AttachmentOwners } from './Migration20261124000000AttachmentOwners.js';
import { Migration20261124010000Automation } from './Migration20261124010000Automation.js';
import { Migration20261125080000DeletedCounterparties } from './Migration20261125080000DeletedCounterparties.js';

/** The core's migrations in order; never edit one that has shipped, add a new one. */
export const coreMigrations: MigrationObject[] = [
  { name: 'Migration20261123000000CoreSchema', class: Migration20261123000000CoreSchema },
  { name: 'Migration20261124000000AttachmentOwners', class: Migration20261124000000AttachmentOwners },
  { name: 'Migration20261124010000Automation', class: Migration20261124010000Automation },
  { name: 'Migration20261125080000DeletedCounterparties', class: Migration20261125080000DeletedCounterparties },
];
