#!/usr/bin/env node
// `npm run bench:live -- --scale small|large`: issue 14's streams runs on their own (the part of
// `npm run bench` in bench/lib/live.mjs): --streams live streams open on one API instance while
// changes run at --change-rate (commit → event received, the API's RSS), and ticket reads and
// create in --rounds pairs without and with the streams open. Writes bench/results/live-<scale>.{md,json}.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { args, dbUrl, log, root, withClient } from './lib/context.mjs';
import { dropOwnDatabase, loadFixtures, prepareDatabase } from './lib/database.mjs';
import { liveStreams } from './lib/live.mjs';
import { startApi } from './lib/phases.mjs';
import { children, rssSampler, stopProcess, waitHealthy } from './lib/processes.mjs';
import { liveParagraph, liveTargets, targetRows } from './lib/report.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { cannon } from './lib/throughput.mjs';

async function main() {
  const started = Date.now();
  await prepareDatabase();
  // Runs one after another compare only when each starts alike: the earlier runs' dead rows vacuumed
  // and the statistics fresh (as autovacuum keeps them; a PostgreSQL may run without it, as the
  // bench machine's does), and a checkpoint just done, so no run starts in another's.
  await withClient(dbUrl, async (c) => {
    await c.query('vacuum analyze');
    await c.query('checkpoint');
  });
  const fx = await loadFixtures();
  const sc = scenarios(fx);
  const app = await startApi('api', { OUTBOX_DISPATCH: 'true', API_RATE_LIMIT_PER_MINUTE: '1000000' });
  let result;
  try {
    await waitHealthy(app.url, app);
    const rss = rssSampler(app.child.pid);
    // Each measured endpoint warmed up first, as the full run warms up its endpoints (the JIT).
    if (args.warmup > 0)
      for (const k of ['incoming', 'ticket', 'create'])
        await cannon(app.url, { requests: sc[k], connections: args.connections, duration: args.warmup });
    result = await liveStreams(app.url, sc, fx, rss);
    rss.stop();
  } finally {
    await stopProcess(app);
  }
  const by = Object.fromEntries(result.rows.map((r) => [r.key, r]));
  const targets = liveTargets(by, {}, result.live);
  const lines = [
    `# Live streams alone (\`npm run bench:live -- --scale ${args.scale}\`), ${new Date(started).toISOString()}`,
    '',
    liveParagraph(result.live),
    '',
    '| run | req/s | p50 ms | p99 ms | pairs |',
    '|---|--:|--:|--:|---|',
    ...result.rows.map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.pairRatios ? r.pairRatios.map((x) => `${(x * 100).toFixed(0)}%`).join(', ') : ''} |`,
    ),
    '',
    '| target (issue 14) | measured | met |',
    '|---|---|:-:|',
    ...targetRows(targets),
    '',
  ];
  const md = lines.join('\n');
  console.log(`\n${md}`);
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `live-${args.scale}.md`), md);
  writeFileSync(
    path.join(dir, `live-${args.scale}.json`),
    `${JSON.stringify({ startedAt: new Date(started).toISOString(), ...result, targets }, null, 2)}\n`,
  );
  log(`wrote bench/results/live-${args.scale}.md and .json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  await dropOwnDatabase();
  const errors = result.live.streamErrors + result.live.changes.errors + result.rows.reduce((n, r) => n + r.errors, 0);
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    for (const c of children) c.kill('SIGTERM');
    process.exit(1);
  },
);
