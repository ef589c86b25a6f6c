#!/usr/bin/env node
// `npm run bench -- --scale small|large --duration <s>`: seeds (or reuses) a benchmark database,
// starts the BUILT API (node dist/backend/main.js) and the bare baseline (bench/baseline-server.mjs),
// loads both and writes bench/results/latest.{md,json}:
//   - throughput: autocannon with --connections fixed connections (closed loop), baseline/app pairs;
//   - latency: an open-loop run per read endpoint at a fixed rate over the same number of connections
//     (bench/open-loop.mjs), baseline then app, latencies measured from each request's scheduled time;
//   - a fixed-rate mixed run (open loop) during which close → message is probed.
//
// Options:
//   --scale small|large   data set (tools/seed-scale.mjs); default small
//   --duration <s>        seconds per measured run; default 10 (each run is preceded by a 1 s warm-up)
//   --connections <n>     connections of the fixed-connection runs; default 32
//   --rounds <n>          baseline/app pairs per read endpoint, run back to back; default 3 (the
//                         ratio is the median of the pairs' ratios, so a noisy moment skews one pair)
//   --rate <req/s>        overall rate of the fixed-rate mixed run (during which the close→message
//                         latency is probed); default 200
//   --latency-rate <r/s>  rate of the open-loop latency run of each list page and one ticket; default 200
//   --search-rate <r/s>   rate of the open-loop latency run of search; default 100
//   --warmup <s>          seconds of warm-up per server and endpoint before anything is measured; default 8
//                         (the app's JIT takes tens of seconds to settle on a mixed load)
//   --reseed              re-create the database even if it already holds this scale
//   --keep-db             keep the database afterwards (default: small is dropped, large is kept)
//   --strict              exit 1 when a target from the issue is missed (errors always exit 1)
// Environment:
//   BENCH_ADMIN_URL       a maintenance connection; default postgres://postgres@127.0.0.1:5432/postgres
//   BENCH_DATABASE_URL    use this database instead of creating bw_bench_<scale> (seeded if empty)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALES, benchTicketText, benchToken, benchUserId, seed } from '../tools/seed-scale.mjs';
import { openLoopInChild } from './open-loop.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { Client } = require('pg');

// ---------------------------------------------------------------------------------------------- args
function parseArgs(argv) {
  const a = {
    scale: 'small',
    duration: 10,
    connections: 32,
    rounds: 3,
    rate: 200,
    latencyRate: 200,
    searchRate: 100,
    warmup: 8,
    reseed: false,
    keepDb: undefined,
    strict: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=');
    const val = () => inline ?? argv[++i];
    if (k === '--scale') a.scale = val();
    else if (k === '--duration') a.duration = Number(val());
    else if (k === '--connections') a.connections = Number(val());
    else if (k === '--rate') a.rate = Number(val());
    else if (k === '--latency-rate') a.latencyRate = Number(val());
    else if (k === '--search-rate') a.searchRate = Number(val());
    else if (k === '--warmup') a.warmup = Number(val());
    else if (k === '--rounds') a.rounds = Number(val());
    else if (k === '--reseed') a.reseed = true;
    else if (k === '--keep-db') a.keepDb = true;
    else if (k === '--strict') a.strict = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!SCALES[a.scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  if (
    ![a.duration, a.connections, a.rate, a.latencyRate, a.searchRate].every((x) => x > 0) ||
    !(a.warmup >= 0) ||
    !(Number.isInteger(a.rounds) && a.rounds > 0)
  )
    throw new Error('--duration, --connections, --rounds and the rates must be positive');
  a.keepDb ??= a.scale === 'large';
  return a;
}
const args = parseArgs(process.argv.slice(2));
const log = (...m) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

// ------------------------------------------------------------------------------------------ database
const adminUrl =
  process.env.BENCH_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `bw_bench_${args.scale}`;
const ownDb = !process.env.BENCH_DATABASE_URL;
const dbUrl =
  process.env.BENCH_DATABASE_URL ??
  (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();

async function withClient(url, fn) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function prepareDatabase() {
  const scale = SCALES[args.scale];
  if (ownDb) {
    const exists = await withClient(
      adminUrl,
      async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount > 0,
    );
    let seeded = false;
    if (exists && !args.reseed && args.scale === 'large') {
      seeded = await withClient(dbUrl, async (c) => {
        const r = await c.query(`select to_regclass('tickets') is not null as ok`);
        if (!r.rows[0].ok) return false;
        const n = await c.query(`select count(*)::int as n from users where id::text like 'b0000000-%'`);
        return n.rows[0].n === scale.users;
      }).catch(() => false);
    }
    if (seeded) {
      log(`reusing ${dbName} (already seeded at scale ${args.scale}; --reseed to rebuild)`);
      return null;
    }
    await withClient(adminUrl, async (c) => {
      if (exists) await c.query(`drop database "${dbName}" with (force)`);
      await c.query(`create database "${dbName}"`);
    });
  }
  log(`seeding ${ownDb ? dbName : 'BENCH_DATABASE_URL'} at scale ${args.scale}`);
  const result = await seed({ url: dbUrl, scale: args.scale, reset: !ownDb, log: (l) => log(l.trim()) });
  log(`seeded in ${result.seconds.toFixed(1)} s`);
  return result;
}

// --------------------------------------------------------------------------------------- processes
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const children = new Set();
function startProcess(name, argv, env) {
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', () => children.delete(child));
  return { child, output: () => output, name };
}
async function stopProcess(p) {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const c of children) c.kill('SIGTERM');
    process.exit(130);
  });
}

