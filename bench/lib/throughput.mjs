// Closed-loop runs (autocannon, fixed connections): one run, and baseline/app or variant pairs.
import { createRequire } from 'node:module';
import { args, log } from './context.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

export async function cannon(base, opts) {
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

export async function measure(name, base, requests, rss, { warm = true, amount, connections = args.connections } = {}) {
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
export async function measurePairs(key, name, baseUrl, appUrl, requests, rss, before = async () => {}) {
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
export async function measureVariantPairs(key, name, refName, ref, variant, rss, before = async () => {}) {
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
