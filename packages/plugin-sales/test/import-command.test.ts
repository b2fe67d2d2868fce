import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createRequestContext,
  workspaceAdminPrincipal,
  type CliCommandContext,
  type EntityManager,
} from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { createCounterparty, ok } from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;
let slug: string;
const folder = mkdtempSync(join(tmpdir(), 'kontra-import-'));

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin] });
  admin = await kit.createWorkspace('CLI imports');
  slug = (await ok<{ viewer: { workspace: { slug: string } } }>(admin, `{ viewer { workspace { slug } } }`)).viewer
    .workspace.slug;
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await kit.close();
});

function run(name: string, args: string[]) {
  const command = salesPlugin.commands!.find((c) => c.name === name)!;
  const progress: [string, number, number][] = [];
  const printed: string[] = [];
  const ctx: CliCommandContext = {
    args,
    runtime: kit.server.runtime,
    actAs: async (workspaceSlug) => {
      const principal = await workspaceAdminPrincipal(kit.server.orm.em.fork() as EntityManager, workspaceSlug);
      if (!principal) throw new Error('no such workspace');
      return createRequestContext(kit.server.runtime, principal);
    },
    progress: (step, done, total) => void progress.push([step, done, total]),
    print: (line) => void printed.push(line),
  };
  return command.run(ctx).then(() => ({ progress, printed }));
}

describe('CLI import commands', () => {
  it('import a large orders file in one go, with progress', async () => {
    const products = join(folder, 'products.csv');
    writeFileSync(products, 'sku,name,unit_price\nSOAP,Soap,2.50\nTOWEL,Towel,9.90\n');
    expect((await run('import-products', [slug, products])).printed).toEqual(['2 products created, 0 updated']);

    const customer = await createCounterparty(admin, 'Bulk Buyer');
    const rows = ['order_ref,counterparty_id,sku,quantity'];
    for (let i = 0; i < 1_200; i++) rows.push(`R${i},${customer},${i % 2 ? 'SOAP' : 'TOWEL'},1`);
    const orders = join(folder, 'orders.csv');
    writeFileSync(orders, rows.join('\n'));
    const { progress, printed } = await run('import-orders', [slug, orders]);
    expect(printed).toEqual(['1200 orders with 1200 lines placed']);
    expect(progress.map(([, done]) => done)).toEqual([0, 500, 1000, 1200]);
    const value = await ok<{ counterparty: { lifetimeValue: { amount: string }[] } }>(
      admin,
      `query ($id: ID!) { counterparty(id: $id) { lifetimeValue { amount } } }`,
      { id: customer },
    );
    expect(value.counterparty.lifetimeValue).toEqual([{ amount: '7440.00' }]);
  }, 60_000);
});
