import type { EntityManager } from '@mikro-orm/postgresql';
import { createWorkspaceWithAdmin, issueApiKey } from '../auth/api-keys.js';
import { workspaceAdminPrincipal } from '../auth/act-as.js';
import { User } from '../domain/workspace/user.entity.js';
import { UserRole } from '../domain/workspace/user-role.enum.js';
import { createRequestContext } from '../kernel/context.js';
import { write } from '../events/write.js';
import type { KontraRuntime } from '../kernel/runtime.js';
import { seededRandom, type SeedContext } from './seed-context.js';

export interface SeedResult {
  workspaceId: string;
  /** An API key of the demo workspace's admin, shown once. */
  key: string;
  /** false when the demo workspace existed already (only a fresh key was issued). */
  seeded: boolean;
}

/**
 * Creates the demo workspace and runs every plugin's `seed` hook in load order (the core's first),
 * so each can build on what the ones before it created.
 */
export async function seedDemoWorkspace(
  runtime: KontraRuntime,
  progress: SeedContext['progress'],
  slug = 'demo',
): Promise<SeedResult> {
  const em = runtime.orm.em.fork() as EntityManager;
  const existing = await workspaceAdminPrincipal(em, slug);
  if (existing) {
    const { key } = await issueApiKey(em, await em.findOneOrFail(User, existing.userId), 'seed re-run key');
    return { workspaceId: existing.workspaceId, key, seeded: false };
  }
  const { workspace, admin, key } = await createWorkspaceWithAdmin(em, {
    name: 'Demo Trading Ltd',
    slug,
    adminEmail: 'admin@demo.example',
    adminName: 'Dana Admin',
  });
  const request = createRequestContext(runtime, {
    userId: admin.id,
    workspaceId: workspace.id,
    role: UserRole.ADMIN,
    apiKeyId: 'seed',
  });
  const principal = request.principal!;
  const context: SeedContext = {
    request,
    random: seededRandom(20261123),
    progress,
    created: new Map(),
    write: (permission, work) => write(createRequestContext(runtime, principal), permission, work),
  };
  for (const plugin of runtime.plugins) {
    if (plugin.seed) await plugin.seed(context);
  }
  return { workspaceId: workspace.id, key, seeded: true };
}
