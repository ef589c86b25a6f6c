import { readFileSync } from 'node:fs';
import { startChildServer, type ChildServer } from '@bw/testing/child-server';
import { customerOf, person, ticketBy } from '@bw/testing/fixtures';
import { IsolatedDatabase, isolatedDatabase } from '@bw/testing/isolated-database';
import { recordFigures } from './support/figures';
import { setting } from './support/mode';

const SECONDS = setting('SOAK_SECONDS', 45, 300);
const RATE = setting('SOAK_RATE', 40, 40); // requests per second, fixed
const WARMUP_SECONDS = Math.min(15, Math.round(SECONDS / 3));

jest.setTimeout((SECONDS + 180) * 1000);

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

/**
 * A soak at a fixed rate on small data against the real server in its own process: zero errors,
 * and flat memory — VmRSS at the end within 20% of VmRSS after warm-up.
 */
describe('load held', () => {
  let db: IsolatedDatabase;
  let child: ChildServer;
  beforeAll(async () => {
    db = await isolatedDatabase();
    // A bounded old space, as a production deployment sets it: V8 then collects instead of growing its
    // heap lazily for minutes (which looks like a leak in RSS), and a real leak shows as RSS that keeps
    // climbing (or an out-of-memory crash, which fails the run).
    child = await startChildServer({
      DATABASE_URL: db.url,
      OUTBOX_DISPATCH: 'true',
      OUTBOX_POLL_MS: '500',
      NODE_OPTIONS: '--max-old-space-size=160',
    });
  }, 120_000);
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await db?.drop();
  });

  it(`serves ${RATE} req/s for ${SECONDS} s with zero errors and flat memory`, async () => {
    const owner = await person(child.baseUrl, 'soak');
    const mate = await person(child.baseUrl, 'soakmate');
    const customers = [await customerOf(owner), await customerOf(owner)];
    const tickets: Awaited<ReturnType<typeof ticketBy>>[] = [];
    for (let i = 0; i < 10; i++) tickets.push(await ticketBy(owner, customers[i % 2], i % 2 ? mate.user : owner.user));
    const json = { 'content-type': 'application/json' };
    let n = 0;
    // A mix of reads and writes on small data (writes edit and comment, so the data stays small).
    const mix: (() => Promise<Response>)[] = [
      () => owner.s.raw('/api/tickets?limit=10'),
      () => owner.s.raw(`/api/tickets/${tickets[n % 10].id}`),
      () => owner.s.raw('/api/customers?limit=10'),
      () => owner.s.raw('/api/auth/me'),
      () => mate.s.raw('/api/tickets?box=incoming'),
      () => owner.s.raw('/api/messages?box=inbox'),
      () =>
        owner.s.raw(`/api/tickets/${tickets[n % 10].id}/comments`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ body: `soak ${n}` }),
        }),
      () => owner.s.raw(`/api/customers/${customers[n % 2].id}`),
      () => owner.s.raw('/api/health'),
      () => owner.s.raw('/api/users?q=soak'),
    ];
    const errors: string[] = [];
    const latencies: number[] = [];
    const samples: { t: number; rssKb: number }[] = [];
    let warm = 0;
    const start = Date.now();
    const inflight = new Set<Promise<void>>();
    for (let i = 0; ; i++) {
      const due = start + (i * 1000) / RATE;
      const now = Date.now();
      if (now - start >= SECONDS * 1000) break;
      if (due > now) await new Promise((resolve) => setTimeout(resolve, due - now));
      const k = n++;
      const t0 = Date.now();
      const p = mix[k % mix.length]()
        .then(async (res) => {
          latencies.push(Date.now() - t0);
          if (res.status >= 400) errors.push(`${res.status} ${(await res.text()).slice(0, 200)}`);
          else await res.arrayBuffer();
        })
        .catch((e: Error) => void errors.push(`network ${e.message}`))
        .finally(() => inflight.delete(p));
      inflight.add(p);
      if (i % RATE === 0) {
        samples.push({ t: Math.round((Date.now() - start) / 1000), rssKb: rssKb(child.process.pid!) });
        if (!warm && Date.now() - start >= WARMUP_SECONDS * 1000) warm = samples[samples.length - 1].rssKb;
      }
    }
    await Promise.all(inflight);
    const end = rssKb(child.process.pid!);
    latencies.sort((a, b) => a - b);
    const figures = {
      seconds: SECONDS,
      rate: RATE,
      requests: n,
      errors: errors.length,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)],
      p99Ms: latencies[Math.floor(latencies.length * 0.99)],
      rssAfterWarmupMb: Math.round(warm / 1024),
      rssEndMb: Math.round(end / 1024),
      rssGrowthPct: Math.round(((end - warm) / warm) * 1000) / 10,
      rssSamplesMb: samples.filter((_, i) => i % 5 === 0).map((s) => Math.round(s.rssKb / 1024)),
    };
    recordFigures('soak', figures);
    expect(errors.slice(0, 5)).toEqual([]);
    expect(warm).toBeGreaterThan(0);
    expect(end).toBeLessThanOrEqual(warm * 1.2);
  });
});
