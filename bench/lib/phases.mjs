// The stages of a run once the servers are up, in the order run.mjs calls them.
import { randomBytes } from 'node:crypto';
import { openLoopInChild } from '../open-loop.mjs';
import { args, dbUrl, log, outboxPending } from './context.mjs';
import { fmt } from './format.mjs';
import { probeEvents } from './latency.mjs';
import { freePort, startProcess, stopProcess, waitHealthy } from './processes.mjs';
import { requestsOf } from './scenarios.mjs';
import { cannon, measure, measureVariantPairs } from './throughput.mjs';

export const LABEL = {
  incoming: 'GET incoming box page',
  outgoing: 'GET outgoing box page',
  ticket: 'GET one ticket',
  search: 'GET search (q)',
  filtered: 'GET filtered / sorted list',
  prefix: 'GET search by word prefix',
  customerSearch: 'GET search by customer name',
  viewCounts: 'GET saved view counts (10 views)',
  create: 'POST ticket',
  comment: 'POST comment',
  close: 'POST close (+trigger)',
  inbox: 'GET inbox',
};

/**
 * The API started as `npm start` starts it (tools/start.mjs): heap bounded at 192 MB.
 * BENCH_API_NODE_ARGS adds Node flags to every instance, for profiling (for example
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`; a profile is written when the bench stops the instance).
 */
export async function startApi(name, env) {
  const port = await freePort();
  const api = startProcess(
    name,
    ['--max-old-space-size=192', ...(process.env.BENCH_API_NODE_ARGS?.split(' ') ?? []), 'dist/backend/main.js'],
    {
      DATABASE_URL: dbUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ...env,
    },
  );
  return { ...api, url: `http://127.0.0.1:${port}` };
}

/**
 * Warm-up: both servers run every read (and create) at full concurrency before anything is
 * measured, so neither is judged while its JIT is still compiling (the app has far more code to
 * optimise: a 3 s warm-up left its first pair at half speed).
 */
export async function warmUpReads(baseUrl, appUrl, sc) {
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
}

/** Waits (up to 2 minutes) until the outbox holds no pending event. */
export async function drainOutbox() {
  const until = Date.now() + 120_000;
  while ((await outboxPending()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
}

/**
 * The rate limit's cost (issue 13: none measurable): two fresh instances started alike, one with
 * the limit off, one with it on (its headers on every answer), neither dispatching, both warmed up,
 * compared in pairs. Not against the main API: that one has run every earlier phase and is still
 * delivering their events, which once made the headers look like a fifth of the throughput.
 */
export async function rateLimitPairs(sc) {
  const rows = [];
  await drainOutbox();
  const off = await startApi('api (rate limit off)', { OUTBOX_DISPATCH: 'false', API_RATE_LIMIT_PER_MINUTE: '0' });
  const on = await startApi('api (rate-limit headers)', {
    OUTBOX_DISPATCH: 'false',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  try {
    await waitHealthy(off.url, off);
    await waitHealthy(on.url, on);
    for (const k of ['ticket', 'incoming']) {
      if (args.warmup > 0)
        for (const api of [off, on])
          await cannon(api.url, { requests: sc[k], connections: args.connections, duration: args.warmup });
      rows.push(
        ...(await measureVariantPairs(
          `${k}-ratelimit`,
          `${LABEL[k]} (rate-limit headers)`,
          `${LABEL[k]} (rate limit off)`,
          { url: off.url, requests: sc[k] },
          { url: on.url, requests: sc[k] },
          null,
        )),
      );
    }
  } finally {
    await stopProcess(on);
    await stopProcess(off);
  }
  return rows;
}

/**
 * Comment, close and inbox, one closed-loop run each. close: each request closes the next open
 * ticket (fixtures hold up to 60k; wrapping round would give 409s). Each run starts with an empty
 * outbox: the previous run's events are not delivered during this one.
 */
export async function writeRuns(appUrl, sc, rss) {
  const rows = [];
  for (const k of ['comment', 'close', 'inbox']) {
    await drainOutbox();
    const r = await measure(LABEL[k], appUrl, sc[k], rss);
    rows.push({ key: k, name: LABEL[k], ...r, ratio: null });
    if (k === 'close') {
      r.outboxPending = await outboxPending();
      log(`  outbox backlog after ${k}: ${r.outboxPending} pending events`);
    }
  }
  return rows;
}

/**
 * Fixed rate: a mix of reads and writes at --rate req/s (open loop), with the close → message
 * probe running. The write runs leave an outbox backlog (they produce events faster than handlers
 * run them); let it drain first, so the probe measures the event path under the fixed-rate load,
 * not the backlog.
 */
export async function fixedRateMix(appUrl, sc, fx, rss) {
  const drainStart = Date.now();
  const backlog = await outboxPending();
  while ((await outboxPending()) > 0 && Date.now() - drainStart < 90_000) await new Promise((r) => setTimeout(r, 250));
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
  const mixed = { ...fixed, rssMb: Math.round(rss.windowMax()) };
  const event = { ...ev, outboxPendingAfter: await outboxPending(), backlogBefore: backlog, drainSeconds };
  log(
    `  fixed-rate mix         ${args.rate} req/s  p50 ${fmt(fixed.p50, 1)} ms  p99 ${fmt(fixed.p99, 1)} ms  errors ${fixed.errors}  rss ${mixed.rssMb} MB`,
  );
  for (const [k, v] of Object.entries(fixed.kinds ?? {}))
    log(`    ${k.padEnd(10)} p50 ${fmt(v.p50, 1)} ms  p99 ${fmt(v.p99, 1)} ms  max ${fmt(v.max, 1)} ms`);
  log(
    `  close → message        p50 ${fmt(ev.p50, 1)} ms  p99 ${fmt(ev.p99, 1)} ms  (${ev.samples} samples, ${ev.failures} failures)`,
  );
  return { mixed, event };
}
