import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { supportPlugin } from '@kontra/plugin-support';
import { analyticsPlugin } from '@kontra/plugin-analytics';

let kit: TestServer;
let admin: TestClient;

interface Snapshot {
  dashboardMetrics: { asOf: string; metrics: { name: string; value: string }[] };
}

const SUBSCRIPTION = 'subscription { dashboardMetrics { asOf metrics { name value } } }';

function metric(message: { data?: Snapshot | null }, name: string): string | undefined {
  return message.data?.dashboardMetrics.metrics.find((m) => m.name === name)?.value;
}

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin, supportPlugin, analyticsPlugin] });
  admin = await kit.createWorkspace('Live dashboard');
});
afterAll(() => kit.close());

describe('the live dashboard metrics', () => {
  it('coalesce a burst of orders into a few updates, computed once for every listening dashboard', async () => {
    const product = await admin.request<{ createProduct: { id: string } }>(
      `mutation { createProduct(input: { sku: "B", name: "Beans", unitPrice: "10.00" }) { id } }`,
    );
    const customer = await admin.request<{ createCounterparty: { id: string } }>(
      `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Buyer" }) { id } }`,
    );
    const dashboards = await Promise.all([1, 2, 3].map(() => admin.subscribe<Snapshot>(SUBSCRIPTION)));
    for (const dashboard of dashboards) {
      const [first] = await dashboard.waitFor(1);
      expect(metric(first!, 'orders today')).toBe('0');
      expect(metric(first!, 'open tickets')).toBe('0');
    }

    const ORDERS = 40;
    await Promise.all(
      Array.from({ length: ORDERS }, () =>
        admin.request(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
          input: {
            counterpartyId: customer.data!.createCounterparty.id,
            lines: [{ productId: product.data!.createProduct.id, quantity: '1' }],
          },
        }),
      ),
    );
    const deadline = Date.now() + 10_000;
    while (
      Date.now() < deadline &&
      dashboards.some((d) => metric(d.messages.at(-1)!, 'orders today') !== String(ORDERS))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const dashboard of dashboards) {
      const last = dashboard.messages.at(-1)!;
      expect(metric(last, 'orders today')).toBe(String(ORDERS));
      expect(metric(last, 'revenue today (EUR)')).toBe('400.00');
      // 40 orders, a handful of updates.
      expect(dashboard.messages.length).toBeLessThanOrEqual(6);
    }
    // The same computations reached every dashboard.
    const asOfs = dashboards.map((d) => d.messages.map((m) => m.data!.dashboardMetrics.asOf).join());
    expect(new Set(asOfs).size).toBe(1);
    await Promise.all(dashboards.map((d) => d.close()));
  }, 30_000);
});
