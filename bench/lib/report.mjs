// The results as Markdown (bench/results/latest.md) and the targets they are judged against.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { args, log, root } from './context.mjs';
import { fmt } from './format.mjs';

export function report(results) {
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
  if (results.bulk)
    lines.push(
      `Bulk close (POST /api/tickets/bulk of ${results.bulk.size} open tickets, one request at a time, after one warm-up request): ${results.bulk.ms.map((ms) => fmt(ms)).join(', ')} ms (median ${fmt(results.bulk.median)} ms, max ${fmt(results.bulk.max)} ms), ${results.bulk.errors} tickets not closed.`,
      '',
    );
  if (results.live) lines.push(liveParagraph(results.live), '');
  lines.push('| target (issues 5, 13, 14, 15) | measured | met |');
  lines.push('|---|---|:-:|');
  lines.push(...targetRows(targets));
  lines.push('');
  return lines.join('\n');
}

/** The rows of a targets table: name, what was measured, met. */
export const targetRows = (targets) => targets.map((t) => `| ${t.name} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`);

/** Issue 14's streams run, in one paragraph. */
export function liveParagraph(l) {
  const e = l.events;
  const c = l.changes;
  return `Live streams (issue 14): ${l.streams} \`GET /api/events\` streams of ${l.users} users (${fmt(l.streams / l.users, 1)} per user) open on the API (held by a child process; opened in ${fmt(l.openSeconds, 1)} s), changes (PATCH, comment, close by the streams' users) at ${l.changeRate}/s in an open loop: answered p50 ${fmt(c.p50, 1)} ms, p99 ${fmt(c.p99, 1)} ms, ${c.errors} errors. Commit → event received (the event's \`at\`, written in the change's transaction, to the moment the client's parser yields it), over ${e.samples} deliveries (${e.events} events): p50 ${fmt(e.p50, 1)} ms, p90 ${fmt(e.p90, 1)} ms, p99 ${fmt(e.p99, 1)} ms, max ${fmt(e.max, 1)} ms; ${e.resets} resets, ${e.ended} streams ended. API RSS ${l.rssBeforeMb} MB before the streams, ${l.rssMb} MB at most during the changes, ${l.rssWithStreamsMb} MB at most while they were open; ${l.streamErrors} stream errors (refused, or ended while they should be open).`;
}

/** Issue 14's targets: the history's latency, the streams' latency and memory, and the throughput with the streams open. */
export function liveTargets(by, lat, live) {
  const t = [];
  const h = lat.history;
  if (h)
    t.push({
      name: `ticket history (200 changes, first page) p99 ≤ 20 ms (open loop, ${h.rate} req/s; issue 14)`,
      measured: `${fmt(h.p99, 1)} ms (baseline ${fmt(lat['baseline-history'].p99, 1)} ms)`,
      met: h.p99 !== null && h.p99 <= 20 && h.errors === 0,
    });
  if (!live) return t;
  t.push({
    name: `commit → event received p99 ≤ 250 ms, ${live.streams} streams, changes at ${live.changeRate}/s (issue 14)`,
    measured: `p50 ${fmt(live.events.p50, 1)} ms, p99 ${fmt(live.events.p99, 1)} ms`,
    met: live.events.p99 !== null && live.events.p99 <= 250 && live.streamErrors === 0,
  });
  t.push({
    name: `API RSS ≤ 300 MB with ${live.streams} streams open (issue 14)`,
    measured: `${live.rssWithStreamsMb} MB`,
    met: live.rssWithStreamsMb <= 300,
  });
  for (const k of ['ticket', 'incoming', 'create']) {
    const r = by[`${k}-streams`];
    if (r)
      t.push({
        name: `${r.ratioTo} with ${live.streams} streams open ≥ 90% of without (issue 14)`,
        measured: `${(r.ratio * 100).toFixed(0)}%`,
        met: r.ratio >= 0.9,
      });
  }
  return t;
}

export function checkTargets(rows, latency, event, rssMax, bulk, live) {
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
  for (const k of ['filtered', 'prefix', 'customerSearch'])
    t.push({
      name: `${{ filtered: 'filtered and sorted lists', prefix: 'search by word prefix', customerSearch: 'search by customer name' }[k]} p99 ≤ 50 ms (issue 15; open loop, ${lat[k].rate} req/s)`,
      measured: `${fmt(lat[k].p99, 1)} ms`,
      met: lat[k].p99 !== null && lat[k].p99 <= 50 && lat[k].errors === 0,
    });
  t.push({
    name: `saved view counts of 10 views p99 ≤ 100 ms (issue 15; open loop, ${lat.viewCounts.rate} req/s)`,
    measured: `${fmt(lat.viewCounts.p99, 1)} ms`,
    met: lat.viewCounts.p99 !== null && lat.viewCounts.p99 <= 100 && lat.viewCounts.errors === 0,
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
  if (bulk)
    t.push({
      name: `bulk close of ${bulk.size} tickets ≤ 1 s (issue 15; the slowest of ${bulk.rounds})`,
      measured: `${fmt(bulk.max)} ms`,
      met: bulk.max <= 1000 && bulk.errors === 0,
    });
  t.push({ name: 'API RSS < 300 MB', measured: `${Math.round(rssMax)} MB`, met: rssMax < 300 });
  t.push(...liveTargets(by, lat, live));
  return t;
}

/** Prints the report and writes it with the raw results to bench/results/latest.{md,json}. */
export function writeReport(results) {
  const md = report(results);
  console.log(`\n${md}`);
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.md'), md);
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote bench/results/latest.md and latest.json (${results.totalSeconds.toFixed(0)} s in all)`);
}
