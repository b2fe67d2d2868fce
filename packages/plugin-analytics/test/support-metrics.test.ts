import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestServer, type TestClient, type TestServer } from '@kontra/server/testing';
import { supportPlugin } from '@kontra/plugin-support';
import { analyticsPlugin } from '@kontra/plugin-analytics';
import { okAs } from './analytics-helpers.js';

let now = new Date('2026-03-02T10:00:00Z');
let kit: TestServer;
let admin: TestClient;

const ok = <T>(query: string, variables: Record<string, unknown> = {}) => okAs<T>(admin, query, variables);

async function at<T>(time: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  now = new Date(`2026-03-02T${time}:00Z`);
  return ok<T>(query, variables);
}

const CREATE = `mutation ($cp: ID!) { createTicket(input: { counterpartyId: $cp, subject: "Help", channel: EMAIL }) { id version } }`;
const COMMENT = `mutation ($id: ID!, $internal: Boolean!) { addTicketComment(input: { ticketId: $id, body: "…", internal: $internal }) { id } }`;
const RESOLVE = `query ($id: ID!) { t: ticket(id: $id) { version } }`;

async function resolve(time: string, id: string) {
  const { t } = await ok<{ t: { version: number } }>(RESOLVE, { id });
  await at(
    time,
    `mutation ($id: ID!, $v: Int!) { changeTicketStatus(input: { id: $id, version: $v, status: RESOLVED }) { id } }`,
    {
      id,
      v: t.version,
    },
  );
}

beforeAll(async () => {
  kit = await createTestServer({ plugins: [supportPlugin, analyticsPlugin], clock: () => now });
  admin = await kit.createWorkspace('Support metrics');
  await ok(
    `mutation { createSlaPolicy(input: { name: "Normal", priority: NORMAL, firstResponseMinutes: 60, resolutionMinutes: 240 }) { id } }`,
  );
  const customer = await ok<{ createCounterparty: { id: string } }>(
    `mutation { createCounterparty(input: { kind: ORGANISATION, displayName: "Customer" }) { id } }`,
  );
  const cp = customer.createCounterparty.id;
  const quick = (await at<{ createTicket: { id: string } }>('10:00', CREATE, { cp })).createTicket.id;
  const slow = (await at<{ createTicket: { id: string } }>('10:00', CREATE, { cp })).createTicket.id;
  await at('10:00', CREATE, { cp }); // never answered: undecided, counted as a ticket only
  await at('10:10', COMMENT, { id: slow, internal: true }); // an internal note is no response
  await at('10:30', COMMENT, { id: quick, internal: false }); // 30 min: met
  await at('11:30', COMMENT, { id: slow, internal: false }); // 90 min: breached (target 60)
  await resolve('12:00', quick); // 120 min: met (target 240)
  await resolve('16:00', slow); // 360 min: breached
  await at('16:30', `mutation ($id: ID!) { rateTicket(input: { id: $id, rating: 5 }) { id } }`, { id: quick });
  await at('16:30', `mutation ($id: ID!) { rateTicket(input: { id: $id, rating: 2 }) { id } }`, { id: slow });
}, 60_000);
afterAll(() => kit.close());

describe('support metrics', () => {
  it('gives response and resolution percentiles, SLA compliance and satisfaction of the period’s tickets', async () => {
    const data = await ok<{ supportMetrics: Record<string, unknown> }>(
      `{ supportMetrics(period: { from: "2026-03-02", to: "2026-03-03" }) { tickets resolved firstResponseMedianMinutes
        firstResponseP90Minutes resolutionMedianMinutes resolutionP90Minutes firstResponseCompliance resolutionCompliance
        ratings averageRating ratingDistribution { rating count } } }`,
    );
    expect(data.supportMetrics).toEqual({
      tickets: 3,
      resolved: 2,
      firstResponseMedianMinutes: 60,
      firstResponseP90Minutes: 84,
      resolutionMedianMinutes: 240,
      resolutionP90Minutes: 336,
      firstResponseCompliance: 0.5,
      resolutionCompliance: 0.5,
      ratings: 2,
      averageRating: 3.5,
      ratingDistribution: [
        { rating: 1, count: 0 },
        { rating: 2, count: 1 },
        { rating: 3, count: 0 },
        { rating: 4, count: 0 },
        { rating: 5, count: 1 },
      ],
    });
    const otherDay = await ok<{ supportMetrics: { tickets: number; firstResponseMedianMinutes: number | null } }>(
      `{ supportMetrics(period: { from: "2026-03-03", to: "2026-03-04" }) { tickets firstResponseMedianMinutes } }`,
    );
    expect(otherDay.supportMetrics).toEqual({ tickets: 0, firstResponseMedianMinutes: null });
  });
});
