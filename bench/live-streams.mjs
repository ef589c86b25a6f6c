// Many open `GET /api/events` streams, held by a child process of their own (forked by
// bench/lib/live.mjs, driven over IPC), so that reading and parsing them shares no event loop with
// the load generator or the bench's bookkeeping. Each stream is a plain node:http request (no
// agent: one socket each, as each browser tab or tool has) parsed with eventsource-parser, as
// backend-e2e/src/support/live-stream.ts reads them.
//
// Latency of a logged event: its receive time (Date.now() when the parser yields it) minus its
// `at` (the change's occurred_at, written inside the change's transaction, so before its commit):
// an upper bound of commit → received, on the one clock of this machine, to the millisecond.
//
// Messages: {type:'open', url, tokens, count} → {type:'opened', opened, failed, errors};
// {type:'measure'} starts a window (samples and counts from zero); {type:'report'} →
// {type:'report', …}; {type:'close'} ends every stream and exits.
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createParser } = require('eventsource-parser');

const streams = [];
let latencies = [];
let events = 0;
let resets = 0;
let ended = 0;
let closing = false;
const AT = /[{,]"at":"([^"]+)"/;

function openOne(url, token) {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const req = http.request({
      host: hostname,
      port,
      path: '/api/events',
      agent: false,
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    });
    const s = { req, open: false };
    const parser = createParser({
      onEvent: (message) => {
        if (message.event === 'reset') resets++;
        if (!message.id) return;
        events++;
        const m = AT.exec(message.data);
        if (m) latencies.push(Date.now() - Date.parse(m[1]));
      },
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve({ ok: false, error: `status ${res.statusCode}` });
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        parser.feed(chunk);
        if (!s.open) {
          // The first bytes (`retry:`) are written once the stream is registered.
          s.open = true;
          resolve({ ok: true });
        }
      });
      res.on('close', () => {
        s.closed = true;
        if (!closing) ended++;
      });
    });
    req.on('error', (error) => {
      if (!s.open) resolve({ ok: false, error: error.message });
      else if (!closing) ended++;
    });
    req.end();
    streams.push(s);
  });
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;

process.on('message', async (msg) => {
  if (msg.type === 'open') {
    const results = [];
    // In waves of 100, as clients connecting over a few seconds would.
    for (let i = 0; i < msg.count; i += 100) {
      const wave = [];
      for (let j = i; j < Math.min(msg.count, i + 100); j++)
        wave.push(openOne(msg.url, msg.tokens[j % msg.tokens.length]));
      results.push(...(await Promise.all(wave)));
    }
    const failed = results.filter((r) => !r.ok);
    process.send({
      type: 'opened',
      opened: results.length - failed.length,
      failed: failed.length,
      errors: [...new Set(failed.map((f) => f.error))].slice(0, 3),
    });
  } else if (msg.type === 'measure') {
    latencies = [];
    events = 0;
    resets = 0;
    ended = 0;
  } else if (msg.type === 'report') {
    const sorted = latencies.sort((a, b) => a - b);
    process.send({
      type: 'report',
      events,
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? null,
      resets,
      ended,
      open: streams.filter((s) => s.open && !s.closed).length,
    });
  } else if (msg.type === 'close') {
    closing = true;
    for (const s of streams) s.req.destroy();
    process.disconnect();
    process.exit(0);
  }
});
