import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { createCounterparty, ok } from './sales-helpers.js';

const today = new Date('2026-11-23T09:00:00Z');
let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin], clock: () => today });
  admin = await kit.createWorkspace('Anniversaries');
});
afterAll(() => kit.close());

async function placeOrder(counterpartyId: string, productId: string, placedAt: string) {
  await ok(admin, `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
    input: { counterpartyId, placedAt, lines: [{ productId, quantity: '1' }] },
  });
}

describe('purchase anniversaries', () => {
  it('announce the anniversary of a first purchase once, counting years, and skip later purchases', async () => {
    const product = await ok<{ createProduct: { id: string } }>(
      admin,
      `mutation { createProduct(input: { sku: "A-1", name: "Beans", unitPrice: "10.00" }) { id } }`,
    );
    const loyal = await createCounterparty(admin, 'Loyal Ltd');
    const newer = await createCounterparty(admin, 'Newer Ltd');
    const productId = product.createProduct.id;
    await placeOrder(loyal, productId, '2024-11-23T15:00:00Z'); // first purchase, two years ago today
    await placeOrder(loyal, productId, '2025-11-23T10:00:00Z'); // a later purchase on the same day: not a first
    await placeOrder(newer, productId, '2026-11-23T07:00:00Z'); // today: no anniversary yet

    const live = await admin.subscribe<{
      events: { entityId: string; payload: { years: number; firstPurchaseOn: string } };
    }>(`subscription { events(types: ["sales.purchaseAnniversary"]) { entityId payload } }`);
    await kit.server.runtime.jobs.send('sales.purchaseAnniversaries', {});
    await kit.server.runtime.jobs.send('sales.purchaseAnniversaries', {});
    const [message] = await live.waitFor(1);
    expect(message!.data!.events).toEqual({
      entityId: loyal,
      payload: expect.objectContaining({ years: 2, firstPurchaseOn: '2024-11-23' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(live.messages).toHaveLength(1);
    await live.close();
  });
});
