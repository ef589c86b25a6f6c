#!/usr/bin/env node
// Seeds a benchmark-sized workspace with set-based SQL (generate_series; no ORM, no row-by-row inserts).
//
//   DATABASE_URL=postgres://… node tools/seed-scale.mjs --scale small|large [--reset]
//   npm run db:seed -- --scale large            (tools/with-db.mjs provides DATABASE_URL when unset)
//
// Scales: small = 20 users, 2k customers, 20k tickets, 40k comments, 50 macros, 50 triggers;
//         large = 200 users, 100k customers, 1M tickets, 2M comments, 1k macros, 1k triggers.
// The schema is migrated first (needs the built backend: `npx tsc -p backend/tsconfig.app.json`).
// Every row is a pure function of its number, so the bench can compute ids and API tokens:
//   users    b0000000-0000-4000-8000-<n hex>, n = 0..users-1; API token `bw_bench_<n>` (sha256 stored)
//   tickets  b2000000-0000-4000-8000-<i hex>, i = 1..tickets; creator = i % users;
//            customers of the creator only; newer tickets have higher i.
// Bench rows live next to anything else in the database (e.g. the demo workspace). Re-seeding needs
// --reset, which deletes the bench rows (ids b0…–b5…) and what references them, nothing else.
// Speed: the secondary indexes of tickets/ticket_comments are dropped while loading and rebuilt
// afterwards (definitions read from pg_indexes, so they stay exactly the migration's), the two
// cores load halves in parallel, and FK triggers are skipped (session_replication_role=replica, as
// superuser only; the generated rows reference only rows generated before them).
import { randomBytes, scryptSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const SCALES = {
  small: { users: 20, customers: 2_000, tickets: 20_000, comments: 40_000, macros: 50, triggers: 50 },
  large: { users: 200, customers: 100_000, tickets: 1_000_000, comments: 2_000_000, macros: 1_000, triggers: 1_000 },
};

const PREFIX = { user: 'b0', customer: 'b1', ticket: 'b2', comment: 'b3', macro: 'b4', trigger: 'b5', token: 'b6' };
export const benchId = (kind, n) => `${PREFIX[kind]}000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const benchUserId = (n) => benchId('user', n);
export const benchTicketId = (i) => benchId('ticket', i);
export const benchToken = (n) => `bw_bench_${n}`;
export const BENCH_PASSWORD = 'bench-password-not-secret';
const sqlId = (kind, expr) => `('${PREFIX[kind]}000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;

// Deterministic pseudo-random numbers in SQL: a non-negative hash of (row number, salt).
const h = (expr, salt) => `(hashint8((${expr})::bigint * 31 + ${salt}) & 2147483647)`;
const pick = (arr, expr, salt) => `(${arr})[1 + ${h(expr, salt)} % array_length(${arr}, 1)]`;
const lit = (items) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]::text[]`;

// Helpdesk vocabulary: titles and descriptions read like real tickets and give full-text search
// words of very different frequencies (printer ~ 1/10 of titles, "kerberos" rare).
const PROBLEMS_TEXT = [
  'Cannot connect to',
  'Error when opening',
  'Slow response from',
  'Request access to',
  'Reset password for',
  'Invoice question about',
  'Broken',
  'Replace',
  'Order new',
  'Update settings of',
  'Intermittent failure in',
  'Crash in',
  'License renewal for',
  'Billing discrepancy on',
  'Setup of',
];
const PROBLEMS = lit(PROBLEMS_TEXT);
const THINGS_TEXT = [
  'the printer on floor 3',
  'VPN client',
  'email account',
  'billing portal',
  'laptop docking station',
  'shared drive',
  'CRM dashboard',
  'payroll system',
  'office chairs',
  'meeting room projector',
  'mobile app',
  'Kerberos login',
  'Wi-Fi in the lobby',
  'monthly invoice',
  'expense reports',
  'coffee machine',
  'badge reader',
  'backup job',
  'database report',
  'onboarding checklist',
];
const THINGS = lit(THINGS_TEXT);
const CONTEXTS_TEXT = [
  'since this morning',
  'after the last update',
  'for the new hire',
  'before the audit',
  'for the whole team',
  'on Mondays only',
  'again',
  'urgently',
  'for the Berlin office',
  'when working remotely',
];
const CONTEXTS = lit(CONTEXTS_TEXT);
const SENTENCES_TEXT = [
  'The customer reports that the issue started after the weekend maintenance window.',
  'Restarting the device did not help and the error message is attached to the customer record.',
  'Please check whether the account has the right permissions and licence.',
  'Several colleagues on the same floor see the same behaviour.',
  'The invoice total does not match the signed quote; the difference is about 12 percent.',
  'They need this resolved before the quarterly report is due on Friday.',
  'The VPN disconnects roughly every twenty minutes, both on Wi-Fi and on cable.',
  'A replacement was ordered last month but has not arrived yet.',
  'The printer shows a paper jam although the tray is empty.',
  'Logs show repeated authentication failures from the Kerberos service.',
  'The customer asked for a callback in the afternoon.',
  'This blocks the onboarding of two new employees.',
  'We tried clearing the cache and signing in from a private window.',
  'The backup job has failed three nights in a row with a timeout.',
  'Budget approval is already in place; only the order is missing.',
  'Our records show the payment was received on the 3rd.',
];
const SENTENCES = lit(SENTENCES_TEXT);

/** A realistic title and description for the `n`th ticket the bench creates, from the seed's vocabulary (so that created tickets do not crowd out the words a search looks for). */
export function benchTicketText(n) {
  const at = (arr, salt) => arr[(n * 7919 + salt * 104729) % arr.length];
  return {
    title: `${at(PROBLEMS_TEXT, 1)} ${at(THINGS_TEXT, 2)} ${at(CONTEXTS_TEXT, 3)}`,
    description: `${at(SENTENCES_TEXT, 4)} ${at(SENTENCES_TEXT, 5)}`,
  };
}

const COMMENTS = lit([
  'Thanks, I am looking into it now.',
  'Could you send a screenshot of the error message?',
  'I escalated this to the network team.',
  'The replacement has been shipped and should arrive tomorrow.',
  'Restarted the service; please check whether it works again.',
  'The invoice has been corrected and re-sent to the billing contact.',
  'Waiting for the customer to confirm.',
  'This looks like the same problem as last week, applying the same fix.',
  'Access granted. The change may take up to an hour to propagate.',
  'Closing the loop: the customer confirmed everything works.',
]);
const FIRST = lit([
  'Grace',
  'Linus',
  'Margaret',
  'Katherine',
  'Ada',
  'Alan',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
  'Edsger',
  'Donald',
  'Hedy',
  'John',
  'Mary',
  'Tim',
  'Sophie',
  'Yukihiro',
  'Guido',
]);
const LAST = lit([
  'Hopper',
  'Brandt',
  'Hamilton',
  'Johnson',
  'Lovelace',
  'Turing',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
  'Dijkstra',
  'Knuth',
  'Lamarr',
  'Backus',
  'Jackson',
  'Berners',
  'Wilson',
  'Matsumoto',
  'Rossum',
]);
const COMPANIES = lit([
  'Navy Systems',
  'Kernelworks',
  'Apollo Software',
  'Orbit Analytics',
  'Analytical Engines',
  'Bletchley Labs',
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Foods',
]);

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

/** The app's password hash format (scrypt$logN$r$p$salt$key), computed once for every bench user. */
function passwordHash() {
  const salt = randomBytes(16);
  const key = scryptSync(BENCH_PASSWORD.normalize('NFKC'), salt, 32, {
    N: 2 ** 17,
    r: 8,
    p: 1,
    maxmem: 256 * 1024 * 1024,
  });
  return ['scrypt', 17, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

async function migrate(url, log) {
  const compiled = path.join(root, 'dist', 'backend', 'database', 'migrate.js');
  if (!existsSync(compiled))
    throw new Error('dist/backend is missing: run `npx tsc -p backend/tsconfig.app.json` first');
  const { runMigrations } = require(compiled);
  await runMigrations(url, log);
}

async function connect(url) {
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
async function reset(db) {
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

    // Small tables, in one transaction on connection a.
    const hash = passwordHash();
    await a.query('begin');
    await a.query(
      `insert into users (id, email, username, password_hash, created_at)
       select ${sqlId('user', 'n')}, 'bench' || n || '@bench.example', 'bench.user' || n, $1, ${baseLit} - interval '400 days' + n * interval '1 minute'
       from generate_series(0, ${U - 1}) n`,
      [hash],
    );
    await a.query(
      `insert into api_tokens (id, user_id, name, token_hash, created_at)
       select ${sqlId('token', 'n')}, ${sqlId('user', 'n')}, 'bench', encode(sha256(convert_to('bw_bench_' || n, 'UTF8')), 'hex'), ${baseLit}
       from generate_series(0, ${U - 1}) n`,
    );
    await a.query(
      `insert into customers (id, owner_id, name, email, phone, company, notes, created_at, updated_at)
       select ${sqlId('customer', 'k')}, ${sqlId('user', `k % ${U}`)}, f || ' ' || l,
              lower(f) || '.' || lower(l) || k || '@' || replace(lower(c), ' ', '-') || '.example',
              case when k % 3 = 0 then '+1 202 555 ' || lpad((k % 10000)::text, 4, '0') end, c,
              case when k % 4 = 0 then 'Prefers email. Contract renews in ' || (1 + k % 12) || ' months.' end,
              ${baseLit} - interval '390 days' + k * interval '1 second', ${baseLit} - interval '390 days' + k * interval '1 second'
       from generate_series(0, ${s.customers - 1}) k,
            lateral (select ${pick(FIRST, 'k', 1)} as f, ${pick(LAST, 'k', 2)} as l, ${pick(COMPANIES, 'k', 3)} as c) x`,
    );
    await a.query(
      `insert into macros (id, owner_id, name, description, available_for, actions, created_at, updated_at)
       select ${sqlId('macro', 'k')}, ${sqlId('user', `k % ${U}`)}, 'Macro ' || k || ': ' || ${pick(PROBLEMS, 'k', 4)},
              'Canned answer number ' || k, case when k % 4 = 0 then 'everyone' else 'personal' end,
              jsonb_build_array(
                jsonb_build_object('type', 'set_priority', 'value', (array['low','normal','high','urgent'])[1 + k % 4]),
                jsonb_build_object('type', 'add_comment', 'value', 'Hi {{customer.name}}, we are working on "{{ticket.title}}". {{assignee.username}} will get back to you.')),
              ${baseLit} - interval '30 days' + k * interval '1 second', ${baseLit} - interval '30 days' + k * interval '1 second'
       from generate_series(1, ${s.macros}) k`,
    );
    // Triggers 1..users: each user has one unconditional, active "tell the assignee when a ticket is
    // closed" trigger (the bench's event path). The rest: conditional closes, creates, deletes, inactive.
    await a.query(
      `insert into triggers (id, owner_id, name, event, conditions, recipient, message, active, created_at, updated_at)
       select ${sqlId('trigger', 'k')}, ${sqlId('user', `k % ${U}`)}, 'Trigger ' || k,
              case when k <= ${U} or k % 5 in (0, 1) then 'ticket.closed' when k % 5 = 2 then 'ticket.created' else 'customer.deleted' end,
              case when k <= ${U} then '{}'::jsonb when k % 5 in (1, 2) then '{"priority": ["urgent"]}'::jsonb when k % 5 = 0 then '{"topic": ["billing", "hr"]}'::jsonb else '{}'::jsonb end,
              case when k <= ${U} or k % 5 in (0, 1, 2) then '{"kind": "ticket_assignee"}'::jsonb
                   else jsonb_build_object('kind', 'user', 'userId', ${sqlId('user', `(k + 1) % ${U}`)}) end,
              '{{current_user.username}} closed "{{ticket.title}}" for {{customer.name}} ({{event.name}} at {{event.at}}).',
              k <= ${U} or k % 7 <> 0,
              ${baseLit} - interval '20 days' + k * interval '1 second', ${baseLit} - interval '20 days' + k * interval '1 second'
       from generate_series(1, ${s.triggers}) k`,
    );
    await a.query('commit');
    lap(`users, tokens, customers, macros, triggers`);

    // Drop the secondary indexes of the two big tables; rebuilt from their own definitions below.
    const { rows: indexes } = await a.query(
      `select indexname, indexdef from pg_indexes
        where schemaname = current_schema() and tablename in ('tickets', 'ticket_comments')
          and indexname not in (select conname from pg_constraint)`,
    );
    for (const ix of indexes) await a.query(`drop index if exists "${ix.indexname}"`);

    const T = s.tickets;
    const creator = `(i % ${U})`;
    const assignee = `((i % ${U}) + 1 + ${h('i', 5)} % ${U - 1}) % ${U}`;
    const created = `(${baseLit} - (${T} - i) * interval '${Math.floor(((365 * 86400) / T) * 1000)} milliseconds' - interval '1 hour')`;
    const ticketsSql = (lo, hi) =>
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, photo_url, version, created_at, updated_at, closed_at)
       select ${sqlId('ticket', 'i')}, ${sqlId('user', creator)}, ${sqlId('user', assignee)},
              ${sqlId('customer', `${creator} + ${U} * (${h('i', 6)} % ${perOwner})`)},
              ${pick(PROBLEMS, 'i', 7)} || ' ' || ${pick(THINGS, 'i', 8)} || ' ' || ${pick(CONTEXTS, 'i', 9)},
              ${pick(SENTENCES, 'i', 10)} || ' ' || ${pick(SENTENCES, 'i', 11)} || case when i % 3 = 0 then ' ' || ${pick(SENTENCES, 'i', 12)} else '' end,
              (array['question','incident','problem','task'])[1 + ${h('i', 13)} % 4],
              (array['low','normal','normal','high','urgent'])[1 + ${h('i', 14)} % 5],
              (array['general','billing','technical','account','office_supplies','facilities','hr','other'])[1 + ${h('i', 15)} % 8],
              st, case when i % 50 = 0 then 'https://files.example/photos/' || i || '.jpg' end,
              case when st = 'open' then 1 else 2 end, ca, ca + interval '10 minutes',
              case when st = 'closed' then ca + interval '2 hours' end
       from generate_series(${lo}, ${hi}) i,
            lateral (select ${created} as ca, case when ${h('i', 16)} % 10 < 6 then 'open' when ${h('i', 16)} % 10 < 8 then 'pending' else 'closed' end as st) x`;
    const M = s.comments;
    const commentsSql = (lo, hi) =>
      `insert into ticket_comments (id, ticket_id, author_id, body, created_at)
       select ${sqlId('comment', 'j')}, ${sqlId('ticket', 'i')},
              case when j % 2 = 0 then ${sqlId('user', creator)} else ${sqlId('user', assignee)} end,
              ${pick(COMMENTS, 'j', 17)}, ${created} + ((j - 1) / ${T} + 1) * interval '7 minutes'
       from generate_series(${lo}, ${hi}) j, lateral (select ((j - 1) % ${T}) + 1 as i) x`;
    // Both cores load half of the tickets; then one builds the tickets' indexes (the GIN index is
    // the longest job) while the other loads the comments and builds their index.
    const halfT = Math.floor(T / 2);
    const create = async (db, list) => {
      for (const ix of list) await db.query(ix.indexdef);
    };
    await Promise.all([a.query(ticketsSql(1, halfT)), b.query(ticketsSql(halfT + 1, T))]);
    lap(`${T} tickets`);
    const ticketIndexes = indexes.filter((ix) => /\bon\s+(\S+\.)?"?tickets"?\s/i.test(ix.indexdef));
    const commentIndexes = indexes.filter((ix) => !ticketIndexes.includes(ix));
    await Promise.all([
      create(a, ticketIndexes).then(() => lap(`rebuilt ${ticketIndexes.length} ticket indexes`)),
      (async () => {
        await b.query(commentsSql(1, M));
        lap(`${M} comments`);
        await create(b, commentIndexes);
        lap(`rebuilt ${commentIndexes.length} comment indexes`);
      })(),
    ]);
    await Promise.all([a.query('vacuum (analyze) tickets'), b.query('vacuum (analyze) ticket_comments')]);
    await a.query('analyze users; analyze customers; analyze api_tokens; analyze macros; analyze triggers');
    lap('vacuum analyze');
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
