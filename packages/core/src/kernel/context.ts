import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { Principal } from '../auth/principal.js';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import type { KontraRuntime } from './runtime.js';
import { LoaderCache, type LoaderFactory } from './loaders.js';

/**
 * The WebSocket a subscription delivers through, as the server exposes it to event streams: who is
 * connected now (revocation ends it) and how far the client lags behind.
 */
export interface SubscriberChannel {
  /** The connection's principal as it is now; undefined once its key is revoked. */
  principal(): Principal | undefined;
  /** Bytes sent to the socket that the client has not yet taken. */
  bufferedBytes(): number;
  /** Past this many buffered bytes the subscriber is too slow. */
  readonly bufferLimitBytes: number;
  /** Past this many events waiting for one subscription the subscriber is too slow. */
  readonly maxPendingEvents: number;
  /** Closes the connection, telling the client why. */
  disconnect(code: number, reason: string): void;
}

/** What every resolver gets: a fresh EntityManager, the caller, per-request loaders and the runtime. */
export interface RequestContext {
  /** A fork of the ORM's EntityManager for this request alone. */
  readonly em: EntityManager;
  /** The authenticated caller; undefined for an anonymous request (which may read nothing). */
  readonly principal: Principal | undefined;
  readonly runtime: KontraRuntime;
  /** The request's instance of a loader declared with `defineLoader`. */
  loader<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V>;
  /** Forgets what the loaders hold: a subscription's one context serves many events. */
  clearLoaders(): void;
  /** Set for operations over WebSocket: subscriptions check it on every event. */
  readonly subscriber?: SubscriberChannel;
}

export function createRequestContext(
  runtime: KontraRuntime,
  principal: Principal | undefined,
  subscriber?: SubscriberChannel,
): RequestContext {
  const loaders = new LoaderCache();
  let em: EntityManager | undefined;
  const ctx: RequestContext = {
    // Forked on first use: a subscription's context often never touches the database.
    get em() {
      return (em ??= runtime.orm.em.fork() as EntityManager);
    },
    principal,
    runtime,
    loader: (factory) => loaders.get(factory, ctx),
    clearLoaders: () => loaders.clear(),
    subscriber,
  };
  return ctx;
}

/**
 * The caller's workspace, for loaders: anonymous requests get null, which matches no row (the
 * resolver that needs a caller has already refused them).
 */
export function workspaceIdOf(ctx: RequestContext): string | null {
  return ctx.principal?.workspaceId ?? null;
}

/** The caller, or an UNAUTHENTICATED error. */
export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal;
}

/** The caller if their role holds `permission`, else a FORBIDDEN error naming what is missing. */
export function requirePermission(ctx: RequestContext, permission: string): Principal {
  const principal = requirePrincipal(ctx);
  if (!ctx.runtime.permits(principal.role, permission)) {
    throw forbidden(`Role ${principal.role} lacks permission ${permission}`);
  }
  return principal;
}
