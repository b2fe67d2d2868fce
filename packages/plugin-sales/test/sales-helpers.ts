import { expect } from '@jest/globals';
import type { TestClient } from '@kontra/server/testing';

/** Runs a mutation or query that must succeed and returns its data. */
export async function ok<T>(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

export interface PipelineFixture {
  id: string;
  stages: { id: string; name: string; kind: string }[];
}

export async function createPipeline(client: TestClient, name = 'New business'): Promise<PipelineFixture> {
  const data = await ok<{ createPipeline: { id: string } }>(
    client,
    `mutation ($name: String!) { createPipeline(input: { name: $name, stages: [
      { name: "Lead", probability: 10 }, { name: "Proposal", probability: 50 }, { name: "Negotiation", probability: 80 },
      { name: "Won", probability: 100, kind: WON }, { name: "Lost", probability: 0, kind: LOST } ] }) { id } }`,
    { name },
  );
  const read = await ok<{ pipeline: PipelineFixture }>(
    client,
    `query ($id: ID!) { pipeline(id: $id) { id stages { id name kind } } }`,
    { id: data.createPipeline.id },
  );
  return read.pipeline;
}

export async function createCounterparty(client: TestClient, displayName: string): Promise<string> {
  const data = await ok<{ createCounterparty: { id: string } }>(
    client,
    `mutation ($name: String!) { createCounterparty(input: { kind: ORGANISATION, displayName: $name, roles: [CUSTOMER] }) { id } }`,
    { name: displayName },
  );
  return data.createCounterparty.id;
}

export const CREATE_DEAL = `mutation ($input: CreateDealInput!) {
  createDeal(input: $input) { id version status amount currency stage { name } }
}`;
export const MOVE_DEAL = `mutation ($input: MoveDealInput!) { moveDeal(input: $input) { id version status closedAt lostReason stage { name } } }`;