async function waitHealthy(base, p, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}):\n${p.output()}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${p.name} did not become healthy in ${timeoutMs} ms:\n${p.output()}`);
}

/** Samples VmRSS of a pid every 200 ms; `window()` starts a new max window. */
function rssSampler(pid) {
  let overall = 0;
  let windowMax = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        const mb = Number(m[1]) / 1024;
        overall = Math.max(overall, mb);
        windowMax = Math.max(windowMax, mb);
        return mb;
      }
    } catch {
      // process gone
    }
    return 0;
  };
  const timer = setInterval(read, 200);
  timer.unref();
  return {
    window() {
      windowMax = read();
    },
    windowMax: () => Math.max(windowMax, read()),
    overall: () => overall,
    stop: () => clearInterval(timer),
  };
}

// ------------------------------------------------------------------------------------------ fixtures
async function loadFixtures() {
  const U = SCALES[args.scale].users;
  const probe = { creator: U - 2, assignee: U - 1 };
  const loadUsers = Array.from({ length: U - 2 }, (_, n) => n);
  return withClient(dbUrl, async (c) => {
    const ids = loadUsers.map(benchUserId);
    const visible = (
      await c.query(
        `select u.n, t.id from unnest($1::uuid[]) with ordinality u(uid, n)
         cross join lateral (select id from tickets where creator_id = u.uid order by created_at desc, id desc limit 50) t`,
        [ids],
      )
    ).rows.map((r) => ({ user: loadUsers[Number(r.n) - 1], ticket: r.id }));
    const forCreate = (
      await c.query(
        `select u.n, (select id from customers where owner_id = u.uid and deleted_at is null limit 1) as customer_id
         from unnest($1::uuid[]) with ordinality u(uid, n)`,
        [ids],
      )
    ).rows.map((r) => ({
      user: loadUsers[Number(r.n) - 1],
      customerId: r.customer_id,
      assigneeId: benchUserId((loadUsers[Number(r.n) - 1] + 1) % U),
    }));
    // Open tickets to close, newest first, spread over the load users. Each can be closed once.
    const toClose = (
      await c.query(
        `select creator_id, id from tickets where creator_id = any($1::uuid[]) and status <> 'closed' order by created_at desc limit 60000`,
        [ids],
      )
    ).rows.map((r) => ({ user: loadUsers[ids.indexOf(r.creator_id)], ticket: r.id }));
    const probeCustomer = (
      await c.query(`select id from customers where owner_id = $1 and deleted_at is null limit 1`, [
        benchUserId(probe.creator),
      ])
    ).rows[0].id;
    return { visible, forCreate, toClose, probe, probeCustomer };
  });
}

// ------------------------------------------------------------------------------------------- runs
const outboxPending = () =>
  withClient(
    dbUrl,
    async (c) => (await c.query(`select count(*)::int as n from outbox_events where status = 'pending'`)).rows[0].n,
  );
const bearer = (n) => ({ authorization: `Bearer ${benchToken(n)}`, 'content-type': 'application/json' });
const WORDS = ['printer', 'vpn', 'invoice', 'password reset', 'projector', 'backup timeout', 'badge reader', 'payroll'];

/** `n` plain requests from an autocannon `requests` entry (its generator rotates users and rows), for the open-loop generator. */
const requestsOf = (entry, n, kind) =>
  Array.from({ length: n }, () => {
    const r = entry.setupRequest({ method: entry.method, headers: {} });
    return { method: r.method, path: r.path, headers: r.headers, body: r.body, kind };
  });

/** Request generators: each returns autocannon `requests` entries (rotating users and rows). */
function scenarios(fx) {
  let i = 0;
  const next = (arr) => arr[i++ % arr.length];
  const get = (pathFor) => [
    {
      method: 'GET',
      setupRequest: (req) => {
        const { path: p, user } = pathFor();
        return { ...req, path: p, headers: bearer(user) };
      },
    },
  ];
  const post = (make, extra = () => ({})) => [
    {
      method: 'POST',
      setupRequest: (req) => {
        const { path: p, user, body } = make();
        return {
          ...req,
          method: 'POST',
          path: p,
          headers: { ...bearer(user), ...extra() },
          body: JSON.stringify(body ?? {}),
        };
      },
    },
  ];
  const users = [...new Set(fx.visible.map((v) => v.user))];
  let closeAt = 0;
  const keyPrefix = randomBytes(4).toString('hex');
  let keys = 0;
  const newTicket = () => {
    const f = next(fx.forCreate);
    return {
      path: '/api/tickets',
      user: f.user,
      body: {
        ...benchTicketText(i),
        customerId: f.customerId,
        assigneeId: f.assigneeId,
        type: 'incident',
        priority: 'normal',
        topic: 'technical',
      },
    };
  };
  return {
    incoming: get(() => ({ path: '/api/tickets?box=incoming', user: next(users) })),
    outgoing: get(() => ({ path: '/api/tickets?box=outgoing', user: next(users) })),
    ticket: get(() => {
      const v = next(fx.visible);
      return { path: `/api/tickets/${v.ticket}`, user: v.user };
    }),
    search: get(() => ({ path: `/api/tickets?q=${encodeURIComponent(WORDS[i % WORDS.length])}`, user: next(users) })),
    create: post(newTicket),
    // The same creations, each with a fresh Idempotency-Key: claimed before, its answer recorded after.
    createWithKey: post(newTicket, () => ({ 'idempotency-key': `bench-${keyPrefix}-${keys++}` })),
    comment: post(() => {
      const v = next(fx.visible);
      return {
        path: `/api/tickets/${v.ticket}/comments`,
        user: v.user,
        body: { body: 'Thanks, I am looking into it now and will update you within the hour.' },
      };
    }),
    close: post(() => {
      const v = fx.toClose[closeAt++ % fx.toClose.length];
      return { path: `/api/tickets/${v.ticket}/close`, user: v.user };
    }),
    inbox: get(() => ({ path: '/api/messages?box=inbox', user: next(users) })),
  };
}

async function cannon(base, opts) {
  const errorsSeen = new Map();
  const requests = opts.requests.map((r) => ({
    ...r,
    onResponse: (status, body) => {
      if (status >= 300 && errorsSeen.size < 5 && !errorsSeen.has(status))
        errorsSeen.set(status, String(body).slice(0, 300));
    },
  }));
  const result = await autocannon({
    url: base,
    connections: opts.connections,
    duration: opts.duration,
    amount: opts.amount,
    overallRate: opts.rate,
    requests,
    timeout: 10,
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  if (errors > 0) log(`  ${errors} errors; samples: ${JSON.stringify([...errorsSeen])}`);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors,
    seconds: result.duration,
  };
}

async function measure(name, base, requests, rss, { warm = true, amount, connections = args.connections } = {}) {
  if (warm)
    await cannon(base, {
      requests,
      connections: Math.min(8, connections),
      duration: 1,
      amount: amount ? Math.min(200, Math.floor(amount / 10)) : undefined,
    });
  rss?.window();
  const r = await cannon(base, { requests, connections, duration: args.duration, amount });
  r.rssMb = rss ? Math.round(rss.windowMax()) : null;
  log(
    `  ${name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}${r.rssMb ? `  rss ${r.rssMb} MB` : ''}`,
  );
  return r;
}

/**
 * `args.rounds` back-to-back pairs (baseline, then app) on one endpoint. The app's row carries the
 * median of the pairs' ratios; req/s are means, p99 the worst pair's.
 */
async function measurePairs(key, name, baseUrl, appUrl, requests, rss, before = async () => {}) {
  const pairs = [];
  for (let round = 1; round <= args.rounds; round++) {
    await before();
    const b = await measure(`baseline ${key} #${round}`, baseUrl, requests, null);
    await before();
    const a = await measure(`${name} #${round}`, appUrl, requests, rss);
    pairs.push({ b, a, ratio: a.rps / b.rps });
  }
  const mid = [...pairs].sort((x, y) => x.ratio - y.ratio)[Math.floor((pairs.length - 1) / 2)];
  const sum = (side, f) => pairs.reduce((n, p) => n + p[side][f], 0);
  const combine = (side) => ({
    rps: sum(side, 'rps') / pairs.length,
    requests: sum(side, 'requests'),
    p50: mid[side].p50,
    p99: Math.max(...pairs.map((p) => p[side].p99)),
    errors: sum(side, 'errors'),
    rssMb: side === 'a' ? Math.max(...pairs.map((p) => p.a.rssMb ?? 0)) : null,
    pairRatios: pairs.map((p) => p.ratio),
  });
  log(
    `  ${key}: ratio per pair ${pairs.map((p) => `${(p.ratio * 100).toFixed(0)}%`).join(', ')} → median ${(mid.ratio * 100).toFixed(0)}%`,
  );
  return [
    { key: `baseline-${key}`, name: `baseline: ${key}`, ...combine('b'), ratio: 1 },
    { key, name, ...combine('a'), ratio: mid.ratio },
  ];
}

