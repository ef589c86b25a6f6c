import { Logger } from '@nestjs/common';
import type { DatabasePools, PoolStats } from '../database/pools';
import type { Backlog, OutboxBacklog } from '../outbox/outbox-backlog';
import { Metrics } from './metrics.service';

const use = (max: number, total: number, idle: number, waiting = 0): PoolStats => ({
  max,
  total,
  idle,
  inUse: total - idle,
  waiting,
});
const pools = {
  stats: () => ({
    orm: use(16, 3, 1, 2),
    read: use(8, 1, 1),
    session: use(5, 0, 0),
    outbox: use(0, 0, 0),
    notify: use(1, 0, 0),
    idempotency: use(4, 0, 0),
  }),
} as unknown as DatabasePools;
const backlogOf = (read: () => Promise<Backlog>) => ({ read }) as unknown as OutboxBacklog;

/** `name{labels} value` lines of a scrape, without HELP and TYPE. */
const lines = (text: string, prefix: string) => text.split('\n').filter((line) => line.startsWith(prefix));

describe('Metrics', () => {
  it('renders the pools and the backlog as read at scrape time', async () => {
    const metrics = new Metrics(
      pools,
      backlogOf(async () => ({ pending: 4, failed: 1, oldestPendingSeconds: 2.5 })),
    );
    const text = await metrics.scrape();
    expect(lines(text, 'bw_db_pool_waiting_requests{pool="orm"}')).toEqual([
      'bw_db_pool_waiting_requests{pool="orm"} 2',
    ]);
    expect(lines(text, 'bw_db_pool_in_use_connections{pool="orm"}')).toEqual([
      'bw_db_pool_in_use_connections{pool="orm"} 2',
    ]);
    expect(lines(text, 'bw_outbox_')).toEqual([
      'bw_outbox_pending_events 4',
      'bw_outbox_failed_events 1',
      'bw_outbox_delivery_lag_seconds 2.5',
    ]);
  });

  it('answers without the backlog when the database fails or is slow, and counts it', async () => {
    jest.useFakeTimers();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      let fail = true;
      const metrics = new Metrics(
        pools,
        backlogOf(() =>
          fail ? Promise.reject(new Error('connection refused')) : new Promise<Backlog>(() => undefined),
        ),
      );
      const text = await metrics.scrape();
      expect(lines(text, 'bw_outbox_pending_events')).toEqual(['bw_outbox_pending_events Nan']);
      expect(lines(text, 'bw_metrics_collect_failures_total')).toEqual([
        'bw_metrics_collect_failures_total{collector="outbox"} 1',
      ]);
      fail = false;
      const slow = metrics.scrape();
      await jest.advanceTimersByTimeAsync(2000);
      expect(lines(await slow, 'bw_metrics_collect_failures_total')).toEqual([
        'bw_metrics_collect_failures_total{collector="outbox"} 2',
      ]);
      expect(warn.mock.calls.map(([message]) => message)).toEqual([
        'metrics: the outbox backlog could not be read: connection refused',
        'metrics: the outbox backlog could not be read: no answer within 2000 ms',
      ]);
    } finally {
      warn.mockRestore();
      jest.useRealTimers();
    }
  });

  it('keeps its metrics in its own registry: two instances count apart', async () => {
    const backlog = backlogOf(async () => ({ pending: 0, failed: 0, oldestPendingSeconds: 0 }));
    const [a, b] = [new Metrics(pools, backlog), new Metrics(pools, backlog)];
    a.observeRequest('GET', '/api/tickets/:id', 200, 0.003);
    const series = 'bw_http_requests_total{method="GET",route="/api/tickets/:id",status="200"}';
    expect(lines(await a.scrape(), series)).toEqual([`${series} 1`]);
    expect(lines(await b.scrape(), series)).toEqual([]);
  });
});
