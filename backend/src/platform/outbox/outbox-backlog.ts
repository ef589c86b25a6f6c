import { Injectable } from '@nestjs/common';
import { ReadPool } from '../database/read-pool';
import { backlog } from './persistence/outbox.statements';

/** What waits in the outbox, database-wide (every instance sees the same numbers). */
export interface Backlog {
  /** Events not delivered yet, retries included. */
  pending: number;
  /** Events that exhausted OUTBOX_MAX_ATTEMPTS (kept until requeued by hand). */
  failed: number;
  /** Age of the oldest pending event: how far delivery lags behind; 0 when nothing is pending. */
  oldestPendingSeconds: number;
}

/** Reads the outbox's backlog on the read pool (one statement over the partial indexes), for the metrics. */
@Injectable()
export class OutboxBacklog {
  constructor(private readonly reads: ReadPool) {}

  async read(): Promise<Backlog> {
    const [row] = await this.reads.query<{ pending: number; failed: number; oldest_pending_seconds: number | null }>(
      backlog,
    );
    return {
      pending: row.pending,
      failed: row.failed,
      oldestPendingSeconds: Math.max(0, row.oldest_pending_seconds ?? 0),
    };
  }
}
