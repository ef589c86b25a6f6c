// An open-loop load generator: requests are sent on a fixed schedule (request k at start + k/rate),
// whatever the server does, over a pool of keep-alive connections, and each latency is measured
// from the request's scheduled time, so a stall delays the schedule's requests and shows in the
// percentiles instead of hiding them (no coordinated omission). When every connection is busy, a
// due request waits for one, and that wait counts.
//
// Why not autocannon's `overallRate`: it lets each connection send its quota for the second as fast
// as it can at the top of every second, then pause (a burst at full concurrency each second), and its
// latency correction assumes one request every ceil(1000/rate) ms per connection, adding synthetic
// samples. The fixed-connection throughput runs still use autocannon.
import http from 'node:http';

/**
 * @param {object} o
 * @param {string} o.url         base URL (http://host:port)
 * @param {() => {method: string, path: string, headers?: object, body?: string}} o.next  the next request
 * @param {number} o.rate        requests per second
 * @param {number} o.duration    seconds
 * @param {number} o.connections keep-alive connections at most
 * @param {number} [o.timeoutMs] a request slower than this counts as an error
 * @param {(status: number, body: string) => void} [o.onError]
 */
export async function openLoop({ url, next, rate, duration, connections, timeoutMs = 10_000, onError }) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: connections,
    maxFreeSockets: connections,
    scheduling: 'fifo',
  });
  const total = Math.max(1, Math.round(rate * duration));
  const latencies = [];
  const byKind = new Map();
  let errors = 0;
  let sent = 0;
  let inFlightMax = 0;
  let inFlight = 0;
  const start = performance.now() + 20;

  const fire = (scheduledAt) =>
    new Promise((resolve) => {
      const r = next();
      inFlight++;
      inFlightMax = Math.max(inFlightMax, inFlight);
      const body = r.body === undefined ? undefined : Buffer.from(r.body);
      const req = http.request(
        {
          host: hostname,
          port,
          method: r.method,
          path: r.path,
          agent,
          headers: { ...(r.headers ?? {}), ...(body ? { 'content-length': body.length } : {}) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            inFlight--;
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              const latency = performance.now() - scheduledAt;
              latencies.push(latency);
              if (r.kind) (byKind.get(r.kind) ?? byKind.set(r.kind, []).get(r.kind)).push(latency);
            } else {
              errors++;
              onError?.(status, Buffer.concat(chunks).toString().slice(0, 300));
            }
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => {
        inFlight--;
        errors++;
        onError?.(0, String(error.message));
        resolve();
      });
      req.end(body);
    });

  const pending = [];
  await new Promise((done) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        pending.push(fire(start + (sent * 1000) / rate));
        sent++;
      }
      if (sent >= total) return done();
      const wait = Math.max(0, start + (sent * 1000) / rate - performance.now());
      setTimeout(tick, wait > 1 ? wait - 0.5 : 0);
    };
    tick();
  });
  await Promise.all(pending);
  agent.destroy();
  const pct = (list, p) =>
    list.length ? list[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)] : null;
  const summary = (list) => {
    list.sort((a, b) => a - b);
    return {
      completed: list.length,
      p50: pct(list, 50),
      p90: pct(list, 90),
      p99: pct(list, 99),
      max: list.at(-1) ?? null,
    };
  };
  const seconds = (performance.now() - start) / 1000;
  const kinds = Object.fromEntries([...byKind].map(([k, list]) => [k, summary(list)]));
  return { rate, sent, errors, seconds, ...summary(latencies), inFlightMax, ...(byKind.size ? { kinds } : {}) };
}

/**
 * The same, in a child process of its own (`node bench/open-loop.mjs`, the spec on stdin, the result
 * on stdout): the generator's timers then share no event loop and no heap with the bench's own work
 * (fixtures, autocannon's results, the RSS sampler), whose pauses would otherwise count as latency.
 * `requests` are cycled through in order.
 */
export async function openLoopInChild({ url, requests, rate, duration, connections, timeoutMs }) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--max-old-space-size=64', new URL(import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`open-loop generator exited with ${code}: ${out.slice(0, 500)}`)),
    );
  });
  child.stdin.end(JSON.stringify({ url, requests, rate, duration, connections, timeoutMs }));
  await exited;
  return JSON.parse(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  const spec = JSON.parse(input);
  let i = 0;
  const errorsSeen = [];
  const result = await openLoop({
    ...spec,
    next: () => spec.requests[i++ % spec.requests.length],
    onError: (status, body) => errorsSeen.length < 3 && errorsSeen.push(`${status} ${body}`),
  });
  process.stdout.write(JSON.stringify({ ...result, errorsSeen }));
}
