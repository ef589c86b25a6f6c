// Issue 14's speed, part two: many open live streams (`GET /api/events`) on one instance while
// changes run, with the read and write throughput measured without and with them (the history
// is in history.mjs).
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchToken, benchUserId, SCALES } from '../../tools/seed-scale.mjs';
import { openLoopInChild } from '../open-loop.mjs';
import { args, dbUrl, log, withClient } from './context.mjs';
import { fmt } from './format.mjs';
import { drainOutbox, LABEL } from './phases.mjs';
import { children } from './processes.mjs';
import { bearer, requestsOf } from './scenarios.mjs';
import { measure } from './throughput.mjs';

/** The reads and the write compared without and with the streams open. */
const STREAM_KINDS = ['ticket', 'incoming', 'create'];
/** The child process that holds the streams (bench/live-streams.mjs), driven over IPC. */
function streamHolder() {
  const child = fork(new URL('../live-streams.mjs', import.meta.url).pathname, [], {
    execArgv: ['--max-old-space-size=256'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => children.delete(child));
  const gone = exited.then((code) => Promise.reject(new Error(`the stream holder exited with ${code}`)));
  gone.catch(() => {});
  const ask = (msg, type) => {
    const answer = new Promise((resolve) => {
      const on = (m) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m);
      };
      child.on('message', on);
    });
    child.send(msg);
    return Promise.race([answer, gone]);
  };
  return {
    open: (url, tokens, count) => ask({ type: 'open', url, tokens, count }, 'opened'),
    measure: () => child.send({ type: 'measure' }),
    report: () => ask({ type: 'report' }, 'report'),
    async close() {
      if (child.exitCode === null && child.connected) child.send({ type: 'close' });
      await exited;
    },
  };
}

/**
 * The changes of the streams run: PATCH (priority, with the version read here, each ticket once:
 * its oldest open tickets, far from the close run's newest-first ones), comment and close in turn,
 * all by load users on their own tickets, so every change is for streams that are open.
 */
async function changeRequests(sc, fx, count) {
  const per = Math.ceil(count / 3);
  const loadUsers = [...new Set(fx.forCreate.map((f) => f.user))];
  const loadIds = loadUsers.map(benchUserId);
  const userOf = new Map(loadUsers.map((n) => [benchUserId(n), n]));
  const rows = await withClient(
    dbUrl,
    async (c) =>
      (
        await c.query(
          `select id, creator_id, version, priority from tickets where creator_id = any($1::uuid[]) and status <> 'closed'
         order by created_at, id limit $2`,
          [loadIds, per],
        )
      ).rows,
  );
  if (rows.length < per) throw new Error(`only ${rows.length} open tickets to PATCH, ${per} needed`);
  const patches = rows.map((r) => ({
    method: 'PATCH',
    path: `/api/tickets/${r.id}`,
    headers: bearer(userOf.get(r.creator_id)),
    body: JSON.stringify({ version: r.version, priority: r.priority === 'urgent' ? 'low' : 'urgent' }),
    kind: 'patch',
  }));
  const comments = requestsOf(sc.comment[0], per, 'comment');
  const closes = requestsOf(sc.close[0], per, 'close');
  return Array.from({ length: per * 3 }, (_, n) => [patches, comments, closes][n % 3][Math.floor(n / 3)]);
}

/** Waits (at most 10 s) until no more events arrive: the last changes' events are counted too. */
async function settled(holder) {
  const until = Date.now() + 10_000;
  let last = await holder.report();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await holder.report();
    if (now.events === last.events) return now;
    last = now;
  }
  return last;
}

/** Changes at --change-rate (open loop) with the streams open: commit → event received, and the API's RSS. */
async function changesUnderStreams(appUrl, sc, fx, holder, rss) {
  const warm = Math.max(1, Math.min(2, args.warmup));
  const list = await changeRequests(sc, fx, Math.ceil(args.changeRate * (warm + args.duration)));
  const cut = Math.ceil(args.changeRate * warm);
  await openLoopInChild({
    url: appUrl,
    requests: list.slice(0, cut),
    rate: args.changeRate,
    duration: warm,
    connections: args.connections,
  });
  await settled(holder);
  holder.measure();
  rss.window();
  const changes = await openLoopInChild({
    url: appUrl,
    requests: list.slice(cut),
    rate: args.changeRate,
    duration: args.duration,
    connections: args.connections,
  });
  const events = await settled(holder);
  const rssMb = Math.round(rss.windowMax());
  if (changes.errors > 0) log(`  ${changes.errors} errors; samples: ${JSON.stringify(changes.errorsSeen)}`);
  log(
    `  changes @ ${args.changeRate}/s: p50 ${fmt(changes.p50, 1)} ms  p99 ${fmt(changes.p99, 1)} ms  errors ${changes.errors}; commit → event received over ${events.samples} deliveries: p50 ${fmt(events.p50, 1)} ms  p99 ${fmt(events.p99, 1)} ms  max ${fmt(events.max, 1)} ms; resets ${events.resets}, streams ended ${events.ended}; rss ${rssMb} MB`,
  );
  const { errorsSeen: _ignored, ...kept } = changes;
  return { changes: kept, events, rssMb };
}

