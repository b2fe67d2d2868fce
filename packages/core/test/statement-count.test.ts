import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Counting');
  for (let i = 0; i < 50; i++) {
    await admin.request(`mutation ($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`, {
      input: { kind: 'ORGANISATION', displayName: `Org ${i}`, ownerId: admin.userId },
    });
  }
});
afterAll(() => kit.close());

const LIST = `query ($first: Int!) {
  counterparties(first: $first) { edges { node { id displayName owner { id name } } } }
}`;

describe('SQL statements per request', () => {
  it('does not grow with page size: 50 counterparties with owners cost what 5 do', async () => {
    const statementsFor = (first: number) =>
      kit.countStatements(async () => {
        const result = await admin.request<{ counterparties: { edges: { node: { owner: { id: string } } }[] } }>(LIST, {
          first,
        });
        expect(result.data?.counterparties.edges).toHaveLength(first);
        expect(result.data?.counterparties.edges.every((e) => e.node.owner.id === admin.userId)).toBe(true);
      });
    const forFive = await statementsFor(5);
    const forFifty = await statementsFor(50);
    // API key look-up, the page, the owners: three, whatever the page size.
    expect(forFive).toBe(3);
    expect(forFifty).toBe(forFive);
  });
});
