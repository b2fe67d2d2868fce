import { UserRole } from '../domain/workspace/user-role.enum.js';

/** Maps a permission name (e.g. `counterparty.write`) to the roles that hold it. */
export type PermissionTable = Readonly<Record<string, readonly UserRole[]>>;

const { ADMIN, MANAGER, AGENT } = UserRole;

/** The core's own permissions; plugins add theirs through `KontraPlugin.permissions`. */
export const corePermissions: PermissionTable = {
  'counterparty.write': [ADMIN, MANAGER, AGENT],
  'counterparty.delete': [ADMIN, MANAGER],
  'interaction.write': [ADMIN, MANAGER, AGENT],
  'relationship.write': [ADMIN, MANAGER, AGENT],
  'customField.manage': [ADMIN],
  'user.manage': [ADMIN],
  'apiKey.manage': [ADMIN],
  'automation.manage': [ADMIN, MANAGER],
};
