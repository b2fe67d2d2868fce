import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserRole } from '@kontra/core';
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
let pipeline: PipelineFixture;
let acmeId: string;

const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin], pluginConfig: { sales: { defaultCurrency: 'EUR' } } });
  admin = await kit.createWorkspace('Sales');
  pipeline = await createPipeline(admin);
  acmeId = await createCounterparty(admin, 'Acme');
});
afterAll(() => kit.close());

async function newDeal(title: string, extra: Record<string, unknown> = {}) {
  const data = await ok<{ createDeal: { id: string; version: number } }>(admin, CREATE_DEAL, {
    input: { counterpartyId: acmeId, pipelineId: pipeline.id, title, amount: '1000', ...extra },
  });
  return data.createDeal;
}

describe('pipelines', () => {
  it('refuses a pipeline without won and lost stages', async () => {
    const result = await admin.request(
      `mutation { createPipeline(input: { name: "Odd", stages: [{ name: "A", probability: 10 }, { name: "B", probability: 20 }, { name: "C", probability: 30 }] }) { id } }`,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'stages' }] });
  });

  it('reorders stages without losing deals', async () => {
    const own = await createPipeline(admin, 'Reorder');
    const deal = await ok<{ createDeal: { id: string } }>(admin, CREATE_DEAL, {
      input: { counterpartyId: acmeId, pipelineId: own.id, title: 'Stays put', amount: '5' },
    });
    const reversed = [...own.stages].reverse().map((s) => s.id);
    await ok(admin, `mutation ($p: ID!, $s: [ID!]!) { reorderStages(pipelineId: $p, stageIds: $s) { id } }`, {
      p: own.id,
      s: reversed,
    });
    const read = await ok<{ pipeline: { stages: { id: string; deals: { edges: { node: { id: string } }[] } }[] } }>(
      admin,
      `query ($id: ID!) { pipeline(id: $id) { stages { id deals { edges { node { id } } } } } }`,
      { id: own.id },
    );
    expect(read.pipeline.stages.map((s) => s.id)).toEqual(reversed);
    expect(read.pipeline.stages.at(-1)!.deals.edges.map((e) => e.node.id)).toEqual([deal.createDeal.id]);
  });

  it('refuses an incomplete stage list', async () => {
    const result = await admin.request(
      `mutation ($p: ID!, $s: [ID!]!) { reorderStages(pipelineId: $p, stageIds: $s) { id } }`,
      {
        p: pipeline.id,
        s: pipeline.stages.slice(1).map((s) => s.id),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('deals', () => {
  it('starts in the first open stage, in the default currency', async () => {
    const data = await ok<{ createDeal: Record<string, unknown> }>(admin, CREATE_DEAL, {
      input: { counterpartyId: acmeId, pipelineId: pipeline.id, title: 'Starter', amount: '1299.9' },
    });
    expect(data.createDeal).toMatchObject({
      status: 'OPEN',
      amount: '1299.90',
      currency: 'EUR',
      stage: { name: 'Lead' },
    });
  });

  it('records every stage move with who and when, and wins terminally', async () => {
    const deal = await newDeal('Big one');
    const moved = await ok<{ moveDeal: { version: number } }>(admin, MOVE_DEAL, {
      input: { id: deal.id, version: deal.version, stageId: stage('Proposal') },
    });
    const won = await ok<{ moveDeal: { version: number; status: string; closedAt: string | null } }>(admin, MOVE_DEAL, {
      input: { id: deal.id, version: moved.moveDeal.version, stageId: stage('Won') },
    });
    expect(won.moveDeal.status).toBe('WON');
    expect(won.moveDeal.closedAt).not.toBeNull();
    const again = await admin.request(MOVE_DEAL, {
      input: { id: deal.id, version: won.moveDeal.version, stageId: stage('Lead') },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const history = await ok<{
      deals: {
        edges: {
          node: {
            stageHistory: { fromStage: { name: string } | null; toStage: { name: string }; actor: { id: string } }[];
          };
        }[];
      };
    }>(
      admin,
      `query ($id: ID!) { deals(counterpartyId: $id, status: WON) { edges { node {
        stageHistory { fromStage { name } toStage { name } actor { id } } } } } }`,
      { id: acmeId },
    );
    expect(history.deals.edges[0]!.node.stageHistory.map((h) => [h.fromStage?.name ?? null, h.toStage.name])).toEqual([
      [null, 'Lead'],
      ['Lead', 'Proposal'],
      ['Proposal', 'Won'],
    ]);
    expect(history.deals.edges[0]!.node.stageHistory.every((h) => h.actor.id === admin.userId)).toBe(true);
    const reopened = await ok<{ reopenDeal: { status: string; closedAt: null } }>(
      admin,
      `mutation ($input: MoveDealInput!) { reopenDeal(input: $input) { status closedAt } }`,
      { input: { id: deal.id, version: won.moveDeal.version, stageId: stage('Negotiation') } },
    );
    expect(reopened.reopenDeal).toEqual({ status: 'OPEN', closedAt: null });
  });

  it('needs a reason to lose a deal', async () => {
    const deal = await newDeal('Long shot');
    const refused = await admin.request(MOVE_DEAL, {
      input: { id: deal.id, version: deal.version, stageId: stage('Lost') },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'lostReason' }],
    });
    const lost = await ok<{ moveDeal: { status: string; lostReason: string } }>(admin, MOVE_DEAL, {
      input: { id: deal.id, version: deal.version, stageId: stage('Lost'), lostReason: 'Price' },
    });
    expect(lost.moveDeal).toMatchObject({ status: 'LOST', lostReason: 'Price' });
  });

  it('refuses a stage move made on a stale version with CONFLICT, changing nothing', async () => {
    const deal = await newDeal('Contested');
    await ok(admin, MOVE_DEAL, { input: { id: deal.id, version: deal.version, stageId: stage('Proposal') } });
    const stale = await admin.request(MOVE_DEAL, {
      input: { id: deal.id, version: deal.version, stageId: stage('Negotiation') },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const read = await ok<{ deals: { edges: { node: { id: string; stage: { name: string } } }[] } }>(
      admin,
      `query ($s: ID!) { deals(stageId: $s, first: 100) { edges { node { id stage { name } } } } }`,
      { s: stage('Proposal') },
    );
    expect(read.deals.edges.map((e) => e.node.id)).toContain(deal.id);
  });

  it('lets a viewer read deals but not move them', async () => {
    const deal = await newDeal('Watched');
    const viewer = await kit.addUser(admin, UserRole.VIEWER);
    const refused = await viewer.request(MOVE_DEAL, {
      input: { id: deal.id, version: deal.version, stageId: stage('Proposal') },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a deal of workspace A invisible to workspace B', async () => {
    const deal = await newDeal('Secret');
    const other = await kit.createWorkspace('Other sales');
    const listed = await ok<{ deals: { edges: unknown[] } }>(other, `{ deals(first: 100) { edges { cursor } } }`);
    expect(listed.deals.edges).toEqual([]);
    const moved = await other.request(MOVE_DEAL, {
      input: { id: deal.id, version: deal.version, stageId: stage('Proposal') },
    });
    expect(moved.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const viaCounterparty = await other.request<{ counterparty: null }>(
      `query ($id: ID!) { counterparty(id: $id) { deals { edges { cursor } } } }`,
      {
        id: acmeId,
      },
    );
    expect(viaCounterparty.data?.counterparty).toBeNull();
  });

  it('forecasts open deals per month, weighted by stage probability, in SQL', async () => {
    const own = await createPipeline(admin, 'Forecast');
    const at = (name: string) => own.stages.find((s) => s.name === name)!.id;
    const input = (title: string, amount: string, date: string, stageId: string) => ({
      input: { counterpartyId: acmeId, pipelineId: own.id, title, amount, expectedCloseDate: date, stageId },
    });
    await ok(admin, CREATE_DEAL, input('a', '1000', '2027-01-10', at('Lead')));
    await ok(admin, CREATE_DEAL, input('b', '2000', '2027-01-20', at('Proposal')));
    await ok(admin, CREATE_DEAL, input('c', '500', '2027-02-01', at('Negotiation')));
    await ok(admin, CREATE_DEAL, input('d', '9999', '2027-03-01', at('Lead')));
    const result = await ok<{ pipeline: { forecast: unknown[] } }>(
      admin,
      `query ($id: ID!) { pipeline(id: $id) { forecast(from: "2027-01-01", to: "2027-02-28") {
        month currency dealCount amount weightedAmount } } }`,
      { id: own.id },
    );
    expect(result.pipeline.forecast).toEqual([
      { month: '2027-01', currency: 'EUR', dealCount: 2, amount: '3000.00', weightedAmount: '1100.00' },
      { month: '2027-02', currency: 'EUR', dealCount: 1, amount: '500.00', weightedAmount: '400.00' },
    ]);
  });
});

describe('deals with product lines', () => {
  it('sums the lines into the amount, and recomputes it when the lines change', async () => {
    const product = await ok<{ createProduct: { id: string } }>(
      admin,
      `mutation { createProduct(input: { sku: "LIC-1", name: "Licence", unitPrice: "120.00" }) { id } }`,
    );
    const created = await ok<{ createDeal: { id: string; version: number; amount: string } }>(
      admin,
      `mutation ($input: CreateDealInput!) { createDeal(input: $input) { id version amount } }`,
      {
        input: {
          counterpartyId: acmeId,
          pipelineId: pipeline.id,
          title: 'Licences',
          lines: [{ productId: product.createProduct.id, quantity: '10', discountPercent: '15' }],
        },
      },
    );
    expect(created.createDeal.amount).toBe('1020.00');
    const updated = await ok<{
      updateDeal: { amount: string; lines: { quantity: string; product: { name: string } }[] };
    }>(
      admin,
      `mutation ($input: UpdateDealInput!) { updateDeal(input: $input) { amount lines { quantity product { name } } } }`,
      {
        input: {
          id: created.createDeal.id,
          version: created.createDeal.version,
          lines: [{ productId: product.createProduct.id, quantity: '2' }],
        },
      },
    );
    expect(updated.updateDeal).toEqual({
      amount: '240.00',
      lines: [{ quantity: '2.000', product: { name: 'Licence' } }],
    });
  });

  it('needs an amount when there are no lines', async () => {
    const result = await admin.request(CREATE_DEAL, {
      input: { counterpartyId: acmeId, pipelineId: pipeline.id, title: 'Nothing' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'amount' }] });
  });
});
