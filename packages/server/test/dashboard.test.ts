import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';

let kit: TestServer;
let admin: TestClient;
let browser: Browser;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Dashboard');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await kit.close();
});

describe('the live dashboard page', () => {
  it('shows a change made through the API as it commits, without a reload', async () => {
    const page = await browser.newPage();
    const origin = new URL(kit.server.url).origin;
    await page.goto(`${origin}/dashboard#key=${encodeURIComponent(admin.key)}`);
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 15_000 });
    const loads = { count: 0 };
    page.on('load', () => loads.count++);

    await admin.request(
      `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Seen Live GmbH" }) { id } }`,
    );
    const entry = page.locator('#feed li', { hasText: 'Seen Live GmbH' });
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.locator('.type').textContent()).toBe('counterparty.created');
    expect(await page.locator('#counts tr[data-label="counterparty.created"] td.count').textContent()).toBe('1');
    expect(await page.locator('#metrics').textContent()).toContain('analytics plugin');
    expect(loads.count).toBe(0);
    await page.close();
  }, 60_000);

  it('shows nothing of another workspace', async () => {
    const page = await browser.newPage();
    const origin = new URL(kit.server.url).origin;
    await page.goto(`${origin}/dashboard#key=${encodeURIComponent(admin.key)}`);
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 15_000 });
    const stranger = await kit.createWorkspace('Stranger');
    await stranger.request(
      `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Not Yours Ltd" }) { id } }`,
    );
    await admin.request(
      `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Yours Ltd" }) { id } }`,
    );
    await page.locator('#feed li', { hasText: 'Yours Ltd' }).first().waitFor({ timeout: 15_000 });
    expect(await page.locator('#feed').textContent()).not.toContain('Not Yours Ltd');
    await page.close();
  }, 60_000);

  it("shows the analytics plugin's live metrics, updated when an order commits", async () => {
    const withAnalytics = await createTestServer({ plugins: [salesPlugin, analyticsPlugin] });
    try {
      const owner = await withAnalytics.createWorkspace('Shop');
      const page = await browser.newPage();
      await page.goto(`${new URL(withAnalytics.server.url).origin}/dashboard#key=${encodeURIComponent(owner.key)}`);
      const ordersToday = page.locator('#metrics tr[data-label="orders today"] td.count');
      await expect(ordersToday.textContent({ timeout: 15_000 })).resolves.toBe('0');
      const product = await owner.request<{ createProduct: { id: string } }>(
        `mutation { createProduct(input: { sku: "B", name: "Beans", unitPrice: "12.50" }) { id } }`,
      );
      const customer = await owner.request<{ createCounterparty: { id: string } }>(
        `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Buyer" }) { id } }`,
      );
      await owner.request(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
        input: {
          counterpartyId: customer.data!.createCounterparty.id,
          lines: [{ productId: product.data!.createProduct.id, quantity: '2' }],
        },
      });
      await page
        .locator('#metrics tr[data-label="orders today"] td.count', { hasText: '1' })
        .waitFor({ timeout: 15_000 });
      expect(await page.locator('#metrics tr[data-label="revenue today (EUR)"] td.count').textContent()).toBe('25.00');
      await page.close();
    } finally {
      await withAnalytics.close();
    }
  }, 60_000);
});
