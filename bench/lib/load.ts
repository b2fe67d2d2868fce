import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Drives `target` with `connections` concurrent clients for `seconds`, after a short warm-up. */
export async function load(target: Target, connections: number, seconds: number): Promise<LoadResult> {
  const options = {
    url: target.url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    connections,
  };
  await autocannon({ ...options, duration: Math.min(3, seconds) });
  const result = await autocannon({ ...options, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Polls until the server answers a request, or fails after `timeoutMs`. */
export async function waitUntilServing(target: Target, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: target.body,
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${target.name} did not start serving within ${timeoutMs} ms`);
}
