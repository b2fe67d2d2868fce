import type { WebSocket } from 'ws';
import type { KontraRuntime, Principal } from '@kontra/core';

/** The graphql-ws close code for a refused authentication. */
const FORBIDDEN = 4403;

/**
 * Closes WebSocket connections whose API key is revoked, on any server instance: each connection
 * follows its workspace's event feed, which carries `apiKey.revoked` from wherever it happened.
 */
export async function closeOnRevocation(
  runtime: KontraRuntime,
  principal: Principal,
  socket: WebSocket,
  onRevoked: () => void,
): Promise<() => void> {
  return runtime.eventFeed.subscribe(principal.workspaceId, (event) => {
    if (event.type === 'apiKey.revoked' && event.entityId === principal.apiKeyId) {
      onRevoked();
      socket.close(FORBIDDEN, 'Forbidden: the API key was revoked');
    }
  });
}
