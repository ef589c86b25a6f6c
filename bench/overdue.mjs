#!/usr/bin/env node
// `npm run bench:overdue -- --scale small|large`: issue 16's overdue scenario on its own. N open
// tickets (large 100,000; small 5,000) fall due at the same instant of one minute while two API
// instances run the overdue scheduler (ADR 0013). It checks that every ticket.overdue is published
// within 30 s of the due time and each exactly once, and measures ticket reads (GET
// /api/tickets/:id) and writes (POST /api/tickets) for --duration seconds before (normal) and from
// the due time on (during). "Normal" runs after the due times are set and before they pass, so
// that normal and during differ in the drain alone; "before" (before the UPDATE that sets them)
// is kept beside it, to show what that UPDATE's new row versions cost the reads after it. "After"
// runs once every event is delivered: "during" is judged against the mean of normal and after,
// which bracket it, so a machine that speeds up or slows down over the run does not read as the
// drain's doing.
// Writes bench/results/overdue-<scale>.{md,json}.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { args, dbUrl, log, root, withClient } from './lib/context.mjs';
import { loadFixtures, prepareDatabase } from './lib/database.mjs';
import { startApi } from './lib/phases.mjs';
import { stopProcess, waitHealthy } from './lib/processes.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { cannon } from './lib/throughput.mjs';

const COUNT = args.due ?? { small: 5_000, large: 100_000 }[args.scale];
const WITHIN_MS = 30_000;
// The due time is this far ahead of the UPDATE that sets it, which must commit before it (at the
// large scale giving 100,000 tickets their due time takes tens of seconds itself), and the normal
// loads after it must end before it too.
const SETUP_MS = { small: 5_000, large: 60_000 }[args.scale];
const LOADS_MS = 2 * (args.duration + 2) * 1000;
const LEAD_MS = SETUP_MS + LOADS_MS;

const apiEnv = { OUTBOX_DISPATCH: 'true', DUE_SCHEDULER: 'true', API_RATE_LIMIT_PER_MINUTE: '1000000' };

async function loads(label, urls, sc) {
  const rows = [];
  for (const k of ['ticket', 'create']) {
    // Both instances take load, as behind a load balancer.
    const runs = await Promise.all(
      urls.map((url) =>
        cannon(url, { requests: sc[k], connections: Math.max(1, args.connections / 2), duration: args.duration }),
      ),
    );
    const row = {
      phase: label,
      kind: k,
      rps: runs.reduce((a, r) => a + r.rps, 0),
      p50: Math.max(...runs.map((r) => r.p50)),
      p99: Math.max(...runs.map((r) => r.p99)),
    };
    log(`  ${label} ${k}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms`);
    rows.push(row);
  }
  return rows;
}

/** Copies open tickets (same parties, new ids) until at least `n` are open: `--due` above the data set's. */
async function ensureOpenTickets(n) {
  await withClient(dbUrl, async (c) => {
    const open = (await c.query(`select count(*)::int as n from tickets where status <> 'closed'`)).rows[0].n;
    if (open >= n) return;
    const copies = Math.ceil((n - open) / open);
    await c.query(
      `insert into tickets (id, creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, created_at, updated_at)
       select gen_random_uuid(), creator_id, assignee_id, customer_id, title, description, type, priority, topic, status, created_at, updated_at
         from tickets cross join generate_series(1, $1::int) where status <> 'closed'`,
      [copies],
    );
    await c.query('vacuum analyze tickets');
    log(`copied open tickets: ${open} → ${open * (copies + 1)}`);
  });
}

/**
 * Polls a cheap count every `everyMs` until it is 0 or the deadline passes; returns whether it
 * reached 0. The polls run while the loads are measured, so each reads a partial index (never the
 * event log, which holds every earlier run's events: a scan of it four times a second would be load
 * of its own). Their answer only ends the wait (the figures come from the log afterwards), so the
 * poll during the drain runs once a second: its count of the waiting tickets takes milliseconds.
 */
async function untilNone(count, deadline, everyMs) {
  return withClient(dbUrl, async (c) => {
    while ((await count(c)) > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((res) => setTimeout(res, everyMs));
    }
    return true;
  });
}

/** Tickets due at `dueAt` still waiting for their event (the scheduler's own partial index). */
const waiting = (dueAt) => async (c) =>
  (
    await c.query(
      `select count(*)::int as n from ticket_overdue o
        where o.due_at is not null and o.open and not (o.due_at = any(o.published)) and o.due_at = $1`,
      [dueAt],
    )
  ).rows[0].n;

/** ticket.overdue events not yet delivered (the pending events' partial index). */
const pending = async (c) =>
  (await c.query(`select count(*)::int as n from outbox_events where status = 'pending' and name = 'ticket.overdue'`))
    .rows[0].n;

/** The due time's events, once every poll is over: how many, for how many tickets, the last published and delivered. */
const eventsOf = (dueAt) =>
  withClient(
    dbUrl,
    async (c) =>
      (
        await c.query(
          `select count(*)::int as events, count(distinct subject_id)::int as tickets,
                  count(*) filter (where status = 'pending')::int as pending,
                  extract(epoch from max(occurred_at) - $1::timestamptz)::float8 * 1000 as last_ms,
                  extract(epoch from max(processed_at) - $1::timestamptz)::float8 * 1000 as delivered_ms
             from outbox_events where name = 'ticket.overdue' and payload->'ticket'->>'dueAt' = $2`,
          [dueAt, dueAt.toISOString()],
        )
      ).rows[0],
  );

