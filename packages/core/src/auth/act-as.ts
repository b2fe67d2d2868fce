import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../domain/workspace/user.entity.js';
import { UserRole } from '../domain/workspace/user-role.enum.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';
import type { Principal } from './principal.js';

/** The first admin of a workspace, as a principal for trusted tools (CLI, seed); undefined if none. */
export async function workspaceAdminPrincipal(em: EntityManager, slug: string): Promise<Principal | undefined> {
  const workspace = await em.findOne(Workspace, { slug });
  if (!workspace) return undefined;
  const admin = await em.findOne(
    User,
    { workspace, role: UserRole.ADMIN, deletedAt: null },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return admin ? { userId: admin.id, workspaceId: workspace.id, role: UserRole.ADMIN, apiKeyId: 'cli' } : undefined;
}

/** No user has this id, so a system principal cannot author rows that reference a user. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/** A scheduled job's identity in one workspace (e.g. an SLA breach sweep): writes with no actor. */
export function systemPrincipal(workspaceId: string): Principal {
  return { userId: NO_USER, workspaceId, role: UserRole.ADMIN, apiKeyId: 'system', system: true };
}
