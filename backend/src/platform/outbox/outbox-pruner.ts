import type { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { pgRunner } from '../database/sql';
import { pruneDoneEvents, pruneProcessedKeys } from './persistence/outbox.statements';

const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** Delivered events about no record (and handlers' idempotency keys) are kept this long, then pruned. */
const KEEP_DONE_DAYS = 7;

/**
 * Hourly, deletes delivered events that are about no record and idempotency keys older than
 * KEEP_DONE_DAYS. Failed and pending events stay, and so does every event about a ticket: those
 * are its history (ADR 0012).
 */
export class OutboxPruner {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async prune(): Promise<void> {
    try {
      const db = pgRunner(this.pool);
      await db.query(pruneDoneEvents(KEEP_DONE_DAYS));
      await db.query(pruneProcessedKeys(KEEP_DONE_DAYS));
    } catch (error) {
      this.logger.warn(`outbox prune failed: ${(error as Error).message}`);
    }
  }
}
