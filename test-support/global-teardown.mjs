import { stopThrowawayCluster } from '../packages/server/dist/testing/index.js';

export default async function globalTeardown() {
  if (globalThis.kontraTestCluster) stopThrowawayCluster(globalThis.kontraTestCluster);
}
