import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../data/sql.js';
import { UserRole } from '../domain/workspace/user-role.enum.js';
import { User } from '../domain/workspace/user.entity.js';
import { Workspace } from '../domain/workspace/workspace.entity.js';
import { ApiKey } from './api-key.entity.js';
import type { Principal } from './principal.js';

const KEY_PATTERN = /^kontra_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Issues a key for a user; the returned plain key is shown once and never stored. */
export async function issueApiKey(
  em: EntityManager,
  user: User,
  name: string,
): Promise<{ key: string; apiKey: ApiKey }> {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const apiKey = new ApiKey();
  Object.assign(apiKey, { workspace: user.workspace, user, name, prefix, secretHash: hashSecret(secret) });
  await em.persist(apiKey).flush();
  return { key: `kontra_${prefix}_${secret}`, apiKey };
}

/** The principal an `Authorization: Bearer …` key stands for, or undefined when it is not valid. */
export async function authenticateApiKey(em: EntityManager, key: string): Promise<Principal | undefined> {
  const match = KEY_PATTERN.exec(key);
  if (!match) return undefined;
  const [, prefix, secret] = match as unknown as [string, string, string];
  const { rows } = await sql<{ id: string; secretHash: string; userId: string; workspaceId: string; role: UserRole }>`
    select k.id, k.secret_hash as "secretHash", u.id as "userId", u.workspace_id as "workspaceId", u.role
    from api_key k join "user" u on u.id = k.user_id and u.deleted_at is null
    where k.prefix = ${prefix} and k.revoked_at is null and k.deleted_at is null`.execute(em.getKysely());
  const row = rows[0];
  if (!row) return undefined;
  const expected = Buffer.from(row.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(expected, actual)) return undefined;
  return { userId: row.userId, workspaceId: row.workspaceId, role: row.role, apiKeyId: row.id };
}

/** Creates a workspace with its first admin and an API key for them (CLI and test kit). */
export async function createWorkspaceWithAdmin(
  em: EntityManager,
  options: { name: string; slug: string; adminEmail: string; adminName: string; role?: UserRole },
): Promise<{ workspace: Workspace; admin: User; key: string }> {
  const workspace = Object.assign(new Workspace(), { name: options.name, slug: options.slug });
  const admin = Object.assign(new User(), {
    workspace,
    email: options.adminEmail,
    name: options.adminName,
    role: options.role ?? UserRole.ADMIN,
  });
  await em.persist([workspace, admin]).flush();
  const { key } = await issueApiKey(em, admin, 'initial admin key');
  return { workspace, admin, key };
}
