import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DatabasePools, PgPoolName, PoolStats } from '../database/pools';
import { Backlog, OutboxBacklog } from '../outbox/outbox-backlog';

/** What one webhook delivery attempt came to: a 2xx, a failure that will be retried, or one given up on. */
export type WebhookDeliveryOutcome = 'delivered' | 'retried' | 'failed';
const WEBHOOK_OUTCOMES: readonly WebhookDeliveryOutcome[] = ['delivered', 'retried', 'failed'];

/** The label of a request that matched no route (a 404, the Angular app's deep links): never the raw URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Seconds; from well under Fastify's own cost per request to the slowest answer worth telling apart. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** How long a scrape waits for the outbox's backlog before it answers without it. */
const BACKLOG_TIMEOUT_MS = 2000;

type PoolName = 'orm' | PgPoolName;
const POOL_GAUGES: readonly [name: string, help: string, value: keyof PoolStats][] = [
  ['bw_db_pool_max_connections', 'Most connections the pool opens', 'max'],
  ['bw_db_pool_connections', 'Connections the pool has open (idle or in use)', 'total'],
  ['bw_db_pool_idle_connections', 'Open connections not checked out', 'idle'],
  ['bw_db_pool_in_use_connections', 'Connections checked out right now', 'inUse'],
  ['bw_db_pool_waiting_requests', 'Callers waiting for a connection', 'waiting'],
];

/** Node's own metrics (CPU, memory, heap, event loop lag, GC) belong to the process: one registry for every app in it. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * This app's Prometheus metrics, in a registry of its own (tests run several apps in one
 * process). Requests are counted as they are answered (platform/metrics/http-metrics); the pools
 * and the outbox backlog are read when Prometheus scrapes; event streams and webhook deliveries
 * are reported by their owners through `streamOpened()` and `webhookDelivery()`.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  private readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'bw_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'bw_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly pools = POOL_GAUGES.map(
    ([name, help, value]) =>
      [new Gauge({ name, help, labelNames: ['pool'] as const, registers: [this.registry] }), value] as const,
  );
  private readonly outboxPending = this.gauge(
    'bw_outbox_pending_events',
    'Outbox events not delivered yet (database-wide)',
  );
  private readonly outboxFailed = this.gauge(
    'bw_outbox_failed_events',
    'Outbox events that exhausted OUTBOX_MAX_ATTEMPTS (database-wide)',
  );
  private readonly outboxLag = this.gauge(
    'bw_outbox_delivery_lag_seconds',
    'Age of the oldest pending outbox event; 0 when none is pending',
  );
  private readonly collectFailures = new Counter({
    name: 'bw_metrics_collect_failures_total',
    help: 'Scrapes that answered without a collector, whose source failed or timed out',
    labelNames: ['collector'] as const,
    registers: [this.registry],
  });
  private readonly streams = this.gauge('bw_event_streams_open', 'Live event streams open on this instance');
  private readonly webhookDeliveries = new Counter({
    name: 'bw_webhook_deliveries_total',
    help: 'Webhook delivery attempts, by outcome (delivered, retried, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly databasePools: DatabasePools,
    private readonly backlog: OutboxBacklog,
  ) {
    // Every series exists from the start, so rate() and alerts see a 0 rather than nothing.
    this.collectFailures.inc({ collector: 'outbox' }, 0);
    for (const outcome of WEBHOOK_OUTCOMES) this.webhookDeliveries.inc({ outcome }, 0);
  }

  /** The Content-Type of `scrape()`'s text: Prometheus' text format 0.0.4. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** One answered request: `route` is the route's pattern (`/api/tickets/:id`) or UNMATCHED_ROUTE. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  /** An event stream opened; call the returned function when it ends (calling it again does nothing). */
  streamOpened(): () => void {
    this.streams.inc();
    let open = true;
    return () => {
      if (open) this.streams.dec();
      open = false;
    };
  }

  /** One webhook delivery attempt ended with `outcome`. */
  webhookDelivery(outcome: WebhookDeliveryOutcome): void {
    this.webhookDeliveries.inc({ outcome });
  }

  /** Reads the pools and the outbox now, then renders this app's metrics and the process's. */
  async scrape(): Promise<string> {
    const stats = this.databasePools.stats();
    for (const [gauge, value] of this.pools)
      for (const [pool, use] of Object.entries(stats) as [PoolName, PoolStats][]) gauge.set({ pool }, use[value]);
    this.showBacklog(await this.readBacklog());
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  private async readBacklog(): Promise<Backlog | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${BACKLOG_TIMEOUT_MS} ms`)), BACKLOG_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.backlog.read(), timeout]);
    } catch (error) {
      this.collectFailures.inc({ collector: 'outbox' });
      this.logger.warn(`metrics: the outbox backlog could not be read: ${(error as Error).message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The backlog's gauges; NaN when it could not be read (a stale number, or 0, would look healthy). */
  private showBacklog(backlog: Backlog | undefined): void {
    this.outboxPending.set(backlog?.pending ?? NaN);
    this.outboxFailed.set(backlog?.failed ?? NaN);
    this.outboxLag.set(backlog?.oldestPendingSeconds ?? NaN);
  }

  private gauge(name: string, help: string): Gauge {
    return new Gauge({ name, help, registers: [this.registry] });
  }
}
