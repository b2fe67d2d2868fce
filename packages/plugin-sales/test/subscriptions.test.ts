import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import {
  CREATE_DEAL,
  MOVE_DEAL,
  createCounterparty,
  createPipeline,
  ok,
  type PipelineFixture,
} from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;
let board: PipelineFixture;
let other: PipelineFixture;
let customerId: string;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin] });
  admin = await kit.createWorkspace('Live');
  board = await createPipeline(admin, 'Watched');
  other = await createPipeline(admin, 'Unwatched');
  customerId = await createCounterparty(admin, 'Subscriber Co');
});
afterAll(() => kit.close());

describe('sales subscriptions', () => {
  it('streams the deal changes of one pipeline, with the deal as it is after each change', async () => {
    const live = await admin.subscribe<{ dealChanges: { type: string; deal: { stage: { name: string } } } }>(
      `subscription ($p: ID!) { dealChanges(pipelineId: $p) { type deal { stage { name } } } }`,
      { p: board.id },
    );
    await ok(admin, CREATE_DEAL, {
      input: { counterpartyId: customerId, pipelineId: other.id, title: 'Elsewhere', amount: '1' },
    });
    const created = await ok<{ createDeal: { id: string; version: number } }>(admin, CREATE_DEAL, {
      input: { counterpartyId: customerId, pipelineId: board.id, title: 'On the board', amount: '1' },
    });
    await live.waitFor(1);
    await ok(admin, MOVE_DEAL, {
      input: {
        id: created.createDeal.id,
        version: created.createDeal.version,
        stageId: board.stages.find((s) => s.kind === 'WON')!.id,
      },
    });
    const messages = await live.waitFor(2);
    expect(messages.map((m) => [m.data!.dealChanges.type, m.data!.dealChanges.deal.stage.name])).toEqual([
      ['sales.dealCreated', 'Lead'],
      ['sales.dealWon', 'Won'],
    ]);
    await live.close();
  });

  it('streams orders placed in the workspace only', async () => {
    const live = await admin.subscribe<{ ordersPlaced: { order: { total: string } } }>(
      `subscription { ordersPlaced { order { total } } }`,
    );
    const stranger = await kit.createWorkspace('Stranger');
    const strangerProduct = await ok<{ createProduct: { id: string } }>(
      stranger,
      `mutation { createProduct(input: { sku: "X", name: "X", unitPrice: "1" }) { id } }`,
    );
    const strangerCustomer = await createCounterparty(stranger, 'Stranger customer');
    await ok(stranger, `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: {
        counterpartyId: strangerCustomer,
        lines: [{ productId: strangerProduct.createProduct.id, quantity: '1' }],
      },
    });
    const mine = await ok<{ createProduct: { id: string } }>(
      admin,
      `mutation { createProduct(input: { sku: "TEA", name: "Tea", unitPrice: "3.20" }) { id } }`,
    );
    await ok(admin, `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: { counterpartyId: customerId, lines: [{ productId: mine.createProduct.id, quantity: '2' }] },
    });
    await live.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.messages.map((m) => m.data!.ordersPlaced.order.total)).toEqual(['6.40']);
    await live.close();
  });
});
