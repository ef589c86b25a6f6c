#!/usr/bin/env node
// `npm run bench:stats -- --scale small|large`: the dashboard's part of the bench (issue 16) alone.
//   - GET /api/stats for a year (Europe/Berlin) for a user with 100k tickets, open loop at
//     --latency-rate; the target is p99 ≤ 100 ms;
//   - the rollups' write overhead: POST ticket and POST close throughput (fixed connections) with
//     the triggers on tickets disabled and enabled, in --rounds back-to-back pairs.
// Writes bench/results/stats-latest.{md,json}. Same database and options as bench/run.mjs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openLoopInChild } from './open-loop.mjs';
import { args, dbUrl, log, root, withClient } from './lib/context.mjs';
import { dropOwnDatabase, loadFixtures, prepareDatabase } from './lib/database.mjs';
import { fmt } from './lib/format.mjs';
import { drainOutbox, startApi } from './lib/phases.mjs';
import { stopProcess, waitHealthy } from './lib/processes.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { addStatsUser, removeStatsUser, STATS_TICKETS, statsToken } from './lib/stats-user.mjs';
import { measure } from './lib/throughput.mjs';

const TRIGGERS = ['tickets_stats_insert', 'tickets_stats_update', 'tickets_stats_delete'];
const setTriggers = (on) =>
  withClient(dbUrl, (c) =>
    c.query(TRIGGERS.map((t) => `alter table tickets ${on ? 'enable' : 'disable'} trigger ${t}`).join('; ')),
  );

async function main() {
  await prepareDatabase();
  const fx = await loadFixtures();
  const sc = scenarios(fx);
  const seededIn = await withClient(dbUrl, addStatsUser);
  if (seededIn !== null)
    log(`${STATS_TICKETS} tickets of the stats user written in ${seededIn.toFixed(1)} s (triggers on)`);
  const app = await startApi('api', { OUTBOX_DISPATCH: 'true', API_RATE_LIMIT_PER_MINUTE: '1000000' });
  const result = { scale: args.scale, startedAt: new Date().toISOString(), statsSeedSeconds: seededIn };
  try {
    await waitHealthy(app.url, app);
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const request = {
      method: 'GET',
      path: `/api/stats?from=${from}&to=${to}&tz=Europe%2FBerlin`,
      headers: { authorization: `Bearer ${statsToken()}` },
    };
    const n = Math.ceil(args.statsRate * args.duration);
    const run = {
      url: app.url,
      requests: Array(n).fill(request),
      rate: args.statsRate,
      connections: args.connections,
    };
    await openLoopInChild({ ...run, duration: Math.max(2, Math.min(args.warmup, args.duration)) });
    const r = await openLoopInChild({ ...run, duration: args.duration });
    log(
      `GET /api/stats (a year, 100k tickets) @ ${args.statsRate}/s  p50 ${fmt(r.p50, 1)} ms  p99 ${fmt(r.p99, 1)} ms  max ${fmt(r.max, 1)} ms  errors ${r.errors}`,
    );
    result.stats = {
      rate: args.statsRate,
      p50: r.p50,
      p90: r.p90,
      p99: r.p99,
      max: r.max,
      errors: r.errors,
      sent: r.sent,
    };

    result.writes = [];
    for (let round = 0; round < args.rounds; round++)
      for (const on of [false, true]) {
        await setTriggers(on);
        await drainOutbox();
        for (const [key, name] of [
          ['create', 'POST ticket'],
          ['close', 'POST close'],
        ]) {
          const m = await measure(`${name} (rollups ${on ? 'on' : 'off'})`, app.url, sc[key], null);
          result.writes.push({ key, rollups: on, round, rps: m.rps, p50: m.p50, p99: m.p99, errors: m.errors });
        }
      }
  } finally {
    await setTriggers(true);
    await stopProcess(app);
  }
  // The runs with the triggers off left the rollups behind the tickets: recompute them.
  await withClient(dbUrl, async (c) => {
    await removeStatsUser(c);
    await c.query('select ticket_stats_rebuild()');
  });
  const mean = (key, on) => {
    const xs = result.writes.filter((w) => w.key === key && w.rollups === on).map((w) => w.rps);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  result.overhead = Object.fromEntries(
    ['create', 'close'].map((k) => [
      k,
      { off: mean(k, false), on: mean(k, true), ratio: mean(k, true) / mean(k, false) },
    ]),
  );
  const lines = [
    `# Dashboard bench (${args.scale}, ${result.startedAt})`,
    '',
    `GET /api/stats for a year, user with ${STATS_TICKETS} tickets, ${args.statsRate}/s open loop: p50 ${fmt(result.stats.p50, 1)} ms, p99 ${fmt(result.stats.p99, 1)} ms, max ${fmt(result.stats.max, 1)} ms, errors ${result.stats.errors} (target p99 ≤ 100 ms: ${result.stats.p99 <= 100 ? 'met' : 'missed'})`,
    '',
    '| write | rollups off req/s | rollups on req/s | on/off |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(result.overhead).map(
      ([k, o]) => `| ${k} | ${o.off.toFixed(0)} | ${o.on.toFixed(0)} | ${o.ratio.toFixed(2)} |`,
    ),
    '',
  ];
  writeFileSync(path.join(root, 'bench/results/stats-latest.md'), lines.join('\n'));
  writeFileSync(path.join(root, 'bench/results/stats-latest.json'), JSON.stringify(result, null, 2) + '\n');
  log(lines.join('\n'));
  await dropOwnDatabase();
  const errors = result.stats.errors + result.writes.reduce((n, w) => n + w.errors, 0);
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
