// Runs in jest's parent process, outside its transform: it uses the built test kit (`pnpm build` first).
import { ensureChromium, startThrowawayCluster } from '../packages/server/dist/testing/index.js';

/**
 * Starts one PostgreSQL cluster for the run unless DATABASE_URL names a server to use, and makes
 * sure Debian's Chromium is there for the dashboard test.
 */
export default async function globalSetup() {
  ensureChromium();
  if (process.env.DATABASE_URL) {
    process.env.KONTRA_TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const cluster = await startThrowawayCluster();
  process.env.KONTRA_TEST_DATABASE_URL = cluster.url;
  globalThis.kontraTestCluster = cluster;
}