/**
 * `args.rounds` back-to-back pairs of two variants of the app (`ref`, then `variant`): the variant's
 * row carries the median of the pairs' ratios to the reference (what the variant's feature costs).
 */
async function measureVariantPairs(key, name, refName, ref, variant, rss, before = async () => {}) {
  const pairs = [];
  for (let round = 1; round <= args.rounds; round++) {
    await before();
    const r = await measure(`${refName} #${round}`, ref.url, ref.requests, rss);
    await before();
    const v = await measure(`${name} #${round}`, variant.url, variant.requests, rss);
    pairs.push({ r, v, ratio: v.rps / r.rps });
  }
  const mid = [...pairs].sort((x, y) => x.ratio - y.ratio)[Math.floor((pairs.length - 1) / 2)];
  const mean = (side, f) => pairs.reduce((n, p) => n + p[side][f], 0) / pairs.length;
  const row = (side, k, n, ratio, ratioTo) => ({
    key: k,
    name: n,
    rps: mean(side, 'rps'),
    requests: mean(side, 'requests') * pairs.length,
    p50: mid[side].p50,
    p99: Math.max(...pairs.map((p) => p[side].p99)),
    errors: pairs.reduce((n2, p) => n2 + p[side].errors, 0),
    rssMb: Math.max(...pairs.map((p) => p[side].rssMb ?? 0)) || null,
    pairRatios: side === 'v' ? pairs.map((p) => p.ratio) : null,
    ratio,
    ratioTo,
  });
  log(
    `  ${key}: ratio per pair ${pairs.map((p) => `${(p.ratio * 100).toFixed(0)}%`).join(', ')} → median ${(mid.ratio * 100).toFixed(0)}%`,
  );
  return [row('r', `${key}-ref`, refName, null, null), row('v', key, name, mid.ratio, refName)];
}

