import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2, EventEmitterReadinessWatcher } from '@nestjs/event-emitter';
import { Pool } from 'pg';
import { DatabasePools } from '../database/pools';
import { AppConfig } from '../../config/app-config';
import { pgRunner, SqlRunner } from '../database/sql';
import { CommitNotifier, OUTBOX_CHANNEL } from './commit-notifier';
import { EventBatch, errorMessage, mergeAnswers } from './event-batch';
import { OutboxPruner } from './outbox-pruner';
import {
  BEGIN,
  claimDueEvents,
  COMMIT,
  markDone,
  markFailed,
  ROLLBACK,
  scheduleRetry,
} from './persistence/outbox.statements';

const MAX_BACKOFF_MS = 5 * 60 * 1000;

interface ClaimedRow {
  id: string;
  name: string;
  payload: unknown;
  actor_id: string | null;
  occurred_at: Date;
  attempts: number;
}

/**
 * Delivers committed outbox events to `@OnEvents` handlers. Every API instance runs one, with up
 * to OUTBOX_CONCURRENCY workers; each claims up to OUTBOX_BATCH_SIZE events (more in a backlog) through
 * `FOR UPDATE SKIP LOCKED`, so each event is delivered by one worker at a time, hands the claimed
 * events to the handlers as one EventBatch per event name, and records each event's outcome in
 * the claiming transaction. Events are not ordered relative to each other.
 * A wake (a commit) starts a worker when fewer than OUTBOX_CONCURRENCY run, so a fresh event is
 * claimed at once and a lone event costs one claim, not one per worker; a worker that claims a
 * full batch starts another (a backlog gets every worker), and a worker stops after a batch that
 * was not full.
 * Woken by this instance's commits directly, by the other instances' over LISTEN/NOTIFY (its own
 * NOTIFYs, which carry its id, are ignored; see CommitNotifier), and by polling as a fallback. A failed delivery is retried with exponential
 * backoff; after OUTBOX_MAX_ATTEMPTS the event is marked `failed` (kept, visible, never lost).
 * A crash mid-delivery releases the row locks, so the event is delivered again: handlers are
 * idempotent (see IdempotentHandlers).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private pool?: Pool;
  private unlisten?: () => void;
  private pollTimer?: NodeJS.Timeout;
  private pruner?: OutboxPruner;
  /** Workers running now, and what to resolve when the last one stops (drainNow). */
  private readonly workers = new Set<Promise<void>>();
  /** A wake arrived while every worker was busy: the next one to finish a batch claims again. */
  private wakePending = false;
  private readonly notifier: CommitNotifier;
  private stopped = true;
  /** Every event handler is subscribed (see onApplicationBootstrap). */
  private ready = false;
  private stopping?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly emitter: EventEmitter2,
    private readonly pools: DatabasePools,
    private readonly readiness: EventEmitterReadinessWatcher,
  ) {
    this.notifier = new CommitNotifier(() => this.pools.open('notify', this.logger), this.logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.OUTBOX_DISPATCH) return;
    // Nothing is delivered before every @OnEvents handler is subscribed (by the event emitter's own
    // bootstrap, which may come after this one): an event handed to no handler would count as done.
    void this.readiness.waitUntilReady().then(
      () => {
        this.ready = true;
        this.wake();
      },
      (error: Error) => this.logger.error(`event handlers could not be subscribed: ${error.message}`),
    );
    this.stopped = false;
    this.pool = this.pools.open('outbox', this.logger);
    // Woken by NOTIFY from other instances; polling covers the time the connection is down.
    this.unlisten = await this.pools.listen(OUTBOX_CHANNEL, {
      notification: (from) => !this.notifier.isOwn(from) && this.wake(),
      up: () => this.wake(),
    });
    this.pollTimer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.pollTimer.unref();
    this.pruner = new OutboxPruner(this.pool, this.logger);
    this.pruner.start();
    this.wake();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /**
   * Claims nothing more, lets the batches in progress finish (their handlers still have the ORM),
   * then closes the listener and the pools. Called by the app's close() before the ORM closes;
   * safe to call again.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      clearInterval(this.pollTimer);
      this.pruner?.stop();
      await Promise.allSettled([...this.workers]);
      this.unlisten?.();
      await this.pool?.end().catch(() => undefined);
      await this.notifier.close();
    })();
    return this.stopping;
  }

  /**
   * Called after a transaction that published events has committed: wakes this instance's workers
   * and, with a NOTIFY (CommitNotifier), the other instances'.
   */
  signalCommitted(): void {
    // After stop(), a late commit must not open a new notify pool; polling elsewhere picks it up.
    if (this.stopping) return;
    this.wake();
    this.notifier.send();
  }

  /**
   * An event was committed (or may be due): a worker claims it now. Below OUTBOX_CONCURRENCY a new
   * worker starts at once, so a fresh event does not wait for the batch in progress; otherwise a
   * busy worker claims again when its batch is done.
   */
  wake(): void {
    if (this.stopped || !this.ready) return;
    if (this.workers.size < this.config.OUTBOX_CONCURRENCY) this.startWorker();
    else this.wakePending = true;
  }

  /** Delivers until no deliverable event is left. Resolves when every worker has stopped. */
  async drainNow(): Promise<void> {
    this.wake();
    while (this.workers.size > 0) await Promise.allSettled([...this.workers]);
  }

  private startWorker(): void {
    const worker: Promise<void> = this.work()
      .catch((error: Error) => this.logger.warn(`outbox delivery failed: ${error.message}`))
      .finally(() => {
        this.workers.delete(worker);
        if (this.wakePending && !this.stopped) {
          this.wakePending = false;
          this.wake();
        }
      });
    this.workers.add(worker);
  }

  /**
   * Claims batches until one comes back short (then nothing more was due when it claimed, unless a
   * wake came meanwhile). A full batch means a backlog: another worker joins, and this one's next
   * claim doubles, up to OUTBOX_BACKLOG_BATCH_SIZE; a short one starts again at OUTBOX_BATCH_SIZE.
   */
  private async work(): Promise<void> {
    const first = this.config.OUTBOX_BATCH_SIZE;
    const most = Math.max(first, this.config.OUTBOX_BACKLOG_BATCH_SIZE);
    let size = first;
    while (!this.stopped) {
      const claimed = await this.deliverBatch(size);
      if (claimed >= size) {
        if (this.workers.size < this.config.OUTBOX_CONCURRENCY) this.startWorker();
        size = Math.min(size * 2, most);
        continue;
      }
      size = first;
      if (!this.wakePending) return;
      this.wakePending = false;
    }
  }

  /**
   * Claims up to `limit` of the oldest due events that no other worker holds, delivers
   * them (their handlers run concurrently) and records each outcome, in one short transaction.
   * Returns how many events it claimed.
   */
  private async deliverBatch(limit: number): Promise<number> {
    if (!this.pool) return 0;
    const db = await this.pool.connect();
    // A checked-out client has no pool listener: if the server goes away while a handler runs, the
    // client emits 'error', which would crash the process unless someone listens. The query in
    // flight fails anyway, the transaction rolls back and the events stay pending.
    const onError = (error: Error) => this.logger.warn(`outbox connection lost during delivery: ${error.message}`);
    db.on('error', onError);
    const run = pgRunner(db);
    try {
      await run.query(BEGIN);
      const rows = await run.query<ClaimedRow>(claimDueEvents(limit));
      if (rows.length > 0) {
        const outcomes = await this.deliver(rows);
        const done = rows.filter((_, i) => outcomes[i] === null).map((row) => row.id);
        if (done.length > 0) {
          await run.query(markDone(done));
        }
        for (const [i, row] of rows.entries()) {
          const error = outcomes[i];
          if (error !== null) await this.recordFailure(run, row, error);
        }
      }
      await run.query(COMMIT);
      return rows.length;
    } catch (error) {
      await run.query(ROLLBACK).catch(() => undefined);
      throw error;
    } finally {
      db.removeListener('error', onError);
      db.release();
    }
  }

  /**
   * Hands the claimed events to their handlers, one batch per event name (the batches run
   * concurrently, each handler gets its events oldest first). Resolves, per row, to null when
   * every handler completed the event, else to the error's message: a handler that throws fails
   * its whole batch, one that answers outcomes fails only the events it names.
   */
  private async deliver(rows: ClaimedRow[]): Promise<(string | null)[]> {
    const byName = new Map<string, number[]>();
    rows.forEach((row, i) => byName.set(row.name, [...(byName.get(row.name) ?? []), i]));
    const outcomes: (string | null)[] = rows.map(() => null);
    await Promise.all(
      [...byName].map(async ([name, indexes]) => {
        const batch: EventBatch = {
          name,
          events: indexes.map((i) => ({
            eventId: rows[i].id,
            name,
            occurredAt: new Date(rows[i].occurred_at).toISOString(),
            actorId: rows[i].actor_id,
            payload: rows[i].payload,
          })),
        };
        let errors: (string | null)[];
        try {
          errors = mergeAnswers(indexes.length, await this.emitter.emitAsync(name, batch));
        } catch (error) {
          errors = indexes.map(() => errorMessage(error));
        }
        indexes.forEach((row, k) => (outcomes[row] = errors[k]));
      }),
    );
    return outcomes;
  }

  /** Schedules a retry with exponential backoff, or marks the event failed after OUTBOX_MAX_ATTEMPTS. */
  private async recordFailure(db: SqlRunner, row: ClaimedRow, message: string): Promise<void> {
    const attempts = row.attempts + 1;
    if (attempts >= this.config.OUTBOX_MAX_ATTEMPTS) {
      this.logger.error(`event ${row.name} ${row.id} failed for good after ${attempts} attempts: ${message}`);
      await db.query(markFailed(row.id, attempts, message));
    } else {
      const delay = Math.min(MAX_BACKOFF_MS, this.config.OUTBOX_RETRY_BASE_MS * 2 ** (attempts - 1));
      this.logger.warn(`event ${row.name} ${row.id} failed (attempt ${attempts}), retrying in ${delay} ms: ${message}`);
      await db.query(scheduleRetry(row.id, attempts, message, delay));
    }
  }
}
