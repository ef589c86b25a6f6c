// The connections of a seeding run: the migrated schema, fast-loading sessions, and the reset.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREFIX } from './ids.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export async function migrate(url, log) {
  const compiled = path.join(root, 'dist', 'backend', 'database', 'migrate.js');
  if (!existsSync(compiled))
    throw new Error('dist/backend is missing: run `npx tsc -b backend/tsconfig.app.json` first');
  const { runMigrations } = require(compiled);
  await runMigrations(url, log);
}

export async function connect(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '1GB'`);
  await client.query(`set max_parallel_maintenance_workers = 0`);
  try {
    await client.query(`set session_replication_role = replica`);
  } catch {
    // not a superuser: keep FK checks (slower, same result)
  }
  return client;
}

/** Deletes the bench rows (and rows that reference them), leaving anything else alone. */
export async function reset(db) {
  const like = (col, kind) => `${col}::text like '${PREFIX[kind]}000000-%'`;
  await db.query('begin');
  await db.query(`delete from messages where ${like('sender_id', 'user')} or ${like('receiver_id', 'user')}`);
  await db.query(
    `delete from ticket_comments where ${like('author_id', 'user')} or ticket_id in (select id from tickets where ${like('creator_id', 'user')} or ${like('assignee_id', 'user')})`,
  );
  await db.query(`delete from tickets where ${like('creator_id', 'user')} or ${like('assignee_id', 'user')}`);
  await db.query(`delete from customers where ${like('owner_id', 'user')}`);
  await db.query(`delete from macros where ${like('owner_id', 'user')}`);
  await db.query(`delete from triggers where ${like('owner_id', 'user')}`);
  await db.query(`delete from api_tokens where ${like('user_id', 'user')}`);
  await db.query(`delete from users where ${like('id', 'user')}`);
  await db.query('commit');
}
