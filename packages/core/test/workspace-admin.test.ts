import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserRole } from '@kontra/core';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

let kit: TestServer;
let admin: TestClient;

beforeAll(async () => {
  kit = await createTestServer();
  admin = await kit.createWorkspace('Admin things');
  const define = `mutation ($input: CreateCustomFieldInput!) { createCustomFieldDefinition(input: $input) { id key } }`;
  for (const input of [
    { key: 'industry', label: 'Industry', type: 'SELECT', options: ['retail', 'banking'], required: true },
    { key: 'employees', label: 'Employees', type: 'NUMBER' },
    { key: 'signedOn', label: 'Signed on', type: 'DATE' },
  ]) {
    expect((await admin.request(define, { input })).errors).toBeUndefined();
  }
});
afterAll(() => kit.close());

const CREATE = `mutation ($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id version customAttributes } }`;

describe('custom fields', () => {
  it('accepts values that fit the definitions', async () => {
    const result = await admin.request<{ createCounterparty: { customAttributes: Record<string, unknown> } }>(CREATE, {
      input: {
        kind: 'ORGANISATION',
        displayName: 'Shop',
        customAttributes: { industry: 'retail', employees: 12, signedOn: '2026-01-31' },
      },
    });
    expect(result.data?.createCounterparty.customAttributes).toEqual({
      industry: 'retail',
      employees: 12,
      signedOn: '2026-01-31',
    });
  });

  it('reports each bad value, unknown key and missing required field', async () => {
    const result = await admin.request(CREATE, {
      input: {
        kind: 'ORGANISATION',
        displayName: 'Bad',
        customAttributes: { employees: 'many', colour: 'red', signedOn: '31/01/2026' },
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (result.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path).sort();
    expect(problems).toEqual([
      'customAttributes.colour',
      'customAttributes.employees',
      'customAttributes.industry',
      'customAttributes.signedOn',
    ]);
  });

  it('keeps other values on update and refuses to remove a required one', async () => {
    const created = await admin.request<{ createCounterparty: { id: string } }>(CREATE, {
      input: { kind: 'ORGANISATION', displayName: 'Bank', customAttributes: { industry: 'banking', employees: 900 } },
    });
    const id = created.data!.createCounterparty.id;
    const UPDATE = `mutation ($input: UpdateCounterpartyInput!) { updateCounterparty(input: $input) { customAttributes version } }`;
    const updated = await admin.request<{ updateCounterparty: { customAttributes: Record<string, unknown> } }>(UPDATE, {
      input: { id, version: 1, customAttributes: { employees: null, signedOn: '2026-02-01' } },
    });
    expect(updated.data?.updateCounterparty.customAttributes).toEqual({ industry: 'banking', signedOn: '2026-02-01' });
    const removal = await admin.request(UPDATE, { input: { id, version: 2, customAttributes: { industry: null } } });
    expect(removal.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'customAttributes.industry' }],
    });
  });

  it('is managed by admins only', async () => {
    const manager = await kit.addUser(admin, UserRole.MANAGER);
    const result = await manager.request(
      `mutation { createCustomFieldDefinition(input: { key: "tier", label: "Tier", type: TEXT }) { id } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('users and API keys', () => {
  it('creates a user, issues a key that works, and revokes it', async () => {
    const user = await admin.request<{ createUser: { id: string } }>(
      `mutation { createUser(input: { email: "Agent@Example.com", name: "Agnes", role: AGENT }) { id } }`,
    );
    const issued = await admin.request<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation ($id: ID!) { createApiKey(userId: $id, name: "laptop") { key apiKey { id } } }`,
      { id: user.data!.createUser.id },
    );
    const key = issued.data!.createApiKey.key;
    const asAgent = kit.clientForKey(key);
    const viewer = await asAgent.request<{ viewer: { user: { email: string; role: string } } }>(
      `{ viewer { user { email role } } }`,
    );
    expect(viewer.data?.viewer.user).toEqual({ email: 'agent@example.com', role: 'AGENT' });

    await admin.request(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, {
      id: issued.data!.createApiKey.apiKey.id,
    });
    const afterRevoke = await asAgent.request(`{ viewer { user { id } } }`);
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a duplicate e-mail address', async () => {
    const again = await admin.request(
      `mutation { createUser(input: { email: "agent@example.com", name: "Twin", role: VIEWER }) { id } }`,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'email' }] });
  });
});