/**
 * --rounds pairs: the reads and create of STREAM_KINDS without streams, then --streams streams
 * opened (Bearer tokens of every bench user in turn, from a child process) and the same runs with
 * them open; in the first round the changes run in between. Rows carry each pair's ratio.
 */
export async function liveStreams(appUrl, sc, fx, rss) {
  // Each stream is a socket in the API and one in the holder, both started by this process with its
  // limits: a soft limit of 1024 open files (a common default) would refuse 1000 streams (EMFILE).
  const files = Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity);
  if (files < args.streams + 256)
    throw new Error(`${args.streams} streams need more open files than the limit of ${files}: raise it (ulimit -n)`);
  const users = SCALES[args.scale].users;
  const tokens = Array.from({ length: users }, (_, n) => benchToken(n));
  log(`live streams: ${args.streams} open on the API (${users} users), changes at ${args.changeRate}/s`);
  const pairs = Object.fromEntries(STREAM_KINDS.map((k) => [k, []]));
  const out = { streams: args.streams, users, changeRate: args.changeRate, streamErrors: 0 };
  for (let round = 1; round <= args.rounds; round++) {
    const without = {};
    for (const k of STREAM_KINDS) {
      if (k === 'create') await drainOutbox();
      without[k] = await measure(`${LABEL[k]} (no streams) #${round}`, appUrl, sc[k], rss);
    }
    await drainOutbox();
    rss.window();
    const rssBefore = rss.windowMax();
    const holder = streamHolder();
    try {
      const t0 = performance.now();
      const opened = await holder.open(appUrl, tokens, args.streams);
      const openSeconds = (performance.now() - t0) / 1000;
      log(
        `  ${opened.opened} streams open in ${openSeconds.toFixed(1)} s (${opened.failed} refused${opened.failed ? `: ${opened.errors.join('; ')}` : ''}); rss ${Math.round(rssBefore)} → ${Math.round(rss.windowMax())} MB`,
      );
      out.streamErrors += opened.failed;
      if (round === 1) Object.assign(out, { openSeconds, rssBeforeMb: Math.round(rssBefore) });
      if (round === 1) Object.assign(out, await changesUnderStreams(appUrl, sc, fx, holder, rss));
      holder.measure();
      for (const k of STREAM_KINDS) {
        if (k === 'create') await drainOutbox();
        const r = await measure(`${LABEL[k]} (${args.streams} streams) #${round}`, appUrl, sc[k], rss);
        pairs[k].push({ r: without[k], v: r, ratio: r.rps / without[k].rps });
      }
      const after = await settled(holder);
      // A stream refused, or one that ended (a reset ends it too) while it should be open, is an error of the run.
      out.streamErrors += opened.opened - after.open;
      out.rssWithStreamsMb = Math.max(out.rssWithStreamsMb ?? 0, Math.round(rss.windowMax()));
    } finally {
      await holder.close();
    }
  }
  if (out.streamErrors > 0) log(`  ${out.streamErrors} stream errors (refused, reset or ended)`);
  const rows = [];
  for (const k of STREAM_KINDS) {
    const ps = pairs[k];
    const mid = [...ps].sort((x, y) => x.ratio - y.ratio)[Math.floor((ps.length - 1) / 2)];
    const row = (side, key, name, ratio, ratioTo) => ({
      key,
      name,
      rps: ps.reduce((n, p) => n + p[side].rps, 0) / ps.length,
      requests: ps.reduce((n, p) => n + p[side].requests, 0),
      p50: mid[side].p50,
      p99: Math.max(...ps.map((p) => p[side].p99)),
      errors: ps.reduce((n, p) => n + p[side].errors, 0),
      rssMb: Math.max(...ps.map((p) => p[side].rssMb ?? 0)) || null,
      pairRatios: side === 'v' ? ps.map((p) => p.ratio) : null,
      ratio,
      ratioTo,
    });
    const ref = `${LABEL[k]} (no streams)`;
    rows.push(row('r', `${k}-nostreams`, ref, null, null));
    rows.push(row('v', `${k}-streams`, `${LABEL[k]} (${args.streams} streams open)`, mid.ratio, ref));
    log(
      `  ${k} with streams: ratio per pair ${ps.map((p) => `${(p.ratio * 100).toFixed(0)}%`).join(', ')} → median ${(mid.ratio * 100).toFixed(0)}%`,
    );
  }
  return { rows, live: out };
}
