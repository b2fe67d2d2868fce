import { Ctx, Query, Resolver } from 'type-graphql';
import { requirePrincipal, type RequestContext } from '../../kernel/context.js';
import { Workspace } from './workspace.entity.js';
import { User } from './user.entity.js';
import { ViewerType } from './user.type.js';

@Resolver()
export class WorkspaceResolver {
  @Query(() => ViewerType, { description: 'The authenticated user and their workspace' })
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerType> {
    const principal = requirePrincipal(ctx);
    const [user, workspace] = await Promise.all([
      ctx.em.findOneOrFail(User, { id: principal.userId }),
      ctx.em.findOneOrFail(Workspace, { id: principal.workspaceId }),
    ]);
    return { user, workspace };
  }
}
