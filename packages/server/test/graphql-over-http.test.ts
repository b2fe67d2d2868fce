import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serverAudits } from 'graphql-http';
import { createTestServer, type TestServer } from '@kontra/server/testing';

let kit: TestServer;

beforeAll(async () => {
  kit = await createTestServer();
});
afterAll(() => kit.close());

describe('GraphQL over HTTP', () => {
  it('passes every audit of the reference suite, MUST and SHOULD alike', async () => {
    const audits = serverAudits({ url: () => kit.server.url, fetchFn: fetch });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('cross-site request protection', () => {
  it('refuses a POST that a cross-site HTML form could send', async () => {
    const response = await fetch(kit.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation%20%7B%20__typename%20%7D',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses a mutation over GET with 405', async () => {
    const response = await fetch(`${kit.server.url}?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('query limits', () => {
  it('refuses a query whose page sizes multiply past the cost limit, before running it', async () => {
    const admin = await kit.createWorkspace('Limits');
    const result = await admin.request(`{ counterparties(first: 100) { edges { node {
      interactions(first: 100) { edges { node { participants { counterparty { displayName } } } } } } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 100_000 });
  });

  it('refuses a query nested too deep', async () => {
    const admin = await kit.createWorkspace('Depth');
    const nested = `relationships { from { ${'relationships { to { '.repeat(7)} id ${'} } '.repeat(7)} } }`;
    const result = await admin.request(`{ counterparties(first: 1) { edges { node { ${nested} } } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 15 });
  });

  it('lets the benchmark query through: 50 counterparties with 5 interactions each', async () => {
    const admin = await kit.createWorkspace('Fine');
    const result = await admin.request(`{ counterparties(first: 50) { edges { node { id displayName owner { name }
      interactions(first: 5) { edges { node { id type occurredAt subject } } } } } } }`);
    expect(result.errors).toBeUndefined();
  });
});

describe('development tools', () => {
  it('serves the Apollo Sandbox landing page on GET /graphql for a browser', async () => {
    const response = await fetch(kit.server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Sandbox');
  });
});
