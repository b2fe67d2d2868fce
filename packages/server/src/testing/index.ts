export {
  createTestServer,
  type TestServer,
  type TestClient,
  type TestSubscription,
  type GraphQLResponse,
  type TestServerOptions,
} from './test-server.js';
export { startThrowawayCluster, stopThrowawayCluster, type ThrowawayCluster } from './postgres-cluster.js';
export { ensureChromium, CHROMIUM_PATH } from './browser.js';
