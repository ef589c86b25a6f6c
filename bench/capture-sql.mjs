#!/usr/bin/env node
// Prints the SQL the built app issues for each benchmarked request (so the baseline server can issue
// the same statements, and EXPLAIN can be run on them).
//
//   DATABASE_URL=postgres://…/bw_bench_small node bench/capture-sql.mjs
//
// Needs a seeded database (tools/seed-scale.mjs) and the built backend.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchToken, benchUserId } from '../tools/seed-scale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { loadConfig } = require(path.join(root, 'dist/backend/config/app-config.js'));
const { createApp } = require(path.join(root, 'dist/backend/app.factory.js'));

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
let log = [];
const config = loadConfig({
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  PORT: '0',
  SESSION_SECRET: randomBytes(32).toString('base64url'),
});
const built = await createApp(config, { onQuery: (sql) => log.push(sql.replace(/\s+/g, ' ').trim()) });
await built.app.listen(0, '127.0.0.1');
const server = built.app.getHttpServer();
const base = `http://127.0.0.1:${server.address().port}/api`;
const { Client } = require('pg');
const db = new Client({ connectionString: url });
await db.connect();
const user = benchUserId(0);
const ticket = (
  await db.query(
    `select id, customer_id, assignee_id from tickets where creator_id = $1 and status = 'open' order by created_at desc limit 1`,
    [user],
  )
).rows[0];
await db.end();
const auth = { authorization: `Bearer ${benchToken(0)}`, 'content-type': 'application/json' };

const cases = [
  ['GET incoming', 'GET', '/tickets?box=incoming'],
  ['GET outgoing', 'GET', '/tickets?box=outgoing'],
  ['GET search', 'GET', '/tickets?q=printer'],
  ['GET ticket', 'GET', `/tickets/${ticket.id}`],
  [
    'POST ticket',
    'POST',
    '/tickets',
    {
      title: 'Printer jam',
      customerId: ticket.customer_id,
      assigneeId: ticket.assignee_id,
      type: 'incident',
      priority: 'normal',
      topic: 'technical',
    },
  ],
  ['POST comment', 'POST', `/tickets/${ticket.id}/comments`, { body: 'On it.' }],
  ['POST close', 'POST', `/tickets/${ticket.id}/close`],
  ['GET inbox', 'GET', '/messages?box=inbox'],
];
for (const [name, method, p, body] of cases) {
  log = [];
  const res = await fetch(base + p, { method, headers: auth, body: body ? JSON.stringify(body) : undefined });
  await res.text();
  await new Promise((r) => setTimeout(r, 300)); // let the outbox dispatcher run after writes
  console.log(`\n### ${name} ${p} → ${res.status}`);
  for (const line of log) console.log(`  ${line.slice(0, 600)}`);
}
await built.close();
process.exit(0);