/**
 * Latency at a fixed rate (open loop) over --connections connections: baseline, then app, each
 * after a warm-up at the same rate. The request generator is the same for both.
 */
async function measureLatency(key, name, baseUrl, appUrl, requests, rate, rss) {
  const out = [];
  const list = requestsOf(requests[0], Math.min(5000, Math.ceil(rate * args.duration)));
  for (const [side, url] of [
    ['baseline', baseUrl],
    ['app', appUrl],
  ]) {
    await openLoopInChild({
      url,
      requests: list,
      rate,
      duration: Math.min(2, args.duration),
      connections: args.connections,
    });
    rss?.window();
    const r = await openLoopInChild({
      url,
      requests: list,
      rate,
      duration: args.duration,
      connections: args.connections,
    });
    if (r.errors > 0) log(`  ${r.errors} errors; samples: ${JSON.stringify(r.errorsSeen)}`);
    const row = {
      key: side === 'baseline' ? `baseline-${key}` : key,
      name: side === 'baseline' ? `baseline: ${key}` : name,
      rate,
      sent: r.sent,
      completed: r.completed,
      errors: r.errors,
      p50: r.p50,
      p90: r.p90,
      p99: r.p99,
      max: r.max,
      rssMb: side === 'app' && rss ? Math.round(rss.windowMax()) : null,
    };
    log(
      `  ${`${row.name} @ ${rate}/s`.padEnd(34)} p50 ${fmt(r.p50, 1)} ms  p90 ${fmt(r.p90, 1)} ms  p99 ${fmt(r.p99, 1)} ms  max ${fmt(r.max, 1)} ms  errors ${r.errors}`,
    );
    out.push(row);
  }
  return out;
}

/**
 * close → message: create and close a fresh ticket as the probe creator, then wait for the trigger's
 * message to the assignee. The wait watches the messages table (a 2 ms poll on its own connection,
 * which costs the API nothing, where polling the API would itself be a load on it); once the row is
 * there, the assignee's inbox is read through the API, and the sample is the time from the close's
 * answer to that read's answer showing the message.
 */
