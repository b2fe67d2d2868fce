import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { UserRole } from '@kontra/core';

const CREATE = `mutation ($input: CreateCounterpartyInput!) {
  createCounterparty(input: $input) { id kind displayName roles tags emails { value primary } version birthday contactConsent }
}`;
const UPDATE = `mutation ($input: UpdateCounterpartyInput!) {
  updateCounterparty(input: $input) { id displayName tags version }
}`;
const GET = `query ($id: ID!) { counterparty(id: $id) { id displayName tags version deletedAt } }`;

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Acme CRM');
});
afterAll(() => kit.close());

async function createAcme(client = admin) {
  const created = await client.request<{ createCounterparty: { id: string; version: number } }>(CREATE, {
    input: { kind: 'ORGANISATION', displayName: 'Acme Ltd', roles: ['CUSTOMER', 'SUPPLIER'], tags: ['vip'] },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createCounterparty;
}

describe('counterparty create', () => {
  it('creates an organisation and reads it back by id', async () => {
    const { id } = await createAcme();
    const read = await admin.request<{ counterparty: { displayName: string; tags: string[]; version: number } }>(GET, {
      id,
    });
    expect(read.data?.counterparty).toMatchObject({ displayName: 'Acme Ltd', tags: ['vip'], version: 1 });
  });

  it('derives a person’s display name from first and last name', async () => {
    const result = await admin.request<{ createCounterparty: { displayName: string; birthday: string } }>(CREATE, {
      input: {
        kind: 'PERSON',
        firstName: 'Grace',
        lastName: 'Hopper',
        birthday: '1906-12-09',
        emails: [{ value: 'grace@navy.example', primary: true }],
      },
    });
    expect(result.data?.createCounterparty).toMatchObject({ displayName: 'Grace Hopper', birthday: '1906-12-09' });
  });

  it('rejects invalid input with BAD_USER_INPUT, one problem per field, and writes nothing', async () => {
    const before = await admin.request<{ counterparties: { edges: unknown[] } }>(
      `{ counterparties(first: 100) { edges { cursor } } }`,
    );
    const result = await admin.request(CREATE, {
      input: { kind: 'PERSON', emails: [{ value: 'not-an-email' }], phones: [{ value: 'call me' }] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (result.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path).sort();
    expect(paths).toEqual(['emails.0.value', 'phones.0.value']);
    const after = await admin.request<{ counterparties: { edges: unknown[] } }>(
      `{ counterparties(first: 100) { edges { cursor } } }`,
    );
    expect(after.data?.counterparties.edges).toHaveLength(before.data!.counterparties.edges.length);
  });

  it('rejects a person with no name', async () => {
    const result = await admin.request(CREATE, { input: { kind: 'PERSON' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'displayName' }],
    });
  });

  it('rejects an owner from outside the workspace', async () => {
    const other = await kit.createWorkspace('Other');
    const result = await admin.request(CREATE, {
      input: { kind: 'ORGANISATION', displayName: 'X', ownerId: other.userId },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'ownerId' }] });
  });
});

describe('counterparty update with optimistic locking', () => {
  it('updates with the current version and bumps it', async () => {
    const { id } = await createAcme();
    const result = await admin.request<{ updateCounterparty: { tags: string[]; version: number } }>(UPDATE, {
      input: { id, version: 1, tags: ['vip', 'bank-partner'] },
    });
    expect(result.data?.updateCounterparty).toMatchObject({ tags: ['vip', 'bank-partner'], version: 2 });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { id } = await createAcme();
    await admin.request(UPDATE, { input: { id, version: 1, displayName: 'Acme One' } });
    const stale = await admin.request(UPDATE, { input: { id, version: 1, displayName: 'Acme Stale' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const read = await admin.request<{ counterparty: { displayName: string; version: number } }>(GET, { id });
    expect(read.data?.counterparty).toMatchObject({ displayName: 'Acme One', version: 2 });
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const { id } = await createAcme();
    const results = await Promise.all(
      ['First', 'Second'].map((name) => admin.request(UPDATE, { input: { id, version: 1, displayName: name } })),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const read = await admin.request<{ counterparty: { version: number } }>(GET, { id });
    expect(read.data?.counterparty.version).toBe(2);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await admin.request(UPDATE, {
      input: { id: '0195f0a0-0000-7000-8000-000000000000', version: 1, displayName: 'x' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('soft delete and restore', () => {
  it('hides a deleted counterparty, lists it in the trash, and restores it', async () => {
    const { id } = await createAcme();
    const deleted = await admin.request<{ deleteCounterparty: { version: number } }>(
      `mutation ($id: ID!) { deleteCounterparty(id: $id, version: 1) { version } }`,
      { id },
    );
    expect(deleted.data?.deleteCounterparty.version).toBe(2);
    expect((await admin.request<{ counterparty: null }>(GET, { id })).data?.counterparty).toBeNull();
    const trash = await admin.request<{ counterparties: { edges: { node: { id: string } }[] } }>(
      `{ counterparties(deleted: true, first: 100) { edges { node { id } } } }`,
    );
    expect(trash.data?.counterparties.edges.map((e) => e.node.id)).toContain(id);
    const restored = await admin.request(`mutation ($id: ID!) { restoreCounterparty(id: $id, version: 2) { id } }`, {
      id,
    });
    expect(restored.errors).toBeUndefined();
    expect((await admin.request<{ counterparty: { id: string } }>(GET, { id })).data?.counterparty.id).toBe(id);
  });

  it('refuses to update a deleted counterparty', async () => {
    const { id } = await createAcme();
    await admin.request(`mutation ($id: ID!) { deleteCounterparty(id: $id, version: 1) { id } }`, { id });
    const result = await admin.request(UPDATE, { input: { id, version: 2, displayName: 'Ghost' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('authentication and roles', () => {
  it('rejects a request without a key with UNAUTHENTICATED', async () => {
    const anonymous = kit.clientForKey('');
    const result = await anonymous.request(`{ counterparties { edges { cursor } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an unknown key with UNAUTHENTICATED and status 401', async () => {
    const result = await kit
      .clientForKey('kontra_aaaaaaaaaaaa_' + 'x'.repeat(43))
      .request(`{ viewer { user { id } } }`);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a viewer read but not write', async () => {
    const { id } = await createAcme();
    const viewer = await kit.addUser(admin, UserRole.VIEWER);
    expect((await viewer.request<{ counterparty: { id: string } }>(GET, { id })).data?.counterparty.id).toBe(id);
    const write = await viewer.request(UPDATE, { input: { id, version: 1, displayName: 'Nope' } });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an agent write but not delete', async () => {
    const { id } = await createAcme();
    const agent = await kit.addUser(admin, UserRole.AGENT);
    expect(
      (await agent.request(UPDATE, { input: { id, version: 1, displayName: 'Agent edit' } })).errors,
    ).toBeUndefined();
    const removal = await agent.request(`mutation ($id: ID!) { deleteCounterparty(id: $id, version: 2) { id } }`, {
      id,
    });
    expect(removal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
