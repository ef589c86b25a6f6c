#!/usr/bin/env node
// The bench's baseline: a bare node:http + pg server that answers the same two reads as the app,
// with the same SQL statements the app issues for them in steady state (see bench/capture-sql.mjs),
// the same pool size (10) and the same response shape — no framework, no ORM, no validation layer,
// no logging. Like the app it keeps bearer tokens (TokenCache) and usernames (IdentityService) in
// memory once looked up, so a warm request runs the same statements in both.
// The app's throughput as a ratio of this one is the cost of everything above the database.
//
//   DATABASE_URL=postgres://… PORT=3901 node bench/baseline-server.mjs
//
//   GET /api/tickets?box=incoming|outgoing|all&status=&q=&limit=   (Bearer token)
//   GET /api/tickets/:id                                           (Bearer token)
//   GET /api/tickets/:id/history?limit=                            (Bearer token; first page)
//   POST /api/tickets                                              (Bearer token; JSON body; group commit as in the app)
//   GET /api/health
//
// The parts, in bench/baseline/: sql (the pool's statements), auth (bearer tokens), views (the
// response shape), reads (box page, search, one ticket), history (a ticket's history), create
// (group-committed creation), http.
import http from 'node:http';
import { createRequire } from 'node:module';
import { bearerActors } from './baseline/auth.mjs';
import { ticketCreation } from './baseline/create.mjs';
import { ticketHistory } from './baseline/history.mjs';
import { handler } from './baseline/http.mjs';
import { ticketReads } from './baseline/reads.mjs';
import { rowsOf } from './baseline/sql.mjs';
import { ticketViews } from './baseline/views.mjs';

const require = createRequire(import.meta.url);
const { Pool, types } = require('pg');

export function startBaseline({ url, port = 0, poolMax = 10 }) {
  types.setTypeParser(1184, (v) => new Date(v)); // timestamptz → Date (pg's default too, explicit here)
  const pool = new Pool({ connectionString: url, max: poolMax });
  const q = rowsOf(pool);
  const views = ticketViews(q);
  const { list, one } = ticketReads(q, views);
  const server = http.createServer(
    handler({ actorFor: bearerActors(q), list, one, create: ticketCreation(q, views), history: ticketHistory(q) }),
  );
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: () => new Promise((r) => server.close(() => pool.end().then(r))),
      }),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(2);
  }
  const { port } = await startBaseline({ url, port: Number(process.env.PORT ?? 3901) });
  console.log(`baseline listening on http://127.0.0.1:${port}`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
