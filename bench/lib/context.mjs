// What every part of one bench run reads: its options, its log and its database.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './options.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { Client } = require('pg');

const parsed = parseArgs(process.argv.slice(2));
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
export const args = parsed;
export const log = (...m) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

export const adminUrl =
  process.env.BENCH_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const dbName = `bw_bench_${args.scale}`;
export const ownDb = !process.env.BENCH_DATABASE_URL;
export const dbUrl =
  process.env.BENCH_DATABASE_URL ??
  (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();

export async function withClient(url, fn) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const outboxPending = () =>
  withClient(
    dbUrl,
    async (c) => (await c.query(`select count(*)::int as n from outbox_events where status = 'pending'`)).rows[0].n,
  );
