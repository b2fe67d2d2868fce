import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Revocation');
});
afterAll(() => kit.close());

describe('revoking an API key', () => {
  it('closes the WebSockets opened with it, with 4403', async () => {
    const user = await admin.request<{ createUser: { id: string } }>(
      `mutation { createUser(input: { email: "live@example.test", name: "Live", role: AGENT }) { id } }`,
    );
    const issued = await admin.request<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation ($id: ID!) { createApiKey(userId: $id, name: "dashboard") { key apiKey { id } } }`,
      { id: user.data!.createUser.id },
    );
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: kit.server.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${issued.data!.createApiKey.key}` },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => undefined,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.on('connected', () => {
        client.subscribe(
          { query: '{ __typename }' },
          { next: () => undefined, error: () => undefined, complete: () => undefined },
        );
        void admin.request(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, {
          id: issued.data!.createApiKey.apiKey.id,
        });
      });
    });
    expect(await closed).toBe(4403);
  });
});
