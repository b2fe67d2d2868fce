import { requirePrincipal, type RequestContext } from '@kontra/core';

/** Whether the caller may read internal notes (viewers and public-data integrations may not). */
export function readsInternal(ctx: RequestContext): boolean {
  const principal = requirePrincipal(ctx);
  return ctx.runtime.permits(principal.role, 'support.internal.read');
}

export function salesLinks(ctx: RequestContext) {
  return { salesInstalled: ctx.runtime.plugins.some((plugin) => plugin.name === 'sales') };
}
