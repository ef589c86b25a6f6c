import { runMigrations } from '@bw/backend/database/migrate';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface IsolatedDatabase {
  url: string;
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A migrated database of its own, on the test run's server, for tests whose dispatchers must not
 * share the outbox with other test files running at the same time.
 */
export async function isolatedDatabase(setupSql: string[] = []): Promise<IsolatedDatabase> {
  const base = process.env['TEST_DATABASE_URL'];
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${new URL(base).pathname.slice(1)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  for (const sql of setupSql) await client.query(sql);
  return {
    url: url.toString(),
    query: async <T extends object>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      const adminAgain = new Client({ connectionString: base });
      await adminAgain.connect();
      await adminAgain.query(`drop database if exists "${name}" with (force)`);
      await adminAgain.end();
    },
  };
}

/** Polls `check` until it returns true or the deadline passes (then fails with `what`). */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
}
