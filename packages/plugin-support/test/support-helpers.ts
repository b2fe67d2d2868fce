import { expect } from '@jest/globals';
import type { TestClient } from '@kontra/server/testing';

/** Runs a mutation or query that must succeed and returns its data. */
export async function ok<T>(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

export async function createCounterparty(client: TestClient, displayName: string, kind = 'ORGANISATION') {
  const data = await ok<{ createCounterparty: { id: string } }>(
    client,
    `mutation ($name: String!, $kind: CounterpartyKind!) {
      createCounterparty(input: { kind: $kind, displayName: $name, roles: [CUSTOMER] }) { id } }`,
    { name: displayName, kind },
  );
  return data.createCounterparty.id;
}

/** Berlin office hours, Monday to Friday 9–17, with 21 December 2026 a holiday. */
export async function createBerlinPolicy(client: TestClient, priority = 'HIGH') {
  const calendar = await ok<{ createBusinessCalendar: { id: string } }>(
    client,
    `mutation ($hours: [WorkingIntervalInput!]!) {
      createBusinessCalendar(input: { name: "Berlin office", timeZone: "Europe/Berlin",
        workingHours: $hours, holidays: ["2026-12-21"] }) { id } }`,
    { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) },
  );
  const policy = await ok<{ createSlaPolicy: { id: string } }>(
    client,
    `mutation ($calendarId: ID!, $priority: TicketPriority!) {
      createSlaPolicy(input: { name: "Business hours", priority: $priority, firstResponseMinutes: 120,
        resolutionMinutes: 600, calendarId: $calendarId }) { id } }`,
    { calendarId: calendar.createBusinessCalendar.id, priority },
  );
  return { calendarId: calendar.createBusinessCalendar.id, policyId: policy.createSlaPolicy.id };
}

export const TICKET_FIELDS = `id number version status priority nextDueAt resolvedAt
  sla { policy { name } firstResponse { status targetMinutes dueAt completedAt breachedAt }
        resolution { status targetMinutes dueAt completedAt breachedAt } }`;

export interface TicketView {
  id: string;
  number: number;
  version: number;
  status: string;
  priority: string;
  nextDueAt: string | null;
  resolvedAt: string | null;
  sla: {
    policy: { name: string } | null;
    firstResponse: {
      status: string;
      targetMinutes: number | null;
      dueAt: string | null;
      completedAt: string | null;
      breachedAt: string | null;
    };
    resolution: {
      status: string;
      targetMinutes: number | null;
      dueAt: string | null;
      completedAt: string | null;
      breachedAt: string | null;
    };
  };
}

export async function createTicket(client: TestClient, input: Record<string, unknown>): Promise<TicketView> {
  const data = await ok<{ createTicket: TicketView }>(
    client,
    `mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`,
    { input: { channel: 'EMAIL', subject: 'Help', ...input } },
  );
  return data.createTicket;
}

export const CHANGE_STATUS = `mutation ($input: ChangeTicketStatusInput!) {
  changeTicketStatus(input: $input) { ${TICKET_FIELDS} } }`;

export const ADD_COMMENT = `mutation ($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id internal } }`;
