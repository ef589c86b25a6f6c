#!/usr/bin/env node
// Seeds a benchmark-sized workspace with set-based SQL (generate_series; no ORM, no row-by-row inserts).
//
//   DATABASE_URL=postgres://… node tools/seed-scale.mjs --scale small|large [--reset]
//   npm run db:seed -- --scale large            (tools/with-db.mjs provides DATABASE_URL when unset)
//
// Scales: small = 20 users, 2k customers, 20k tickets, 40k comments, 50 macros, 50 triggers;
//         large = 200 users, 100k customers, 1M tickets, 2M comments, 1k macros, 1k triggers.
// The schema is migrated first (needs the built backend: `npx tsc -b backend/tsconfig.app.json`).
// Every row is a pure function of its number, so the bench can compute ids and API tokens:
//   users    b0000000-0000-4000-8000-<n hex>, n = 0..users-1; API token `bw_bench_<n>` (sha256 stored)
//   tickets  b2000000-0000-4000-8000-<i hex>, i = 1..tickets; creator = i % users;
//            customers of the creator only; newer tickets have higher i.
// Bench rows live next to anything else in the database (e.g. the demo workspace). Re-seeding needs
// --reset, which deletes the bench rows (ids b0…–b5…) and what references them, nothing else.
// Speed: the secondary indexes of tickets/ticket_comments are dropped while loading and rebuilt
// afterwards (definitions read from pg_indexes, so they stay exactly the migration's), the two
// cores load halves in parallel, and FK triggers are skipped (session_replication_role=replica, as
// superuser only; the generated rows reference only rows generated before them). That skips the
// triggers that keep the dashboard's rollups too, so they are rebuilt from the tickets afterwards
// (ticket_stats_rebuild(), which also forgets what a --reset deleted).
// The parts, in tools/seed-scale/: ids (scales, ids, tokens), sql (expression builders),
// vocabulary, database (migrate, connect, reset), small-tables and big-tables.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedTicketsAndComments } from './seed-scale/big-tables.mjs';
import { connect, migrate, reset } from './seed-scale/database.mjs';
import { benchUserId, SCALES } from './seed-scale/ids.mjs';
import { seedSmallTables } from './seed-scale/small-tables.mjs';

export { BENCH_PASSWORD, benchId, benchTicketId, benchToken, benchUserId, SCALES } from './seed-scale/ids.mjs';
export { benchTicketText } from './seed-scale/vocabulary.mjs';

function parseArgs(argv) {
  const args = { scale: 'small', reset: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') args.scale = argv[++i];
    else if (a.startsWith('--scale=')) args.scale = a.slice(8);
    else if (a === '--reset') args.reset = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!SCALES[args.scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  return args;
}

export async function seed({ url, scale, reset: doReset = false, log = console.log }) {
  const s = SCALES[scale];
  const t0 = performance.now();
  const lap = (label) => log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await migrate(url, (line) => log(`  ${line}`));
  const [a, b] = await Promise.all([connect(url), connect(url)]);
  try {
    const existing = (await a.query(`select count(*)::int as n from users where id = $1`, [benchUserId(0)])).rows[0].n;
    if (existing > 0) {
      if (!doReset) throw new Error('this database already holds bench data: pass --reset to replace it');
      await reset(a);
      lap('removed the previous bench rows');
    }
    const base = new Date();
    const baseLit = `'${base.toISOString()}'::timestamptz`;
    const U = s.users;
    const perOwner = s.customers / U;
    if (!Number.isInteger(perOwner)) throw new Error('customers must be a multiple of users');

    await seedSmallTables(a, s, baseLit);
    lap(`users, tokens, customers, macros, triggers`);
    await seedTicketsAndComments(a, b, s, baseLit, lap);
    const seconds = (performance.now() - t0) / 1000;
    return { scale, ...s, seconds };
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  if (args.help) {
    console.log('Usage: DATABASE_URL=postgres://… node tools/seed-scale.mjs --scale small|large [--reset]');
    process.exit(0);
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (run through `npm run db:seed`, which provides it)');
    process.exit(2);
  }
  console.log(`Seeding scale ${args.scale}: ${JSON.stringify(SCALES[args.scale])}`);
  seed({ url, scale: args.scale, reset: args.reset }).then(
    (r) => {
      console.log(`Seeded in ${r.seconds.toFixed(1)} s`);
      process.exit(0);
    },
    (error) => {
      console.error(`Seeding failed: ${error.message}`);
      process.exit(1);
    },
  );
}
