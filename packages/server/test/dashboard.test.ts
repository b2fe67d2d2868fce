import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

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
});