async function probeEvents(base, fx, until) {
  const samples = [];
  let failures = 0;
  const creator = bearer(fx.probe.creator);
  const receiver = bearer(fx.probe.assignee);
  const assigneeId = benchUserId(fx.probe.assignee);
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    while (Date.now() < until) {
      try {
        const created = await fetch(`${base}/api/tickets`, {
          method: 'POST',
          headers: creator,
          body: JSON.stringify({
            title: 'Latency probe: badge reader offline',
            customerId: fx.probeCustomer,
            assigneeId,
            type: 'incident',
            priority: 'low',
            topic: 'facilities',
          }),
        });
        if (created.status !== 201) throw new Error(`create ${created.status} ${await created.text()}`);
        const { id } = await created.json();
        const closed = await fetch(`${base}/api/tickets/${id}/close`, { method: 'POST', headers: creator });
        if (closed.status !== 200) throw new Error(`close ${closed.status} ${await closed.text()}`);
        await closed.arrayBuffer();
        const t0 = performance.now();
        let seen = false;
        while (performance.now() - t0 < 15_000) {
          // The receiver's newest messages, off its inbox index (a filter on ticket_id would scan
          // every message the receiver ever got).
          const newest = await db.query(
            'select ticket_id from messages where receiver_id = $1 order by created_at desc, id desc limit 5',
            [assigneeId],
          );
          if (newest.rows.some((r) => r.ticket_id === id)) {
            const page = await (await fetch(`${base}/api/messages?box=inbox&limit=5`, { headers: receiver })).json();
            if (page.items?.some((m) => m.ticketId === id)) {
              seen = true;
              break;
            }
          }
          await new Promise((res) => setTimeout(res, 2));
        }
        if (seen) samples.push(performance.now() - t0);
        else failures++;
      } catch (error) {
        failures++;
        log(`  probe error: ${error.message}`);
      }
      await new Promise((res) => setTimeout(res, 20));
    }
  } finally {
    await db.end();
  }
  samples.sort((x, y) => x - y);
  const pct = (p) =>
    samples.length ? samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)] : null;
  return { samples: samples.length, failures, p50: pct(50), p99: pct(99), max: samples.at(-1) ?? null };
}

// ------------------------------------------------------------------------------------------- report
const fmt = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—' : Number(n).toFixed(d));

