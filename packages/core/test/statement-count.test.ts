import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;
const COUNTERPARTIES = 50;
const INTERACTIONS_EACH = 6;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Counting');
  const ids: string[] = [];
  for (let i = 0; i < COUNTERPARTIES; i++) {
    const created = await admin.request<{ createCounterparty: { id: string } }>(
      `mutation ($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`,
      { input: { kind: 'ORGANISATION', displayName: `Org ${i}`, ownerId: admin.userId } },
    );
    ids.push(created.data!.createCounterparty.id);
  }
  for (const [i, id] of ids.entries()) {
    for (let n = 0; n < INTERACTIONS_EACH; n++) {
      await admin.request(`mutation ($input: CreateInteractionInput!) { createInteraction(input: $input) { id } }`, {
        input: {
          counterpartyId: id,
          type: 'CALL',
          direction: 'OUTBOUND',
          occurredAt: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
          participants: [{ userId: admin.userId }],
        },
      });
    }
    await admin.request(`mutation ($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`, {
      input: { fromId: id, toId: ids[(i + 1) % ids.length] ?? ids[0], type: 'SUPPLIER_OF' },
    });
  }
});
afterAll(() => kit.close());

const LIST = `query ($first: Int!) {
  counterparties(first: $first) { edges { node {
    id displayName owner { id name }
    interactions(first: 5) { edges { node { id occurredAt participants { user { name } } } } }
    relationships { type from { displayName } to { displayName } }
  } } }
}`;

interface Listing {
  counterparties: {
    edges: { node: { interactions: { edges: unknown[] }; relationships: unknown[]; owner: { id: string } } }[];
  };
}

describe('SQL statements per request', () => {
  it('does not grow with page size: 50 counterparties with last 5 interactions, relationships and owner cost what 5 do', async () => {
    const statementsFor = (first: number) =>
      kit.countStatements(async () => {
        const result = await admin.request<Listing>(LIST, { first });
        expect(result.errors).toBeUndefined();
        const nodes = result.data!.counterparties.edges.map((e) => e.node);
        expect(nodes).toHaveLength(first);
        expect(nodes.every((n) => n.interactions.edges.length === 5 && n.relationships.length === 2)).toBe(true);
        expect(nodes.every((n) => n.owner.id === admin.userId)).toBe(true);
      });
    await admin.request(`{ viewer { user { id } } }`); // authenticates the key; later requests reuse it
    const forFive = await statementsFor(5);
    const forFifty = await statementsFor(COUNTERPARTIES);
    // Counterparties, owners, interactions, relationships, participants, the relationships' other
    // ends: one statement each, whatever the page size. (The participants' user is the owner, whom
    // the request's DataLoader already holds.)
    expect(forFifty).toBe(forFive);
    expect(forFive).toBe(6);
  });
});
