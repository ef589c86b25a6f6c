import { closeTicket, createApiToken, createClient, getMe, getMetrics, getTicket } from '@bw/sdk';
import { poolSizes } from '@bw/backend/platform/database/pools';
import { loadConfig } from '@bw/backend/config/app-config';
import { Metrics } from '@bw/backend/platform/metrics/metrics.service';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { customerOf, listeningTrigger, person } from './support/fixtures';
import { ticketBy } from './support/fixtures';
import { IsolatedDatabase, isolatedDatabase } from './support/isolated-database';
import { Exposition, parsePrometheusText, samplesOf, valueOf } from './support/prometheus-text';
import { startTestServer, TestServer } from './support/server';

jest.setTimeout(60_000);

const TOKEN = `metrics-${randomUUID()}`;
const BUCKETS = [
  '0.001',
  '0.0025',
  '0.005',
  '0.01',
  '0.025',
  '0.05',
  '0.1',
  '0.25',
  '0.5',
  '1',
  '2.5',
  '5',
  '10',
  '+Inf',
];
const POOLS = ['orm', 'read', 'session', 'outbox', 'notify', 'idempotency', 'live'] as const;

/** Scrapes over a real loopback socket through the SDK, as Prometheus beside the app would. */
async function scrape(server: TestServer): Promise<Exposition> {
  const res = await getMetrics({ client: createClient({ baseUrl: server.baseUrl }) });
  expect(res.response.status).toBe(200);
  expect(res.response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(typeof res.data).toBe('string');
  return parsePrometheusText(res.data as string);
}

/** A request as if from `remoteAddress` (Fastify's inject sets the socket's address). */
function fromAddress(server: TestServer, remoteAddress: string, headers: InjectOptions['headers'] = {}) {
  const fastify = server.app.getHttpAdapter().getInstance() as FastifyInstance;
  return fastify.inject({ method: 'GET', url: '/api/metrics', remoteAddress, headers });
}

describe('GET /api/metrics', () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    // A database of its own, so the outbox's numbers are this file's alone.
    db = await isolatedDatabase();
    server = await startTestServer({ DATABASE_URL: db.url, METRICS_TOKEN: TOKEN });
    // Another app in the same process, without METRICS_TOKEN and with a tiny rate limit.
    other = await startTestServer({ API_RATE_LIMIT_PER_MINUTE: '1' });
  });
  afterAll(async () => {
    await Promise.all([server?.close(), other?.close()]);
    await db?.drop();
  });

  it('counts requests per route pattern and status, never per URL, with latency buckets', async () => {
    const p = await person(server.baseUrl, 'metrics');
    const ticket = await ticketBy(p, await customerOf(p), p.user);
    for (let i = 0; i < 2; i++)
      expect((await getTicket({ client: p.s.client, path: { id: ticket.id } })).response.status).toBe(200);
    expect((await getTicket({ client: p.s.client, path: { id: randomUUID() } })).response.status).toBe(404);
    expect((await p.s.raw('/api/no-such-route')).status).toBe(404);

    const m = await scrape(server);
    expect(m.types.get('bw_http_requests_total')).toBe('counter');
    expect(m.types.get('bw_http_request_duration_seconds')).toBe('histogram');
    const route = { method: 'GET', route: '/api/tickets/:id' };
    expect(valueOf(m, 'bw_http_requests_total', { ...route, status: '200' })).toBe(2);
    expect(valueOf(m, 'bw_http_requests_total', { ...route, status: '404' })).toBe(1);
    expect(valueOf(m, 'bw_http_requests_total', { method: 'POST', route: '/api/tickets', status: '201' })).toBe(1);
    expect(valueOf(m, 'bw_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    const labelValues = m.samples.flatMap((s) => Object.values(s.labels));
    expect(labelValues.filter((v) => v.includes(ticket.id) || v.includes('no-such-route'))).toEqual([]);

    const buckets = samplesOf(m, 'bw_http_request_duration_seconds_bucket', { ...route, status: '200' });
    expect(buckets.map((b) => b.labels['le'])).toEqual(BUCKETS);
    const counts = buckets.map((b) => b.value);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(2);
    expect(valueOf(m, 'bw_http_request_duration_seconds_count', { ...route, status: '200' })).toBe(2);
    expect(valueOf(m, 'bw_http_request_duration_seconds_sum', { ...route, status: '200' })).toBeGreaterThan(0);
  });

  it("shows each pool's size and connections, read when scraped", async () => {
    const sizes = poolSizes(
      loadConfig({ DATABASE_URL: db.url, SESSION_SECRET: 'x'.repeat(32), OUTBOX_DISPATCH: 'false' }),
    );
    const m = await scrape(server);
    for (const pool of POOLS) {
      expect(valueOf(m, 'bw_db_pool_max_connections', { pool })).toBe(sizes[pool]);
      const open = valueOf(m, 'bw_db_pool_connections', { pool });
      const idle = valueOf(m, 'bw_db_pool_idle_connections', { pool });
      expect(valueOf(m, 'bw_db_pool_in_use_connections', { pool })).toBe(open - idle);
      expect(open).toBeLessThanOrEqual(Math.max(sizes[pool], pool === 'outbox' ? 0 : 1));
      expect(valueOf(m, 'bw_db_pool_waiting_requests', { pool })).toBeGreaterThanOrEqual(0);
    }
    // The read pool served the ticket reads (and the scrape's own outbox query): it has a connection open.
    expect(valueOf(m, 'bw_db_pool_connections', { pool: 'read' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(m, 'bw_db_pool_connections', { pool: 'orm' })).toBeGreaterThanOrEqual(1);
    expect(samplesOf(m, 'bw_db_pool_connections')).toHaveLength(POOLS.length);
  });

  it('shows the outbox backlog and delivery lag as the database has them', async () => {
    const p = await person(server.baseUrl, 'outbox');
    // Triggers that listen, so the ticket's events wait for delivery (one nobody may want is written delivered).
    await listeningTrigger(p, 'ticket.created');
    await listeningTrigger(p, 'ticket.closed');
    const ticket = await ticketBy(p, await customerOf(p), p.user);
    expect((await closeTicket({ client: p.s.client, path: { id: ticket.id } })).response.status).toBe(200);
    const pendingNow = async () =>
      (await db.query<{ n: number }>(`select count(*)::int as n from outbox_events where status = 'pending'`))[0].n;
    const pending = await pendingNow();
    expect(pending).toBeGreaterThanOrEqual(2);

    let m = await scrape(server);
    expect(valueOf(m, 'bw_outbox_pending_events')).toBe(pending);
    expect(valueOf(m, 'bw_outbox_failed_events')).toBe(0);
    expect(valueOf(m, 'bw_outbox_delivery_lag_seconds')).toBeGreaterThanOrEqual(0);

    // One event an hour old and one failed for good.
    const [closed] = await db.query<{ id: string }>(
      `select id from outbox_events where name = 'ticket.closed' and payload->'ticket'->>'id' = $1`,
      [ticket.id],
    );
    await db.query(`update outbox_events set status = 'failed' where id = $1`, [closed.id]);
    await db.query(
      `update outbox_events set occurred_at = now() - interval '1 hour' where id = (select id from outbox_events where status = 'pending' limit 1)`,
    );
    m = await scrape(server);
    expect(valueOf(m, 'bw_outbox_pending_events')).toBe(pending - 1);
    expect(valueOf(m, 'bw_outbox_failed_events')).toBe(1);
    const lag = valueOf(m, 'bw_outbox_delivery_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(3600);
    expect(lag).toBeLessThan(3600 + 60);
    expect(valueOf(m, 'bw_metrics_collect_failures_total', { collector: 'outbox' })).toBe(0);
  });

  it('reports the open event streams and webhook deliveries that their owners report', async () => {
    const metrics = server.app.get(Metrics);
    let m = await scrape(server);
    expect(m.types.get('bw_event_streams_open')).toBe('gauge');
    expect(valueOf(m, 'bw_event_streams_open')).toBe(0);
    for (const outcome of ['delivered', 'retried', 'failed'])
      expect(valueOf(m, 'bw_webhook_deliveries_total', { outcome })).toBe(0);

    const first = metrics.streamOpened();
    metrics.streamOpened();
    metrics.webhookDelivery('delivered');
    metrics.webhookDelivery('delivered');
    metrics.webhookDelivery('retried');
    expect(valueOf(await scrape(server), 'bw_event_streams_open')).toBe(2);
    first();
    first(); // a stream that ends twice (error, then close) is counted once
    m = await scrape(server);
    expect(valueOf(m, 'bw_event_streams_open')).toBe(1);
    expect(valueOf(m, 'bw_webhook_deliveries_total', { outcome: 'delivered' })).toBe(2);
    expect(valueOf(m, 'bw_webhook_deliveries_total', { outcome: 'retried' })).toBe(1);
    expect(valueOf(m, 'bw_webhook_deliveries_total', { outcome: 'failed' })).toBe(0);
  });

  it("has Node's process metrics, and each app's own metrics apart from another app's in the process", async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${other.baseUrl}/api/health`)).status).toBe(200);
    const health = { method: 'GET', route: '/api/health', status: '200' };
    const theOther = await scrape(other);
    expect(valueOf(theOther, 'bw_http_requests_total', health)).toBe(3);
    const m = await scrape(server);
    expect(samplesOf(m, 'bw_http_requests_total', health)).toEqual([]);
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
    ])
      expect(valueOf(m, name)).toBeGreaterThan(0);
    expect(m.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });
});

describe('who may read GET /api/metrics', () => {
  let db: IsolatedDatabase;
  let server: TestServer;
  let open: TestServer;
  beforeAll(async () => {
    db = await isolatedDatabase();
    server = await startTestServer({ DATABASE_URL: db.url, METRICS_TOKEN: TOKEN });
    open = await startTestServer({ DATABASE_URL: db.url, API_RATE_LIMIT_PER_MINUTE: '1' });
  });
  afterAll(async () => {
    await Promise.all([server?.close(), open?.close()]);
    await db?.drop();
  });

  it('answers a loopback socket without credentials, IPv4, IPv6 and IPv4-mapped', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await fromAddress(server, address);
      expect([address, res.statusCode]).toEqual([address, 200]);
      expect(res.body).toContain('# TYPE bw_http_requests_total counter');
    }
  });

  it('asks another host for METRICS_TOKEN as a Bearer token: 401 without it or with another token', async () => {
    const none = await fromAddress(server, '203.0.113.7');
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    const p = await person(server.baseUrl, 'scraper');
    const apiToken = (await createApiToken({ client: p.s.client, body: { name: 'not for metrics' } })).data!.token;
    for (const token of [`${TOKEN}x`, TOKEN.slice(0, -1), apiToken]) {
      const wrong = await fromAddress(server, '203.0.113.7', { authorization: `Bearer ${token}` });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    }
    const right = await fromAddress(server, '2001:db8::7', { authorization: `Bearer ${TOKEN}` });
    expect(right.statusCode).toBe(200);
    expect(right.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(() => parsePrometheusText(right.body)).not.toThrow();
  });

  it('trusts the socket, not X-Forwarded-For: a forwarded request from loopback needs the token too', async () => {
    expect((await fromAddress(server, '203.0.113.7', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(401);
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const proxied = await fromAddress(server, '127.0.0.1', { [header]: '203.0.113.7' });
      expect([header, proxied.statusCode]).toEqual([header, 401]);
    }
    const withToken = { 'x-forwarded-for': '203.0.113.7', authorization: `Bearer ${TOKEN}` };
    expect((await fromAddress(server, '127.0.0.1', withToken)).statusCode).toBe(200);
  });

  it('without METRICS_TOKEN serves loopback only: another host gets 404, whatever it sends', async () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const res = await fromAddress(open, '203.0.113.7', headers);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await fromAddress(open, '127.0.0.1')).statusCode).toBe(200);
  });

  it("needs no session nor CSRF header and spends no user's rate limit", async () => {
    const p = await person(open.baseUrl, 'limited');
    expect((await getMe({ client: p.s.client })).response.status).toBe(200);
    expect((await getMe({ client: p.s.client })).response.status).toBe(429);
    const apiToken = (await createApiToken({ client: p.s.client, body: { name: 't' } })).response;
    expect(apiToken.status).toBe(429);
    for (let i = 0; i < 5; i++) {
      // The session cookie of a user over its budget goes along: the scrape does not look at it.
      const res = await p.s.raw('/api/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toBeNull();
    }
  });
});