function report(results) {
  const { rows, event, machine, targets } = results;
  const mixed = results.mixed;
  const lines = [];
  lines.push(
    `# Benchmark — scale ${results.scale}, ${results.duration} s per run, ${results.connections} connections, ${results.rounds} baseline/app pairs per read`,
  );
  lines.push('');
  lines.push(
    `Warm-up ${results.warmup} s per server and endpoint; open-loop latency runs at ${results.latencyRate} req/s (lists, one ticket) and ${results.searchRate} req/s (search).`,
  );
  lines.push('');
  lines.push(
    `${results.startedAt} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memGb} GB RAM · Node ${machine.node} · ${machine.postgres}`,
  );
  if (results.seed)
    lines.push(
      `Seed: ${results.seed.tickets} tickets, ${results.seed.comments} comments in ${fmt(results.seed.seconds, 1)} s`,
    );
  lines.push('');
  lines.push('| run | req/s | p50 ms | p99 ms | errors | ratio to baseline (or to the run named) | API RSS MB (max) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  const pct = (x) => `${(x * 100).toFixed(0)}%`;
  const ratioCell = (r) =>
    r.ratio === null
      ? '—'
      : r.key.startsWith('baseline-')
        ? '100%'
        : `${pct(r.ratio)}${r.ratioTo ? ` of "${r.ratioTo}"` : ''}${r.pairRatios ? ` (pairs ${r.pairRatios.map(pct).join(', ')})` : ''}`;
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.errors} | ${ratioCell(r)} | ${r.rssMb ?? '—'} |`,
    );
  lines.push('');
  lines.push(
    `Closed loop (${results.connections} connections, each sending its next request when the last is answered): latency there is connections ÷ throughput (Little's law), so its p99 is a consequence of the throughput; the latency targets are judged in the open-loop runs below.`,
  );
  lines.push('');
  lines.push(
    `Latency at a fixed rate (open loop, ${results.connections} connections, measured from each request's scheduled time):`,
  );
  lines.push('');
  lines.push('| run | rate req/s | p50 ms | p90 ms | p99 ms | max ms | errors |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results.latency)
    lines.push(
      `| ${r.name} | ${r.rate} | ${fmt(r.p50, 1)} | ${fmt(r.p90, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 1)} | ${r.errors} |`,
    );
  lines.push('');
  lines.push(
    `Fixed-rate mixed run (open loop; incoming, outgoing, one ticket, search, create, comment, inbox in turn) at ${mixed.rate} req/s: p50 ${fmt(mixed.p50, 1)} ms, p99 ${fmt(mixed.p99, 1)} ms, max ${fmt(mixed.max, 1)} ms, ${mixed.errors} errors, API RSS ${mixed.rssMb} MB. By request (p50 / p99 ms): ${Object.entries(
      mixed.kinds ?? {},
    )
      .map(([k, v]) => `${k} ${fmt(v.p50, 1)} / ${fmt(v.p99, 1)}`)
      .join(', ')}.`,
  );
  lines.push('');
  lines.push(
    `close → message readable through GET /api/messages?box=inbox (under the fixed-rate run): p50 ${fmt(event.p50, 1)} ms, p99 ${fmt(event.p99, 1)} ms, max ${fmt(event.max, 1)} ms over ${event.samples} samples, ${event.failures} failures (not seen within 15 s); outbox backlog after the run: ${event.outboxPendingAfter} events`,
  );
  lines.push('');
  lines.push('| target (issue 5) | measured | met |');
  lines.push('|---|---|:-:|');
  for (const t of targets) lines.push(`| ${t.name} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`);
  lines.push('');
  return lines.join('\n');
}

function checkTargets(rows, latency, event, rssMax) {
  const by = Object.fromEntries(rows.map((r) => [r.key, r]));
  const lat = Object.fromEntries(latency.map((r) => [r.key, r]));
  const t = [];
  for (const k of ['incoming', 'outgoing', 'ticket']) {
    const what = k === 'ticket' ? 'one ticket' : `list ${k}`;
    t.push({
      name: `${what} p99 ≤ 20 ms at ${args.connections} connections (open loop, ${lat[k].rate} req/s)`,
      measured: `${fmt(lat[k].p99, 1)} ms (baseline ${fmt(lat[`baseline-${k}`].p99, 1)} ms)`,
      met: lat[k].p99 !== null && lat[k].p99 <= 20 && lat[k].errors === 0,
    });
    t.push({
      name: `${what} ≥ 60% of baseline throughput`,
      measured: `${(by[k].ratio * 100).toFixed(0)}%`,
      met: by[k].ratio >= 0.6,
    });
  }
  t.push({
    name: `search p99 ≤ 50 ms (open loop, ${lat.search.rate} req/s)`,
    measured: `${fmt(lat.search.p99, 1)} ms (baseline ${fmt(lat['baseline-search'].p99, 1)} ms)`,
    met: lat.search.p99 !== null && lat.search.p99 <= 50 && lat.search.errors === 0,
  });
  t.push({ name: 'ticket create ≥ 1500 req/s', measured: `${fmt(by.create.rps)} req/s`, met: by.create.rps >= 1500 });
  t.push({
    name: 'ticket create with Idempotency-Key ≥ 85% of create without (issue 13)',
    measured: `${(by['create-key'].ratio * 100).toFixed(0)}%`,
    met: by['create-key'].ratio >= 0.85,
  });
  for (const k of ['ticket', 'incoming']) {
    const r = by[`${k}-ratelimit`];
    t.push({
      name: `${k === 'ticket' ? 'one ticket' : 'list incoming'} with rate-limit headers ≥ 95% of the limit off (issue 13: no measurable cost)`,
      measured: `${(r.ratio * 100).toFixed(0)}%`,
      met: r.ratio >= 0.95,
    });
  }
  t.push({
    name: 'close → message p99 ≤ 100 ms',
    measured: `${fmt(event.p99, 1)} ms`,
    met: event.p99 !== null && event.p99 <= 100 && event.failures === 0,
  });
  t.push({ name: 'API RSS < 300 MB', measured: `${Math.round(rssMax)} MB`, met: rssMax < 300 });
  return t;
}

// --------------------------------------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  if (!existsSync(path.join(root, 'dist/backend/main.js')))
    throw new Error('dist/backend/main.js is missing: run `npx tsc -p backend/tsconfig.app.json` (npm run bench does)');
  const seedResult = await prepareDatabase();
  const fx = await loadFixtures();
  const sc = scenarios(fx);
  const postgres = await withClient(dbUrl, async (c) => (await c.query('show server_version')).rows[0].server_version);
  const rows = [];

  // The baseline and the app run side by side (an idle server costs nothing); each read endpoint is
  // measured in --rounds back-to-back pairs, baseline then app, so both see the same machine.
  const basePort = await freePort();
  const baseline = startProcess('baseline', ['bench/baseline-server.mjs'], {
    DATABASE_URL: dbUrl,
    PORT: String(basePort),
  });
  const baseUrl = `http://127.0.0.1:${basePort}`;
  const appPort = await freePort();
  // Started as `npm start` starts it (tools/start.mjs): heap bounded at 192 MB.
  const app = startProcess('api', ['--max-old-space-size=192', 'dist/backend/main.js'], {
    DATABASE_URL: dbUrl,
    PORT: String(appPort),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    OUTBOX_DISPATCH: 'true',
    // The limiter runs and sets its headers on every answer; the budget is far above what the
    // load's few users send (at small scale 18 users share thousands of requests per second).
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const appUrl = `http://127.0.0.1:${appPort}`;
  let event;
  let mixed;
  let rss;
  const latency = [];
  try {
    await waitHealthy(baseUrl, baseline);
    await waitHealthy(appUrl, app);
    rss = rssSampler(app.child.pid);
    log(`API pid ${app.child.pid}; baseline (node:http + pg, same SQL) on port ${basePort}`);
    const label = {
      incoming: 'GET incoming box page',
      outgoing: 'GET outgoing box page',
      ticket: 'GET one ticket',
      search: 'GET search (q)',
      create: 'POST ticket',
      comment: 'POST comment',
      close: 'POST close (+trigger)',
      inbox: 'GET inbox',
    };
    // Warm-up: both servers run every read (and create) at full concurrency before anything is
    // measured, so neither is judged while its JIT is still compiling (the app has far more code to
    // optimise: a 3 s warm-up left its first pair at half speed).
    for (const [url, requests] of [
      [baseUrl, sc.incoming],
      [appUrl, sc.incoming],
      [baseUrl, sc.outgoing],
      [appUrl, sc.outgoing],
      [baseUrl, sc.ticket],
      [appUrl, sc.ticket],
      [baseUrl, sc.search],
      [appUrl, sc.search],
    ]) {
      if (args.warmup > 0) await cannon(url, { requests, connections: args.connections, duration: args.warmup });
    }
    log('warm-up done');
    for (const k of ['incoming', 'outgoing', 'ticket', 'search'])
      rows.push(...(await measurePairs(k, label[k], baseUrl, appUrl, sc[k], rss)));
    log(`latency at a fixed rate (open loop, ${args.connections} connections)`);
    for (const k of ['incoming', 'outgoing', 'ticket', 'search'])
      latency.push(
        ...(await measureLatency(
          k,
          label[k],
          baseUrl,
          appUrl,
          sc[k],
          k === 'search' ? args.searchRate : args.latencyRate,
          rss,
        )),
      );
    // Ticket create in pairs too (the baseline runs the app's statements with the same group commit:
    // two reads, then one transaction with the tickets and their outbox events, for every creation
    // that arrived meanwhile). Each side starts with an empty outbox, so the app's dispatcher is not
    // still busy with the previous run's events.
    const drainOutbox = async () => {
      const until = Date.now() + 120_000;
      while ((await outboxPending()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    };
    if (args.warmup > 0) {
      await cannon(baseUrl, { requests: sc.create, connections: args.connections, duration: Math.min(2, args.warmup) });
      await cannon(appUrl, { requests: sc.create, connections: args.connections, duration: Math.min(2, args.warmup) });
    }
    rows.push(...(await measurePairs('create', label.create, baseUrl, appUrl, sc.create, rss, drainOutbox)));
    await stopProcess(baseline);
    // Issue 13: create with a fresh Idempotency-Key per request against create without one, in pairs.
    if (args.warmup > 0)
      await cannon(appUrl, {
        requests: sc.createWithKey,
        connections: args.connections,
        duration: Math.min(2, args.warmup),
      });
    rows.push(
      ...(await measureVariantPairs(
        'create-key',
        'POST ticket with Idempotency-Key',
        label.create,
        { url: appUrl, requests: sc.create },
        { url: appUrl, requests: sc.createWithKey },
        rss,
        drainOutbox,
      )),
    );
    // Issue 13: the rate-limit headers on reads, against a second API with the limit off (same build, same database).
    const offPort = await freePort();
    const off = startProcess('api (rate limit off)', ['--max-old-space-size=192', 'dist/backend/main.js'], {
      DATABASE_URL: dbUrl,
      PORT: String(offPort),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      OUTBOX_DISPATCH: 'false',
      API_RATE_LIMIT_PER_MINUTE: '0',
    });
    const offUrl = `http://127.0.0.1:${offPort}`;
    try {
      await waitHealthy(offUrl, off);
      for (const k of ['ticket', 'incoming']) {
        if (args.warmup > 0)
          await cannon(offUrl, { requests: sc[k], connections: args.connections, duration: args.warmup });
        rows.push(
          ...(await measureVariantPairs(
            `${k}-ratelimit`,
            `${label[k]} (rate-limit headers)`,
            `${label[k]} (rate limit off)`,
            { url: offUrl, requests: sc[k] },
            { url: appUrl, requests: sc[k] },
            null,
          )),
        );
      }
    } finally {
      await stopProcess(off);
    }
    for (const k of ['comment', 'close', 'inbox']) {
      // close: each request closes the next open ticket (fixtures hold up to 60k; wrapping round would give 409s).
      // Each run starts with an empty outbox: the previous run's events are not delivered during this one.
      await drainOutbox();
      const r = await measure(label[k], appUrl, sc[k], rss);
      rows.push({ key: k, name: label[k], ...r, ratio: null });
      if (k === 'close') {
        r.outboxPending = await outboxPending();
        log(`  outbox backlog after ${k}: ${r.outboxPending} pending events`);
      }
    }
    // Fixed rate: a mix of reads and writes at --rate req/s (open loop), with the close → message
    // probe running. The write runs leave an outbox backlog (they produce events faster than handlers
    // run them); let it drain first, so the probe measures the event path under the fixed-rate load,
    // not the backlog.
    const drainStart = Date.now();
    const backlog = await outboxPending();
    while ((await outboxPending()) > 0 && Date.now() - drainStart < 90_000)
      await new Promise((r) => setTimeout(r, 250));
    const drainSeconds = (Date.now() - drainStart) / 1000;
    log(
      `  outbox backlog of ${backlog} events drained in ${drainSeconds.toFixed(1)} s (${(backlog / Math.max(drainSeconds, 0.001)).toFixed(0)} events/s idle)`,
    );
    const kinds = ['incoming', 'outgoing', 'ticket', 'search', 'create', 'comment', 'inbox'];
    const perKind = Math.ceil((args.rate * (args.duration + Math.max(2, Math.min(10, args.warmup)))) / kinds.length);
    const lists = kinds.map((k) => requestsOf(sc[k][0], perKind, k));
    const mix = Array.from(
      { length: perKind * kinds.length },
      (_, n) => lists[n % kinds.length][Math.floor(n / kinds.length)],
    );
    log(`fixed rate ${args.rate} req/s (mixed, open loop), probing close → message`);
    const warmSeconds = Math.max(2, Math.min(10, args.warmup));
    const warmCount = Math.ceil(args.rate * warmSeconds);
    await openLoopInChild({
      url: appUrl,
      requests: mix.slice(0, warmCount),
      rate: args.rate,
      duration: warmSeconds,
      connections: args.connections,
    });
    rss.window();
    const until = Date.now() + args.duration * 1000;
    const [fixed, ev] = await Promise.all([
      openLoopInChild({
        url: appUrl,
        requests: mix.slice(warmCount),
        rate: args.rate,
        duration: args.duration,
        connections: args.connections,
      }),
      probeEvents(appUrl, fx, until),
    ]);
    if (fixed.errors > 0) log(`  ${fixed.errors} errors; samples: ${JSON.stringify(fixed.errorsSeen)}`);
    mixed = { ...fixed, rssMb: Math.round(rss.windowMax()) };
    event = { ...ev, outboxPendingAfter: await outboxPending(), backlogBefore: backlog, drainSeconds };
    log(
      `  fixed-rate mix         ${args.rate} req/s  p50 ${fmt(fixed.p50, 1)} ms  p99 ${fmt(fixed.p99, 1)} ms  errors ${fixed.errors}  rss ${mixed.rssMb} MB`,
    );
    for (const [k, v] of Object.entries(fixed.kinds ?? {}))
      log(`    ${k.padEnd(10)} p50 ${fmt(v.p50, 1)} ms  p99 ${fmt(v.p99, 1)} ms  max ${fmt(v.max, 1)} ms`);
    log(
      `  close → message        p50 ${fmt(ev.p50, 1)} ms  p99 ${fmt(ev.p99, 1)} ms  (${ev.samples} samples, ${ev.failures} failures)`,
    );
  } finally {
    rss?.stop();
    await stopProcess(baseline);
    await stopProcess(app);
  }

  const rssMax = rss.overall();
  const targets = checkTargets(rows, latency, event, rssMax);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'cpu',
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: `PostgreSQL ${postgres}`,
  };
  const results = {
    scale: args.scale,
    duration: args.duration,
    connections: args.connections,
    rounds: args.rounds,
    rate: args.rate,
    startedAt: new Date(started).toISOString(),
    latencyRate: args.latencyRate,
    searchRate: args.searchRate,
    warmup: args.warmup,
    machine,
    seed: seedResult,
    rows,
    latency,
    mixed,
    event: { ...event, failures: event.failures },
    rssMaxMb: Math.round(rssMax),
    targets,
    totalSeconds: (Date.now() - started) / 1000,
  };
  const md = report(results);
  console.log(`\n${md}`);
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.md'), md);
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote bench/results/latest.md and latest.json (${results.totalSeconds.toFixed(0)} s in all)`);

  if (ownDb && !args.keepDb)
    await withClient(adminUrl, (c) => c.query(`drop database if exists "${dbName}" with (force)`));
  const errors =
    rows.reduce((n, r) => n + r.errors, 0) + latency.reduce((n, r) => n + r.errors, 0) + mixed.errors + event.failures;
  if (errors > 0) {
    console.error(`${errors} errors`);
    return 1;
  }
  if (args.strict && targets.some((t) => !t.met)) return 1;
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error);
    for (const c of children) c.kill('SIGTERM');
    process.exit(1);
  },
);
