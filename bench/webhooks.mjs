#!/usr/bin/env node
// `node bench/webhooks.mjs` (after `npx tsc -b backend/tsconfig.app.json`): webhook delivery
// throughput of the BUILT API (dist/backend/main.js) to a local receiver, and the same with one
// endpoint that never answers (issue 16: ≥ 300 deliveries/s; the dead endpoint lowers the rate to
// the others by at most 10%). Writes bench/results/webhooks.{md,json}.
//
// The deliveries are written straight into webhook_deliveries (as a trigger's handler would write
// them) and the workers are woken with the same NOTIFY the handlers send, so what is measured is
// the delivery worker alone: claim, sign, POST, record. Each phase's rate is its deliveries over
// the time from their commit to the receiver's last answer.
//   BENCH_WEBHOOK_DELIVERIES  deliveries per phase (default 3000)
//   BENCH_WEBHOOK_ENDPOINTS   healthy endpoints they are spread over (default 8)
//   BENCH_WEBHOOK_DEAD        deliveries queued to the dead endpoint first (default 400)
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { adminUrl, log, root, withClient } from './lib/context.mjs';
import { freePort, startProcess, stopProcess, waitHealthy } from './lib/processes.mjs';

const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 3000);
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 8);
const DEAD = Number(process.env.BENCH_WEBHOOK_DEAD ?? 400);
const TARGET_RATE = 300;
const MAX_DROP = 0.1;
const DB = 'bw_bench_webhooks';
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  return u.toString();
})();

/** The receiver: `/ok/<n>` answers 204 at once, `/dead` never answers. */
function startReceiver() {
  const state = { ok: 0, dead: 0, held: new Set(), waiters: [] };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/dead') {
        state.dead++;
        state.held.add(res);
        return;
      }
      state.ok++;
      res.writeHead(204).end();
      for (const w of [...state.waiters]) if (state.ok >= w.count) w.resolve(performance.now());
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, state, port: server.address().port })),
  );
}

const until = (state, count) =>
  new Promise((resolve) => {
    const w = { count, resolve: (t) => (state.waiters.splice(state.waiters.indexOf(w), 1), resolve(t)) };
    state.waiters.push(w);
    if (state.ok >= count) w.resolve(performance.now());
  });

async function waitFor(what, check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Queues `count` deliveries round-robin over `webhookIds`, due now, and wakes the workers; answers when they committed. */
async function queue(c, webhookIds, count) {
  const ids = Array.from({ length: count }, () => randomUUID());
  const hooks = ids.map((_, i) => webhookIds[i % webhookIds.length]);
  const body = JSON.stringify({
    type: 'bench',
    timestamp: new Date().toISOString(),
    data: { message: 'x'.repeat(200) },
  });
  await c.query(
    `insert into webhook_deliveries (id, webhook_id, event, body, next_attempt_at, retry_until)
     select id, webhook_id, 'bench', $3, now(), now() + interval '25 hours' from unnest($1::uuid[], $2::uuid[]) as d(id, webhook_id)`,
    [ids, hooks, body],
  );
  const committed = performance.now();
  await c.query(`select pg_notify('bw_webhooks', 'bench')`);
  return committed;
}

async function main() {
  await withClient(adminUrl, async (c) => {
    await c.query(`drop database if exists ${DB} with (force)`);
    await c.query(`create database ${DB}`);
  });
  const receiver = await startReceiver();
  const port = await freePort();
  const api = startProcess('api', ['--max-old-space-size=192', 'dist/backend/main.js'], {
    DATABASE_URL: dbUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE: 'true',
  });
  const results = {};
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, api);
    await withClient(dbUrl, async (c) => {
      const owner = randomUUID();
      await c.query(`insert into users (id, email, username, password_hash) values ($1, $2, $3, 'x')`, [
        owner,
        `bench.${owner.slice(0, 8)}@example.com`,
        `bench_${owner.slice(0, 8)}`,
      ]);
      const hook = async (url) => {
        const id = randomUUID();
        await c.query(
          `insert into webhooks (id, owner_id, name, url, secret, active, created_at, updated_at) values ($1, $2, $3, $4, $5, true, now(), now())`,
          [id, owner, url, url, `whsec_${randomBytes(32).toString('base64')}`],
        );
        return id;
      };
      const base = `http://127.0.0.1:${receiver.port}`;
      const healthy = [];
      for (let i = 0; i < ENDPOINTS; i++) healthy.push(await hook(`${base}/ok/${i}`));
      const dead = await hook(`${base}/dead`);

      // Warm-up (JIT, connections), then the two measured phases.
      await queue(c, healthy, DELIVERIES);
      await until(receiver.state, DELIVERIES);
      const measure = async (label) => {
        const start = receiver.state.ok;
        const committed = await queue(c, healthy, DELIVERIES);
        const done = await until(receiver.state, start + DELIVERIES);
        const seconds = (done - committed) / 1000;
        const rate = DELIVERIES / seconds;
        log(`${label}: ${DELIVERIES} deliveries in ${seconds.toFixed(2)} s = ${rate.toFixed(0)}/s`);
        return { deliveries: DELIVERIES, seconds: Number(seconds.toFixed(3)), rate: Math.round(rate) };
      };
      results.alone = await measure(`${ENDPOINTS} endpoints`);
      await queue(c, [dead], DEAD);
      await waitFor('the dead endpoint to hold its connections', async () => receiver.state.held.size >= 4);
      results.withDead = await measure(`${ENDPOINTS} endpoints + 1 that never answers (${DEAD} queued)`);
      results.withDead.deadHeld = receiver.state.held.size;
      const pending = await c.query(
        `select count(*)::int as n from webhook_deliveries where webhook_id = $1 and status = 'pending'`,
        [dead],
      );
      results.withDead.deadPending = pending.rows[0].n;
    });
  } finally {
    for (const res of receiver.state.held) res.destroy();
    await stopProcess(api);
    receiver.server.closeAllConnections();
    receiver.server.close();
    await withClient(adminUrl, (c) => c.query(`drop database if exists ${DB} with (force)`));
  }
  const drop = 1 - results.withDead.rate / results.alone.rate;
  const verdict = {
    rate: results.alone.rate >= TARGET_RATE ? 'met' : 'MISSED',
    isolation: drop <= MAX_DROP ? 'met' : 'MISSED',
  };
  const report = {
    at: new Date().toISOString(),
    deliveries: DELIVERIES,
    endpoints: ENDPOINTS,
    deadQueued: DEAD,
    ...results,
    drop: Number(drop.toFixed(3)),
    verdict,
  };
  const md = [
    '# Webhook deliveries (bench/webhooks.mjs)',
    '',
    `${report.at}; ${DELIVERIES} deliveries per phase over ${ENDPOINTS} local endpoints (node:http, 204), default worker settings.`,
    '',
    '| Phase | Deliveries | Seconds | Rate (/s) | Target |',
    '| ----- | ---------: | ------: | --------: | ------ |',
    `| ${ENDPOINTS} endpoints | ${DELIVERIES} | ${results.alone.seconds} | ${results.alone.rate} | ≥ ${TARGET_RATE}/s: ${verdict.rate} |`,
    `| same, with 1 endpoint that never answers (${DEAD} queued) | ${DELIVERIES} | ${results.withDead.seconds} | ${results.withDead.rate} | drop ≤ ${MAX_DROP * 100}%: ${(drop * 100).toFixed(1)}%, ${verdict.isolation} |`,
    '',
  ].join('\n');
  const out = path.join(root, 'bench/results');
  writeFileSync(path.join(out, 'webhooks.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(out, 'webhooks.md'), md);
  console.log(md);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
