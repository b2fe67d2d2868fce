import type { MigrationObject } from '@kontra/core';
import { Migration20261124100000SupportTickets } from './Migration20261124100000SupportTickets.js';

/** The support plugin's migrations in order; never edit one that has shipped, add a new one. */
export const supportMigrations: MigrationObject[] = [
  { name: 'Migration20261124100000SupportTickets', class: Migration20261124100000SupportTickets },
];
