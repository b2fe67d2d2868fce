import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createWorkspaceWithAdmin, type EntityManager } from '@kontra/core';
import { createLogger, startEmbeddedPostgres, startKontraServer } from '@kontra/server';

const dataDir = mkdtempSync(join(tmpdir(), 'kontra-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startOnEmbedded() {
  const embedded = await startEmbeddedPostgres(dataDir, 6);
  const server = await startKontraServer({
    databaseUrl: embedded.url,
    port: 0,
    logger: createLogger('silent'),
    migrateOnStart: true,
    poolSize: 4,
  });
  return {
    server,
    async stop() {
      await server.close();
      await embedded.stop();
    },
  };
}

async function graphql(url: string, key: string, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, { edges?: { node: { displayName: string } }[] }> };
}

describe('embedded PostgreSQL (PGlite)', () => {
  it('serves GraphQL and keeps data across a restart', async () => {
    const first = await startOnEmbedded();
    const { key } = await createWorkspaceWithAdmin(first.server.orm.em.fork() as EntityManager, {
      name: 'Embedded',
      slug: 'embedded',
      adminEmail: 'admin@embedded.test',
      adminName: 'Admin',
    });
    const created = await graphql(
      first.server.url,
      key,
      'mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Persisted Ltd" }) { id } }',
    );
    expect(created.data?.createCounterparty).toBeDefined();
    await first.stop();

    const second = await startOnEmbedded();
    const listed = await graphql(second.server.url, key, '{ counterparties { edges { node { displayName } } } }');
    expect(listed.data?.counterparties?.edges?.map((e) => e.node.displayName)).toEqual(['Persisted Ltd']);
    await second.stop();
  }, 60_000);
});
