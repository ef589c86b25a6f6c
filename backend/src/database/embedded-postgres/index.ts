/**
 * Embedded PostgreSQL for development and tests: `npm start`, `tools/with-db.mjs` and the jest
 * global setup use it when DATABASE_URL is not set. It runs before the Nest app exists, so it
 * reads its few settings from the `env` it is given rather than from the config module.
 *
 * What it guarantees (proved by backend/test/embedded-postgres.check.mjs):
 * - the cluster is created once (UTF8, no locale) and reused on every later start;
 * - it works as root (PostgreSQL refuses to): the server runs as the `postgres` system user;
 * - a server left behind by a killed run is found through `postmaster.pid` and either shared
 *   (a process that uses it is still running) or stopped and replaced; a stale pid file is removed;
 * - processes that share a server are listed in `embedded-users.json`; the last one to stop it
 *   (or to exit) shuts it down, so parallel runs on one folder do not pull it from under each other;
 * - it listens on 127.0.0.1 only, never on a Unix socket, and stopping it is idempotent.
 */
export { resolveDatabase, startEmbeddedPostgres } from './start';
export type { EmbeddedOptions, RunningDatabase } from './start';
