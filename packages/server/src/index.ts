export { startKontraServer, type KontraServer, type KontraServerOptions } from './kontra-server.js';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
export { createLogger, type Logger } from './logger.js';
export { loadConfiguredPlugins, DEFAULT_PLUGINS } from './plugin-config.js';
