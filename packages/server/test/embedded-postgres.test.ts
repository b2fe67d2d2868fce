import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createWorkspaceWithAdmin, type EntityManager } from '@kontra/core';
import { createLogger, startEmbeddedPostgres, startKontraServer } from '@kontra/server';
import { salesPlugin } from '@kontra/plugin-sales';
import { supportPlugin } from '@kontra/plugin-support';

const dataDir = mkdtempSync(join(tmpdir(), 'kontra-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let now = new Date();

/** With the default plugins, as `./scripts/start.sh` runs it: the support plugin's job queue included. */
async function startOnEmbedded() {
  const embedded = await startEmbeddedPostgres(dataDir, 8);
  const server = await startKontraServer({
    databaseUrl: embedded.url,
    plugins: [salesPlugin, supportPlugin],
    pluginConfig: { support: { slaSweepSeconds: 1 } },
    port: 0,
    logger: createLogger('silent'),
    migrateOnStart: true,
    poolSize: 4,
    jobPollingIntervalSeconds: 0.5,
    clock: () => now,
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
  return (await response.json()) as {
    data?: Record<
      string,
      { id?: string; edges?: { node: { displayName: string } }[]; sla?: { firstResponse: { status: string } } }
    >;
  };
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

    // The durable job queue runs on the embedded database too: the SLA sweep records a breach.
    await graphql(
      second.server.url,
      key,
      'mutation { createSlaPolicy(input: { name: "Fast", priority: URGENT, firstResponseMinutes: 1, resolutionMinutes: 5 }) { id } }',
    );
    const ticket = await graphql(
      second.server.url,
      key,
      `mutation { createTicket(input: { counterpartyId: "${created.data!.createCounterparty!.id}", subject: "Down", channel: PHONE, priority: URGENT }) { id } }`,
    );
    now = new Date(Date.now() + 2 * 60_000);
    let status: string | undefined;
    for (let attempt = 0; attempt < 40 && status !== 'BREACHED'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const read = await graphql(
        second.server.url,
        key,
        `{ ticket(id: "${ticket.data!.createTicket!.id}") { sla { firstResponse { status } } } }`,
      );
      status = read.data?.ticket?.sla?.firstResponse.status;
    }
    expect(status).toBe('BREACHED');
    await second.stop();
  }, 90_000);
});
