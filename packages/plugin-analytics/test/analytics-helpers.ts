import { expect } from '@jest/globals';
import type { TestClient } from '@kontra/server/testing';

/** Runs a query or mutation as `client` that must succeed, and returns its data. */
export async function okAs<T>(client: TestClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}
