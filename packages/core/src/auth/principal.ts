import type { UserRole } from '../domain/workspace/user-role.enum.js';

/** Who is calling: a user of one workspace, authenticated by an API key. */
export interface Principal {
  userId: string;
  workspaceId: string;
  role: UserRole;
  apiKeyId: string;
  /** A scheduled job acting in the workspace, not a user: its events record no actor. */
  system?: boolean;
  /** What acts through this principal besides the user, e.g. `trigger:<rule id>`; recorded on its events. */
  origin?: string;
}
