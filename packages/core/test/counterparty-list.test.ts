import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';

interface Page {
  counterparties: {
    edges: { cursor: string; node: { id: string; displayName: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  };
}

const LIST = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: CounterpartyFilter) {
  counterparties(first: $first, after: $after, last: $last, before: $before, filter: $filter,
                 sortBy: DISPLAY_NAME, sortDirection: ASC) {
    edges { cursor node { id displayName } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

let kit: TestServer;
let alpha: TestClient;
let beta: TestClient;
const names = Array.from({ length: 12 }, (_, i) => `Company ${String(i).padStart(2, '0')}`);

async function create(client: TestClient, input: Record<string, unknown>): Promise<string> {
  const result = await client.request<{ createCounterparty: { id: string } }>(
    `mutation ($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createCounterparty.id;
}

beforeAll(async () => {
  kit = await createTestServer();
  alpha = await kit.createWorkspace('Alpha');
  beta = await kit.createWorkspace('Beta');
  for (const [i, name] of names.entries()) {
    await create(alpha, {
      kind: 'ORGANISATION',
      displayName: name,
      roles: i % 2 ? ['CUSTOMER'] : ['SUPPLIER'],
      tags: i % 3 === 0 ? ['vip'] : [],
      emails: [{ value: `info@company${i}.example`, primary: true }],
    });
  }
  await create(beta, { kind: 'ORGANISATION', displayName: 'Beta Secret Ltd', tags: ['vip'] });
});
afterAll(() => kit.close());

const displayNames = (page: Page) => page.counterparties.edges.map((e) => e.node.displayName);

describe('pagination', () => {
  it('walks forward with first/after and back with last/before', async () => {
    const first = (await alpha.request<Page>(LIST, { first: 5 })).data!;
    expect(displayNames(first)).toEqual(names.slice(0, 5));
    expect(first.counterparties.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = (await alpha.request<Page>(LIST, { first: 5, after: first.counterparties.pageInfo.endCursor }))
      .data!;
    expect(displayNames(second)).toEqual(names.slice(5, 10));

    const third = (await alpha.request<Page>(LIST, { first: 5, after: second.counterparties.pageInfo.endCursor }))
      .data!;
    expect(displayNames(third)).toEqual(names.slice(10));
    expect(third.counterparties.pageInfo.hasNextPage).toBe(false);

    const back = (await alpha.request<Page>(LIST, { last: 5, before: third.counterparties.pageInfo.startCursor }))
      .data!;
    expect(displayNames(back)).toEqual(names.slice(5, 10));
    expect(back.counterparties.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('takes the last page with last alone', async () => {
    const last = (await alpha.request<Page>(LIST, { last: 3 })).data!;
    expect(displayNames(last)).toEqual(names.slice(9));
    expect(last.counterparties.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('rejects a forged cursor and an oversized page with BAD_USER_INPUT', async () => {
    expect((await alpha.request(LIST, { first: 5, after: 'not-a-cursor' })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await alpha.request(LIST, { first: 1000 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('filters', () => {
  const filtered = async (filter: unknown) =>
    displayNames((await alpha.request<Page>(LIST, { first: 100, filter })).data!);

  it('filters by role, tag and text in names or e-mail addresses', async () => {
    expect(await filtered({ roles: { includes: 'CUSTOMER' } })).toEqual(names.filter((_, i) => i % 2));
    expect(await filtered({ tags: { includes: 'vip' } })).toEqual(names.filter((_, i) => i % 3 === 0));
    expect(await filtered({ search: 'COMPANY7.EXAMPLE' })).toEqual(['Company 07']);
  });

  it('composes AND, OR and NOT', async () => {
    expect(await filtered({ AND: [{ roles: { includes: 'CUSTOMER' } }, { tags: { includes: 'vip' } }] })).toEqual(
      names.filter((_, i) => i % 2 && i % 3 === 0),
    );
    expect(await filtered({ OR: [{ search: 'company 01' }, { search: 'company 02' }] })).toEqual([
      'Company 01',
      'Company 02',
    ]);
    expect(await filtered({ NOT: { roles: { includes: 'CUSTOMER' } } })).toEqual(names.filter((_, i) => i % 2 === 0));
  });

  it('treats LIKE wildcards in search text literally', async () => {
    expect(await filtered({ search: '%' })).toEqual([]);
  });

  it('finds counterparties with no interaction at all', async () => {
    expect(await filtered({ interactions: { none: {} } })).toEqual(names);
    expect(await filtered({ interactions: { some: { type: ['CALL'] } } })).toEqual([]);
  });
});

describe('workspace isolation', () => {
  it('never lists another workspace’s rows, even when the filter matches them', async () => {
    const all = await filtered2(alpha, { search: 'secret' });
    expect(all).toEqual([]);
    expect(await filtered2(beta, { search: 'secret' })).toEqual(['Beta Secret Ltd']);
  });

  it('reads another workspace’s id as absent and refuses to change it', async () => {
    const betaId = (await beta.request<Page>(LIST, { first: 1 })).data!.counterparties.edges[0]!.node.id;
    const read = await alpha.request<{ counterparty: null }>(`query ($id: ID!) { counterparty(id: $id) { id } }`, {
      id: betaId,
    });
    expect(read.data?.counterparty).toBeNull();
    const update = await alpha.request(
      `mutation ($id: ID!) { updateCounterparty(input: { id: $id, version: 1, displayName: "Hijacked" }) { id } }`,
      { id: betaId },
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

async function filtered2(client: TestClient, filter: unknown) {
  return displayNames((await client.request<Page>(LIST, { first: 100, filter })).data!);
}
