// Open-loop runs at a fixed rate (latency from each request's scheduled time) and the close → message probe.
import { createRequire } from 'node:module';
import { benchUserId } from '../../tools/seed-scale.mjs';
import { openLoopInChild } from '../open-loop.mjs';
import { args, dbUrl, log } from './context.mjs';
import { fmt } from './format.mjs';
import { bearer, requestsOf } from './scenarios.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

/**
 * Latency at a fixed rate (open loop) over --connections connections: baseline, then app, each
 * after a warm-up at the same rate. The request generator is the same for both.
 */
export async function measureLatency(key, name, baseUrl, appUrl, requests, rate, rss) {
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
 * Latency of the app alone at a fixed rate (open loop), after a warm-up: for the requests the
 * baseline server does not answer (issue 15's filters, sorts and prefix searches).
 */
export async function measureAppLatency(key, name, appUrl, requests, rate, rss) {
  const list = requestsOf(requests[0], Math.min(5000, Math.ceil(rate * args.duration)));
  const run = { url: appUrl, requests: list, rate, connections: args.connections };
  await openLoopInChild({ ...run, duration: Math.min(2, args.duration) });
  rss?.window();
  const r = await openLoopInChild({ ...run, duration: args.duration });
  if (r.errors > 0) log(`  ${r.errors} errors; samples: ${JSON.stringify(r.errorsSeen)}`);
  log(
    `  ${`${name} @ ${rate}/s`.padEnd(34)} p50 ${fmt(r.p50, 1)} ms  p90 ${fmt(r.p90, 1)} ms  p99 ${fmt(r.p99, 1)} ms  max ${fmt(r.max, 1)} ms  errors ${r.errors}`,
  );
  const { sent, completed, errors, p50, p90, p99, max } = r;
  return {
    key,
    name,
    rate,
    sent,
    completed,
    errors,
    p50,
    p90,
    p99,
    max,
    rssMb: rss ? Math.round(rss.windowMax()) : null,
  };
}

/**
 * close → message: create and close a fresh ticket as the probe creator, then wait for the trigger's
 * message to the assignee. The wait watches the messages table (a 2 ms poll on its own connection,
 * which costs the API nothing, where polling the API would itself be a load on it); once the row is
 * there, the assignee's inbox is read through the API, and the sample is the time from the close's
 * answer to that read's answer showing the message.
 */
export async function probeEvents(base, fx, until) {
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
