import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { createCounterparty, ok } from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;
let productId: string;

const LOYALTY = `query ($id: ID!) { counterparty(id: $id) { loyalty {
  id version number pointsEarned pointsRedeemed balance tier { name } nextTier { name minPoints }
  transactions { points reason } } } }`;

interface Card {
  id: string;
  version: number;
  pointsEarned: number;
  pointsRedeemed: number;
  balance: number;
  tier: { name: string };
  nextTier: { name: string; minPoints: number } | null;
  transactions: { points: number; reason: string }[];
}

beforeAll(async () => {
  kit = await createTestServer({
    plugins: [salesPlugin],
    pluginConfig: {
      sales: {
        loyalty: {
          pointsPerCurrencyUnit: 2,
          tiers: [
            { name: 'Member', minPoints: 0 },
            { name: 'Insider', minPoints: 100 },
          ],
        },
      },
    },
  });
  admin = await kit.createWorkspace('Loyalty');
  productId = (
    await ok<{ createProduct: { id: string } }>(
      admin,
      `mutation { createProduct(input: { sku: "WINE", name: "Wine", unitPrice: "12.99" }) { id } }`,
    )
  ).createProduct.id;
});
afterAll(() => kit.close());

async function placeOrder(counterpartyId: string, quantity: string) {
  const data = await ok<{ placeOrder: { id: string; version: number; total: string } }>(
    admin,
    `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id version total } }`,
    { input: { counterpartyId, lines: [{ productId, quantity }] } },
  );
  return data.placeOrder;
}

async function card(counterpartyId: string): Promise<Card> {
  return (await ok<{ counterparty: { loyalty: Card } }>(admin, LOYALTY, { id: counterpartyId })).counterparty.loyalty;
}

describe('loyalty cards', () => {
  it('earns points per order by the configured rule and climbs tiers', async () => {
    const shopper = await createCounterparty(admin, 'Shopper');
    await ok(admin, `mutation ($id: ID!) { issueLoyaltyCard(counterpartyId: $id) { number } }`, { id: shopper });
    const first = await placeOrder(shopper, '3'); // 38.97 → 77 points at 2 per unit
    expect(first.total).toBe('38.97');
    expect(await card(shopper)).toMatchObject({
      pointsEarned: 77,
      balance: 77,
      tier: { name: 'Member' },
      nextTier: { name: 'Insider', minPoints: 100 },
    });
    await placeOrder(shopper, '1'); // 12.99 → 25 points
    expect(await card(shopper)).toMatchObject({ pointsEarned: 102, tier: { name: 'Insider' }, nextTier: null });
  });

  it('takes back the points of a cancelled order', async () => {
    const shopper = await createCounterparty(admin, 'Returner');
    await ok(admin, `mutation ($id: ID!) { issueLoyaltyCard(counterpartyId: $id) { number } }`, { id: shopper });
    const order = await placeOrder(shopper, '2'); // 25.98 → 51 points
    await ok(
      admin,
      `mutation ($id: ID!, $v: Int!) { setOrderStatus(id: $id, version: $v, status: CANCELLED) { id } }`,
      {
        id: order.id,
        v: order.version,
      },
    );
    const after = await card(shopper);
    expect(after).toMatchObject({ pointsEarned: 0, balance: 0 });
    expect(after.transactions.map((t) => t.points)).toEqual([-51, 51]);
  });

  it('redeems points up to the balance, with optimistic locking', async () => {
    const shopper = await createCounterparty(admin, 'Redeemer');
    await ok(admin, `mutation ($id: ID!) { issueLoyaltyCard(counterpartyId: $id) { number } }`, { id: shopper });
    await placeOrder(shopper, '4'); // 51.96 → 103 points
    const before = await card(shopper);
    const REDEEM = `mutation ($input: RedeemPointsInput!) { redeemLoyaltyPoints(input: $input) { balance pointsRedeemed version } }`;
    const tooMany = await admin.request(REDEEM, {
      input: { cardId: before.id, version: before.version, points: 104, reason: 'voucher' },
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'points' }] });
    const redeemed = await ok<{ redeemLoyaltyPoints: { balance: number; pointsRedeemed: number } }>(admin, REDEEM, {
      input: { cardId: before.id, version: before.version, points: 100, reason: 'voucher' },
    });
    expect(redeemed.redeemLoyaltyPoints).toMatchObject({ balance: 3, pointsRedeemed: 100 });
    const stale = await admin.request(REDEEM, {
      input: { cardId: before.id, version: before.version, points: 1, reason: 'again' },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Tiers follow lifetime points: redeeming does not demote.
    expect((await card(shopper)).tier.name).toBe('Insider');
  });

  it('issues one card per counterparty and earns nothing without one', async () => {
    const shopper = await createCounterparty(admin, 'No Card');
    await placeOrder(shopper, '1');
    expect(await card(shopper)).toBeNull();
    await ok(admin, `mutation ($id: ID!) { issueLoyaltyCard(counterpartyId: $id) { number } }`, { id: shopper });
    const twice = await admin.request(`mutation ($id: ID!) { issueLoyaltyCard(counterpartyId: $id) { number } }`, {
      id: shopper,
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
