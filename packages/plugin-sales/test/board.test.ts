import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { salesPlugin } from '@kontra/plugin-sales';
import { CREATE_DEAL, createCounterparty, createPipeline, ok, type PipelineFixture } from './sales-helpers.js';

let kit: TestServer;
let admin: TestClient;
let pipeline: PipelineFixture;
const DEALS = 200;

beforeAll(async () => {
  kit = await createTestServer({ plugins: [salesPlugin] });
  admin = await kit.createWorkspace('Board');
  pipeline = await createPipeline(admin);
  const counterparties = await Promise.all(
    Array.from({ length: 20 }, (_, i) => createCounterparty(admin, `Customer ${i}`)),
  );
  const openStages = pipeline.stages.filter((s) => s.kind === 'OPEN');
  const products = await Promise.all(
    ['A', 'B', 'C'].map(
      async (sku) =>
        (
          await ok<{ createProduct: { id: string } }>(
            admin,
            `mutation ($sku: String!) { createProduct(input: { sku: $sku, name: $sku, unitPrice: "10" }) { id } }`,
            { sku },
          )
        ).createProduct.id,
    ),
  );
  for (let i = 0; i < DEALS; i++) {
    await ok(admin, CREATE_DEAL, {
      input: {
        counterpartyId: counterparties[i % counterparties.length],
        pipelineId: pipeline.id,
        stageId: openStages[i % openStages.length]!.id,
        title: `Deal ${i}`,
        lines: [{ productId: products[i % products.length], quantity: String(1 + (i % 4)) }],
      },
    });
  }
}, 120_000);
afterAll(() => kit.close());

const BOARD = `query ($id: ID!, $n: Int!) { pipeline(id: $id) { name stages { name probability
  deals(first: $n) { edges { node { title amount counterparty { displayName } owner { name } stage { name }
    lines { quantity product { name } } } } } } } }`;

describe('the pipeline board', () => {
  it('loads 200 deals with counterparty, owner, stage and products in as many statements as 12', async () => {
    await admin.request(`{ viewer { user { id } } }`);
    let shown = 0;
    const statementsFor = (perStage: number) =>
      kit.countStatements(async () => {
        const data = await ok<{ pipeline: { stages: { deals: { edges: unknown[] } }[] } }>(admin, BOARD, {
          id: pipeline.id,
          n: perStage,
        });
        shown = data.pipeline.stages.reduce((sum, s) => sum + s.deals.edges.length, 0);
      });
    const small = await statementsFor(4);
    expect(shown).toBe(12);
    const full = await statementsFor(100);
    expect(shown).toBe(DEALS);
    // The pipeline, its stages, the deals of every stage, their counterparties, owners, lines and
    // the lines' products; the deals' stages come from the stages already read.
    expect(full).toBe(small);
    expect(full).toBe(7);
  });
});
