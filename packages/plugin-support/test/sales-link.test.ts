import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { supportPlugin } from '@kontra/plugin-support';
import { createCounterparty, ok } from './support-helpers.js';

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin, supportPlugin] });
  admin = await kit.createWorkspace('Both plugins');
});
afterAll(() => kit.close());

describe('tickets next to the sales plugin', () => {
  it('links a ticket to a deal of the workspace, and refuses ids that name none', async () => {
    const customerId = await createCounterparty(admin, 'Buyer Ltd');
    const pipeline = await ok<{ createPipeline: { id: string } }>(
      admin,
      `mutation { createPipeline(input: { name: "P", stages: [{ name: "Lead", probability: 10 }, { name: "Won", probability: 100, kind: WON }, { name: "Lost", probability: 0, kind: LOST }] }) { id } }`,
    );
    const deal = await ok<{ createDeal: { id: string } }>(
      admin,
      `mutation ($input: CreateDealInput!) { createDeal(input: $input) { id } }`,
      {
        input: { counterpartyId: customerId, pipelineId: pipeline.createPipeline.id, title: 'Renewal', amount: '100' },
      },
    );
    const CREATE = `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { relatedDealId relatedOrderId } }`;
    const linked = await ok<{ createTicket: { relatedDealId: string } }>(admin, CREATE, {
      input: {
        counterpartyId: customerId,
        subject: 'Question about the offer',
        channel: 'PHONE',
        relatedDealId: deal.createDeal.id,
      },
    });
    expect(linked.createTicket.relatedDealId).toBe(deal.createDeal.id);

    const stranger = await kit.createWorkspace('Stranger');
    const strangerCustomer = await createCounterparty(stranger, 'Elsewhere');
    const refused = await stranger.request(CREATE, {
      input: {
        counterpartyId: strangerCustomer,
        subject: 'x',
        channel: 'PHONE',
        relatedDealId: deal.createDeal.id,
        relatedOrderId: 'not-an-id',
      },
    });
    expect(refused.errors![0]!.extensions!.problems).toEqual([
      { path: 'relatedDealId', message: 'is not a deal of this workspace' },
      { path: 'relatedOrderId', message: 'is not an order of this workspace' },
    ]);
  });
});
