import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { DatabasePools } from '../../../platform/database/pools';
import { ormRunner } from '../../../platform/database/sql';
import { Metrics } from '../../../platform/metrics/metrics.service';
import { Circuit, retryDelayMs } from '../domain/retry-policy';
import { signDelivery } from '../domain/signing';
import {
  claimDue,
  ClaimedDelivery,
  notifyWorkers,
  recordFailure,
  WEBHOOKS_CHANNEL,
} from '../persistence/webhooks.statements';
import { OutboundClient } from './outbound';
import { SuccessRecorder } from './success-recorder';

/** Extra time past an attempt's limit before its lease runs out and another worker may try again. */
const LEASE_MARGIN_MS = 30_000;
/** Due rows one claim looks at, per delivery it may take (so busy endpoints' rows do not hide the others'). */
const SCAN_FACTOR = 4;

/**
 * Sends webhook deliveries, off the request path. Every instance may run one (WEBHOOK_DISPATCH).
 * It claims due deliveries (claimDue: `FOR UPDATE SKIP LOCKED` and a lease, so one attempt at a
 * time per delivery across instances), sends each with the Standard Webhooks headers through
 * OutboundClient, and records the outcome: a 2xx succeeds; anything else is retried with
 * exponential backoff and jitter until the delivery's retry window ends, then `failed`.
 * Isolation: at most WEBHOOK_CONCURRENCY attempts in flight, at most WEBHOOK_ENDPOINT_CONCURRENCY
 * per webhook, and a circuit per webhook that stops claiming a dead endpoint's deliveries for a
 * while; a claim never takes more of an endpoint's deliveries than it may start, so a slow one
 * holds only its own slots. Woken by the deliveries' writers (signal: this instance at once, the
 * others by NOTIFY), and by polling for retries that fall due.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly instanceId = randomUUID();
  private readonly client: OutboundClient;
  private readonly inFlight = new Map<string, number>();
  private readonly circuits = new Map<string, Circuit>();
  private readonly attempts = new Set<Promise<void>>();
  private readonly successes: SuccessRecorder;
  private running = 0;
  private claiming = false;
  private again = false;
  private stopped = true;
  /** Shutting down: no more NOTIFYs (an instance without a worker of its own still sends them). */
  private closing = false;
  private pollTimer?: NodeJS.Timeout;
  private wakeQueued = false;
  private unlisten?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly pools: DatabasePools,
    private readonly metrics: Metrics,
  ) {
    this.successes = new SuccessRecorder(em);
    this.client = new OutboundClient({
      allowHttp: config.WEBHOOK_ALLOW_HTTP,
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.WEBHOOK_DISPATCH) return;
    this.stopped = false;
    this.unlisten = await this.pools.listen(WEBHOOKS_CHANNEL, {
      notification: (from) => from !== this.instanceId && this.wake(),
      up: () => this.wake(),
    });
    this.pollTimer = setInterval(() => this.wake(), this.config.WEBHOOK_POLL_MS);
    this.pollTimer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.stopped = true;
    clearInterval(this.pollTimer);
    this.unlisten?.();
    await Promise.allSettled([...this.attempts]);
    this.client.close();
  }

  /** Deliveries were written or re-queued: claim them here now, and tell the other instances. */
  signal(): void {
    this.wake();
    if (this.closing) return;
    ormRunner(this.em)
      .query(notifyWorkers(this.instanceId))
      .catch((error: Error) => this.logger.warn(`webhook notify failed (polling picks it up): ${error.message}`));
  }

  /** Claims what may start now; a wake during a claim claims again after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    void this.claimLoop()
      .catch((error: Error) => this.logger.warn(`webhook claim failed: ${error.message}`))
      .finally(() => {
        this.claiming = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** A wake after the current I/O callbacks: slots freed together are claimed by one statement. */
  private wakeSoon(): void {
    if (this.wakeQueued) return;
    this.wakeQueued = true;
    setImmediate(() => {
      this.wakeQueued = false;
      this.wake();
    });
  }

  /** Resolves when nothing is in flight and nothing more is due now (tests). */
  async drainNow(): Promise<void> {
    this.wake();
    while (this.claiming || this.attempts.size > 0) {
      await Promise.allSettled([...this.attempts]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async claimLoop(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const free = this.config.WEBHOOK_CONCURRENCY - this.running;
      if (free <= 0) return;
      const now = Date.now();
      const limit = this.config.WEBHOOK_ENDPOINT_CONCURRENCY;
      const caps: { webhookId: string; cap: number }[] = [];
      const excluded: string[] = [];
      for (const id of new Set([...this.inFlight.keys(), ...this.circuits.keys()])) {
        const circuitCap = this.circuits.get(id)?.capacity(now, limit) ?? limit;
        const cap = Math.min(circuitCap, limit) - (this.inFlight.get(id) ?? 0);
        if (cap <= 0) excluded.push(id);
        else if (cap < limit) caps.push({ webhookId: id, cap });
      }
      const token = randomUUID();
      const claimed = await ormRunner(this.em).query<Record<string, unknown>>(
        claimDue({
          take: free,
          scan: free * SCAN_FACTOR,
          cap: limit,
          caps,
          excluded,
          leaseMs: this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS,
          token,
        }),
      );
      for (const row of claimed) this.start(toClaimed(row), token);
      if (claimed.length < free) return;
    }
  }

  private start(delivery: ClaimedDelivery, token: string): void {
    this.running += 1;
    this.inFlight.set(delivery.webhookId, (this.inFlight.get(delivery.webhookId) ?? 0) + 1);
    this.circuit(delivery.webhookId).started();
    let released = false;
    // The endpoint's slot is free once it has answered; the outcome is recorded after (the lease
    // keeps the delivery from being claimed again meanwhile).
    const release = () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.inFlight.get(delivery.webhookId) ?? 1) - 1;
      if (left > 0) this.inFlight.set(delivery.webhookId, left);
      else this.inFlight.delete(delivery.webhookId);
      this.wakeSoon();
    };
    const attempt: Promise<void> = this.attempt(delivery, token, release)
      .catch((error: Error) => this.logger.warn(`webhook delivery ${delivery.id} not recorded: ${error.message}`))
      .finally(() => {
        this.attempts.delete(attempt);
        release();
      });
    this.attempts.add(attempt);
  }

  private async attempt(delivery: ClaimedDelivery, token: string, release: () => void): Promise<void> {
    const headers = signDelivery(delivery.secret, delivery.id, new Date(), delivery.body);
    const answer = await this.client.post({
      url: delivery.url,
      body: delivery.body,
      headers: { ...headers },
      timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
    });
    const circuit = this.circuit(delivery.webhookId);
    const run = ormRunner(this.em);
    if (answer.error === null && answer.status !== null) {
      circuit.succeeded();
      release();
      if (this.circuits.get(delivery.webhookId) === circuit && !circuit.isOpen)
        this.circuits.delete(delivery.webhookId);
      await this.successes.record(delivery.id, token, answer.status);
      this.metrics.webhookDelivery('delivered');
      return;
    }
    circuit.failed(Date.now());
    release();
    const delay = retryDelayMs(
      delivery.attempts + 1,
      this.config.WEBHOOK_RETRY_BASE_MS,
      this.config.WEBHOOK_RETRY_MAX_MS,
    );
    const rows = await run.query<{ status: string }>(
      recordFailure(delivery.id, token, answer.status, answer.error ?? 'failed', delay),
    );
    if (rows[0]) this.metrics.webhookDelivery(rows[0].status === 'failed' ? 'failed' : 'retried');
  }

  private circuit(webhookId: string): Circuit {
    let circuit = this.circuits.get(webhookId);
    if (!circuit) {
      circuit = new Circuit(this.config.WEBHOOK_CIRCUIT_FAILURES, this.config.WEBHOOK_CIRCUIT_OPEN_MS);
      this.circuits.set(webhookId, circuit);
    }
    return circuit;
  }
}

function toClaimed(row: Record<string, unknown>): ClaimedDelivery {
  return {
    id: row['id'] as string,
    webhookId: row['webhook_id'] as string,
    body: row['body'] as string,
    attempts: Number(row['attempts']),
    url: row['url'] as string,
    secret: row['secret'] as string,
  };
}