async function main() {
  await prepareDatabase();
  const fx = await loadFixtures();
  const sc = scenarios(fx);
  // One instance migrates first; the second starts on the migrated database.
  const a = await startApi('api-1', apiEnv);
  await waitHealthy(a.url, a);
  const b = await startApi('api-2', apiEnv);
  const result = { scale: args.scale, count: COUNT, withinMs: WITHIN_MS, loads: [] };
  try {
    await waitHealthy(b.url, b);
    const urls = [a.url, b.url];
    await cannon(a.url, { requests: sc.ticket, connections: args.connections, duration: Math.min(args.warmup, 5) });
    result.loads.push(...(await loads('before', urls, sc)));

    await ensureOpenTickets(COUNT);
    // N open tickets due at one instant, LEAD_MS from now on the database's clock.
    const dueAt = await withClient(dbUrl, async (c) => {
      const { rows } = await c.query(
        `with picked as (select id from tickets where status <> 'closed' order by created_at desc limit $1),
              due as (select date_trunc('second', now()) + make_interval(secs => $2::float8 / 1000) as at)
         update tickets t set due_at = due.at from picked, due where t.id = picked.id returning due.at`,
        [COUNT, LEAD_MS],
      );
      if (rows.length !== COUNT) throw new Error(`only ${rows.length} open tickets to fall due, wanted ${COUNT}`);
      const late = (await c.query(`select now() >= $1::timestamptz as late`, [rows[0].at])).rows[0].late;
      if (late) throw new Error(`setting ${COUNT} due times took longer than the lead of ${LEAD_MS} ms`);
      // As autovacuum would soon: the runs after this one read a table whose due dates just changed.
      await c.query('analyze tickets');
      return rows[0].at;
    });
    log(`${COUNT} tickets due at ${dueAt.toISOString()}`);
    result.loads.push(...(await loads('normal', urls, sc)));
    await withClient(dbUrl, async (c) => {
      if ((await c.query(`select now() >= $1::timestamptz as late`, [dueAt])).rows[0].late)
        throw new Error(`the normal loads ended after the due time: a lead of ${LEAD_MS} ms is too short`);
    });
    const wait = await withClient(
      dbUrl,
      async (c) => (await c.query(`select $1::timestamptz - now() as w`, [dueAt])).rows[0].w,
    );
    const waitMs = Math.max(0, (wait.seconds ?? 0) * 1000 + (wait.milliseconds ?? 0));
    await new Promise((r) => setTimeout(r, waitMs));
    const during = loads('during', urls, sc);
    const deadline = Date.now() + 120_000;
    await untilNone(waiting(dueAt), deadline, 1_000);
    result.loads.push(...(await during));
    // Everything the schedulers could still publish for this due time, after both had their ticks.
    await new Promise((r) => setTimeout(r, 3_000));
    const drained = await untilNone(pending, deadline + 60_000, 250);
    const seen = await eventsOf(dueAt);
    result.events = seen.events;
    result.deliveredMs = drained && seen.pending === 0 ? Math.round(seen.delivered_ms) : null;
    log(`every ticket.overdue delivered ${result.deliveredMs} ms after the due time`);
    result.tickets = seen.tickets;
    result.lastPublishedMs = Math.round(seen.last_ms);
    result.ok = seen.events === COUNT && seen.tickets === COUNT && seen.last_ms <= WITHIN_MS;
    log(
      `${seen.events} ticket.overdue events for ${seen.tickets} tickets; the last ${result.lastPublishedMs} ms after the due time: ${result.ok ? 'OK' : 'FAILED'}`,
    );
    result.loads.push(...(await loads('after', urls, sc)));
  } finally {
    await stopProcess(b);
    await stopProcess(a);
  }
  const phases = (k) =>
    ['before', 'normal', 'during', 'after'].map((phase) => result.loads.find((l) => l.phase === phase && l.kind === k));
  // During against the mean of the runs that bracket it.
  result.shares = Object.fromEntries(
    ['ticket', 'create'].map((k) => {
      const [, n, d, a] = phases(k);
      return [k, d.rps / ((n.rps + a.rps) / 2)];
    }),
  );
  const row = (k) => {
    const [b, n, d, a] = phases(k);
    const share = `${Math.round(100 * result.shares[k])} %`;
    return `| ${k === 'ticket' ? 'GET /api/tickets/:id' : 'POST /api/tickets'} | ${b.rps.toFixed(0)} | ${n.rps.toFixed(0)} | ${d.rps.toFixed(0)} | ${a.rps.toFixed(0)} | ${share} | ${n.p50} / ${n.p99} | ${d.p50} / ${d.p99} |`;
  };
  const md = [
    `# Overdue scenario (${args.scale}): ${COUNT} tickets falling due at once, two instances`,
    '',
    `- ticket.overdue events: ${result.events} for ${result.tickets} tickets (each once: ${result.events === result.tickets})`,
    `- last published ${result.lastPublishedMs} ms after the due time (target ≤ ${WITHIN_MS} ms): ${result.ok ? 'met' : 'MISSED'}`,
    `- last delivered to the handlers ${result.deliveredMs ?? 'never'} ms after the due time`,
    '',
    '"Before": before the due times are set; "normal": after they are set, before they pass; "during": from the due time on; "after": once every event is delivered. The share is during against the mean of normal and after (target ≥ 80 %).',
    '',
    '| Request | req/s before | req/s normal | req/s during | req/s after | during / mean(normal, after) | p50 / p99 ms normal | p50 / p99 ms during |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row('ticket'),
    row('create'),
    '',
  ].join('\n');
  const out = path.join(root, 'bench/results', `overdue-${args.scale}${args.due ? `-${COUNT}` : ''}`);
  writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${out}.md`, md);
  log(`wrote ${out}.md`);
  if (!result.ok) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
