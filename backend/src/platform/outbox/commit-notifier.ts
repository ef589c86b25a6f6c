import type { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { pgRunner } from '../database/sql';
import { notify } from './persistence/outbox.statements';

export const OUTBOX_CHANNEL = 'bw_outbox';

/**
 * Tells the other instances that events were committed: a NOTIFY on OUTBOX_CHANNEL, sent outside
 * any writing transaction (a NOTIFY inside it would serialize every such commit on PostgreSQL's
 * notify-queue lock). NOTIFYs are coalesced: at most one in flight, and one more after it. Each
 * carries this instance's id, so its own listener can tell them apart.
 */
export class CommitNotifier {
  readonly instanceId = randomUUID();
  private pool?: Pool;
  private sending = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly open: () => Pool,
    private readonly logger: Logger,
  ) {}

  /** A NOTIFY from this instance (its listener ignores it: its commits woke it directly). */
  isOwn(payload: string): boolean {
    return payload === this.instanceId;
  }

  send(): void {
    if (this.closed) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    this.pool ??= this.open();
    pgRunner(this.pool)
      .query(notify(OUTBOX_CHANNEL, this.instanceId))
      .catch((error: Error) =>
        this.logger.warn(`outbox notify failed (polling will pick the event up): ${error.message}`),
      )
      .finally(() => {
        this.sending = false;
        if (this.again) {
          this.again = false;
          this.send();
        }
      });
  }

  /** Sends nothing more and closes its pool (a late commit is picked up by polling elsewhere). */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
  }
}
