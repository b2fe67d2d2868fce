import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../kernel/context.js';
import { write } from '../../events/write.js';
import { badUserInput, notFound } from '../../graphql/errors.js';
import { isId } from '../../data/ids.js';
import { findLive } from '../../data/load-for-update.js';
import { ApiKey } from '../../auth/api-key.entity.js';
import { issueApiKey } from '../../auth/api-keys.js';
import { User } from './user.entity.js';
import { UserType } from './user.type.js';
import { Workspace } from './workspace.entity.js';
import { ApiKeyType, CreateUserInput, IssuedApiKeyType } from './team.type.js';

function toApiKeyRow(key: ApiKey): ApiKeyType {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    userId: key.user.id,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
}

/** The workspace's users and their API keys, managed by admins. */
@Resolver()
export class TeamResolver {
  @Query(() => [UserType])
  users(@Ctx() ctx: RequestContext) {
    const principal = requirePrincipal(ctx);
    return ctx.em.find(User, { workspace: principal.workspaceId, deletedAt: null }, { orderBy: { name: 'asc' } });
  }

  @Query(() => [ApiKeyType], { description: 'Keys of the workspace (admins) or your own (everyone else)' })
  async apiKeys(@Ctx() ctx: RequestContext) {
    const principal = requirePrincipal(ctx);
    const mine = !ctx.runtime.permits(principal.role, 'apiKey.manage');
    const keys = await ctx.em.find(
      ApiKey,
      { workspace: principal.workspaceId, deletedAt: null, ...(mine ? { user: principal.userId } : {}) },
      { orderBy: { createdAt: 'asc' } },
    );
    return keys.map(toApiKeyRow);
  }

  @Mutation(() => UserType)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: RequestContext) {
    return write(ctx, 'user.manage', async (tx) => {
      const email = input.email.trim().toLowerCase();
      if (await tx.em.findOne(User, { workspace: tx.principal.workspaceId, email })) {
        throw badUserInput('The e-mail address is taken', [
          { path: 'email', message: 'is already a user of this workspace' },
        ]);
      }
      const user = Object.assign(new User(), {
        workspace: tx.em.getReference(Workspace, tx.principal.workspaceId),
        email,
        name: input.name,
        role: input.role,
      });
      tx.em.persist(user);
      tx.emit({ type: 'user.created', entityType: 'User', entityId: user.id, payload: { email, role: input.role } });
      return user;
    });
  }

  @Mutation(() => IssuedApiKeyType)
  createApiKey(@Arg('userId', () => ID) userId: string, @Arg('name') name: string, @Ctx() ctx: RequestContext) {
    return write(ctx, 'apiKey.manage', async (tx) => {
      const user = await findLive(tx, User, userId);
      if (!user) throw notFound('User', userId);
      const { key, apiKey } = await issueApiKey(tx.em, user, name);
      tx.emit({
        type: 'apiKey.created',
        entityType: 'ApiKey',
        entityId: apiKey.id,
        payload: { userId, name, prefix: apiKey.prefix },
      });
      return { key, apiKey: toApiKeyRow(apiKey) };
    });
  }

  @Mutation(() => ApiKeyType, {
    description: 'The key stops working at once, on HTTP and on new WebSocket connections',
  })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return write(ctx, 'apiKey.manage', async (tx) => {
      const apiKey = isId(id) ? await tx.em.findOne(ApiKey, { id, workspace: tx.principal.workspaceId }) : null;
      if (!apiKey) throw notFound('ApiKey', id);
      apiKey.revokedAt ??= new Date();
      tx.emit({
        type: 'apiKey.revoked',
        entityType: 'ApiKey',
        entityId: apiKey.id,
        payload: { prefix: apiKey.prefix },
      });
      return toApiKeyRow(apiKey);
    });
  }
}
