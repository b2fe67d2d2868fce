import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolvePlugins, corePlugin } from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { analyticsPlugin } from '@kontra/plugin-analytics';

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [analyticsPlugin] });
  admin = await kit.createWorkspace('Analytics alone');
});
afterAll(() => kit.close());

describe('analytics without the plugins whose data it reads', () => {
  it('leaves out the questions over sales data when sales is not loaded', async () => {
    const result = await admin.request(
      `{ averageOrderValue(period: { from: "2026-01-01", to: "2026-02-01" }) { asOf } }`,
    );
    expect(result.errors![0]!.message).toBe('Cannot query field "averageOrderValue" on type "Query".');
  });

  it('loads after sales when both are listed, whatever the order', () => {
    const names = resolvePlugins([corePlugin, analyticsPlugin, salesPlugin]).map((r) => r.plugin.name);
    expect(names.indexOf('sales')).toBeLessThan(names.indexOf('analytics'));
  });
});
