/**
 * Jest globalSetup: one fresh, migrated database per test run.
 *
 * The server is DATABASE_URL's when set (CI's PostgreSQL), otherwise an embedded one in
 * .data/postgres-test on EMBEDDED_PG_TEST_PORT ?? 54330 — apart from the development server, so
 * tests can run while `npm start` does. The database is named
 * bw_test_<yyyymmddhhmmss>_<6 hex>; its URL reaches the workers as TEST_DATABASE_URL, and a
 * random per-run SESSION_SECRET (unless one is set) reaches them and their child servers.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { resolveDatabase, type RunningDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';

/** What globalTeardown needs; kept on globalThis (setup and teardown share the jest parent process). */
export interface TestDatabaseState {
  server: RunningDatabase;
  /** The server's own URL (a database that exists), used to create and drop the test database. */
  adminUrl: string;
  database: string;
}

export const TEST_DATABASE_STATE = Symbol.for('balanced-workspace.test-database');

/** Test databases older than this are leftovers of killed runs and are dropped when found. */
const LEFTOVER_AGE_MS = 24 * 60 * 60 * 1000;

export default async function globalSetup(): Promise<void> {
  const server = process.env['DATABASE_URL']
    ? await resolveDatabase(process.env)
    : await startEmbeddedPostgres({
        dataDir: path.resolve(__dirname, '../../.data/postgres-test'),
        port: Number(process.env['EMBEDDED_PG_TEST_PORT'] ?? 54330),
        database: 'postgres',
        log: testLog,
      });
  const database = testDatabaseName(new Date());
  const state: TestDatabaseState = { server, adminUrl: server.url, database };
  try {
    await withAdmin(server.url, async (client) => {
      await dropLeftovers(client);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      const { rows } = await client.query<{ encoding: string }>(
        'SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = $1',
        [database],
      );
      if (rows[0]?.encoding !== 'UTF8') {
        // A server initialised with a non-UTF8 default (possible on a CI machine): ask for UTF8 explicitly.
        await client.query(`DROP DATABASE ${client.escapeIdentifier(database)}`);
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(database)} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`,
        );
      }
    });
    const url = withDatabase(server.url, database);
    await runMigrations(url);
    // MikroORM keeps decorator metadata on globalThis; in this (parent) process jest may run test
    // files in band, and metadata objects from this realm break discovery there. Leave none behind.
    for (const key of Object.keys(globalThis))
      if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
    process.env['TEST_DATABASE_URL'] = url;
    // One random session secret per run: in-process servers and child servers (which inherit the
    // environment) share it, as the instances of one deployment do; no secret lives in the source.
    process.env['SESSION_SECRET'] ||= randomBytes(32).toString('base64url');
    (globalThis as Record<symbol, unknown>)[TEST_DATABASE_STATE] = state;
  } catch (error) {
    // jest does not run globalTeardown when globalSetup fails: clean up here.
    await dropTestDatabase(state).catch(() => undefined);
    await server.stop();
    throw error;
  }
}

export function testDatabaseName(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14); // yyyymmddhhmmss, UTC
  return `bw_test_${stamp}_${randomBytes(3).toString('hex')}`;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function dropTestDatabase(state: TestDatabaseState): Promise<void> {
  await withAdmin(state.adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(state.database)} WITH (FORCE)`),
  );
}

export async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops bw_test_* databases more than a day old that nobody is connected to (runs that were killed). */
async function dropLeftovers(client: Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^bw_test_[0-9]{14}_[0-9a-f]{6}$'`,
  );
  const cutoff = testDatabaseName(new Date(Date.now() - LEFTOVER_AGE_MS)).slice(0, 'bw_test_'.length + 14);
  for (const { datname } of rows) {
    if (datname.slice(0, cutoff.length) >= cutoff) continue;
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)}`).catch(() => undefined);
  }
}

/** The embedded server's own decisions and PostgreSQL's warnings/errors; not its routine chatter. */
function testLog(line: string): void {
  if (line.startsWith('postgres: ') && !/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) return;
  process.stderr.write(`[test-db] ${line}\n`);
}
