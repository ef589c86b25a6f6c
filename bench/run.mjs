#!/usr/bin/env node
// `npm run bench -- --scale small|large --duration <s>`: seeds (or reuses) a benchmark database,
// starts the BUILT API (node dist/backend/main.js) and the bare baseline (bench/baseline-server.mjs),
// loads both and writes bench/results/latest.{md,json}:
//   - throughput: autocannon with --connections fixed connections (closed loop), baseline/app pairs;
//   - latency: an open-loop run per read endpoint at a fixed rate over the same number of connections
//     (bench/open-loop.mjs), baseline then app, latencies measured from each request's scheduled time;
//   - a fixed-rate mixed run (open loop) during which close → message is probed;
//   - issue 14 (bench/lib/live.mjs): a ticket's history in the open-loop runs, and --streams live
//     streams open while changes run (commit → event received), with reads and create without/with them.
// `npm run bench -- --help` lists the options (bench/lib/options.mjs). The parts, in bench/lib/:
// context (options, log, database URLs), database (seed, fixtures), processes (servers, memory),
// scenarios (the requests), throughput and latency (the runs), phases (the stages below), report.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulkCloseRuns, takeBulkBatches } from './lib/bulk.mjs';
import { args, dbUrl, log, root, withClient } from './lib/context.mjs';
import { dropOwnDatabase, loadFixtures, prepareDatabase } from './lib/database.mjs';
import { measureAppLatency, measureLatency } from './lib/latency.mjs';
import { historyFixtures, measureHistory } from './lib/history.mjs';
import { liveStreams } from './lib/live.mjs';
import { drainOutbox, fixedRateMix, LABEL, rateLimitPairs, startApi, warmUpReads, writeRuns } from './lib/phases.mjs';
import { children, freePort, rssSampler, startProcess, stopProcess, waitHealthy } from './lib/processes.mjs';
import { checkTargets, writeReport } from './lib/report.mjs';
import { seedBenchViews } from './lib/saved-views.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { cannon, measurePairs, measureVariantPairs } from './lib/throughput.mjs';

async function main() {
  const started = Date.now();
  if (!existsSync(path.join(root, 'dist/backend/main.js')))
    throw new Error('dist/backend/main.js is missing: run `npx tsc -b backend/tsconfig.app.json` (npm run bench does)');
  const seedResult = await prepareDatabase();
  const fx = await loadFixtures();
  // Before the scenarios: the bulk close's tickets are kept out of the single-close run.
  const bulkBatches = takeBulkBatches(fx);
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
  const app = await startApi('api', {
    OUTBOX_DISPATCH: 'true',
    // The limiter runs and sets its headers on every answer; the budget is far above what the
    // load's few users send (at small scale 18 users share thousands of requests per second).
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const appUrl = app.url;
  let event;
  let mixed;
  let bulk;
  let rss;
  let live;
  const latency = [];
  try {
    await waitHealthy(baseUrl, baseline);
    await waitHealthy(appUrl, app);
    rss = rssSampler(app.child.pid);
    log(`API pid ${app.child.pid}; baseline (node:http + pg, same SQL) on port ${basePort}`);
    await warmUpReads(baseUrl, appUrl, sc);
    for (const k of ['incoming', 'outgoing', 'ticket', 'search'])
      rows.push(...(await measurePairs(k, LABEL[k], baseUrl, appUrl, sc[k], rss)));
    log(`latency at a fixed rate (open loop, ${args.connections} connections)`);
    for (const k of ['incoming', 'outgoing', 'ticket', 'search'])
      latency.push(
        ...(await measureLatency(
          k,
          LABEL[k],
          baseUrl,
          appUrl,
          sc[k],
          k === 'search' ? args.searchRate : args.latencyRate,
          rss,
        )),
      );
    // Issue 15: the list's filters and sorts and the prefix and customer-name searches (the baseline
    // server has no such queries, so the app alone, at the search rate).
    for (const k of ['filtered', 'prefix', 'customerSearch'])
      latency.push(await measureAppLatency(k, LABEL[k], appUrl, sc[k], args.searchRate, rss));
    // Issue 15: the counts of ten saved views per user (one statement over the list's predicates).
    await seedBenchViews([...new Set(fx.visible.map((v) => v.user))]);
    latency.push(await measureAppLatency('viewCounts', LABEL.viewCounts, appUrl, sc.viewCounts, args.countsRate, rss));
    // Issue 14: the first page of a ticket's history with 200 changes, against the same two statements.
    latency.push(...(await measureHistory(baseUrl, appUrl, await historyFixtures(appUrl, fx), rss)));
    // Ticket create in pairs too (the baseline runs the app's statements with the same group commit:
    // two reads, then one transaction with the tickets and their outbox events, for every creation
    // that arrived meanwhile). Each side starts with an empty outbox, so the app's dispatcher is not
    // still busy with the previous run's events.
    if (args.warmup > 0) {
      await cannon(baseUrl, { requests: sc.create, connections: args.connections, duration: Math.min(2, args.warmup) });
      await cannon(appUrl, { requests: sc.create, connections: args.connections, duration: Math.min(2, args.warmup) });
    }
    rows.push(...(await measurePairs('create', LABEL.create, baseUrl, appUrl, sc.create, rss, drainOutbox)));
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
        LABEL.create,
        { url: appUrl, requests: sc.create },
        { url: appUrl, requests: sc.createWithKey },
        rss,
        drainOutbox,
      )),
    );
    rows.push(...(await rateLimitPairs(sc)));
    rows.push(...(await writeRuns(appUrl, sc, rss)));
    await drainOutbox();
    bulk = await bulkCloseRuns(appUrl, bulkBatches);
    ({ mixed, event } = await fixedRateMix(appUrl, sc, fx, rss));
    // Issue 14: --streams live streams open while changes run, and the throughput without and with them.
    const streamRuns = await liveStreams(appUrl, sc, fx, rss);
    rows.push(...streamRuns.rows);
    live = streamRuns.live;
  } finally {
    rss?.stop();
    await stopProcess(baseline);
    await stopProcess(app);
  }

  const rssMax = rss.overall();
  const targets = checkTargets(rows, latency, event, rssMax, bulk, live);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'cpu',
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: `PostgreSQL ${postgres}`,
  };
  writeReport({
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
    bulk,
    live,
    rssMaxMb: Math.round(rssMax),
    targets,
    totalSeconds: (Date.now() - started) / 1000,
  });

  await dropOwnDatabase();
  const errors =
    rows.reduce((n, r) => n + r.errors, 0) +
    latency.reduce((n, r) => n + r.errors, 0) +
    mixed.errors +
    event.failures +
    (bulk?.errors ?? 0) +
    live.streamErrors +
    live.changes.errors;
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
