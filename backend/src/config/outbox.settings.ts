import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toInt, toBool } from './env-transforms';
import { IdentitySettings } from './identity.settings';

/** The outbox that delivers events, and the batching of ticket writes and searches. */
export class WritePathSettings extends IdentitySettings {
  /** Run the outbox dispatcher in this instance (every instance may; they share work safely). */
  @Transform(toBool)
  @IsBoolean()
  OUTBOX_DISPATCH = true;

  /** Polling fallback for LISTEN/NOTIFY, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 1000;

  /** Workers delivering events in this instance, each claiming a batch in its own transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  OUTBOX_CONCURRENCY = 4;

  /** Events one worker claims at once; each handler receives the batch's events of its name together, the outcomes are recorded together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  OUTBOX_BATCH_SIZE = 8;

  /**
   * Most events one worker claims at once in a backlog: after a full batch a worker doubles its
   * next claim, up to this, and goes back to OUTBOX_BATCH_SIZE after a short one (fewer claims
   * and commits per event when thousands wait, the same small batches otherwise).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  OUTBOX_BACKLOG_BATCH_SIZE = 64;

  /** Deliveries of one event before it is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_MAX_ATTEMPTS = 8;

  /** First retry delay; doubles with each attempt (capped at 5 minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_RETRY_BASE_MS = 500;

  /** Most ticket creations one transaction takes (group commit: creations that arrive while others are being written share one). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  TICKET_CREATE_BATCH = 64;

  /** Ticket-creation transactions in progress at once per instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  TICKET_CREATE_CONCURRENCY = 2;

  /** Newest rows of a box a ticket search reads before it falls back to the full-text index. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  TICKET_SEARCH_WINDOW = 400;
}
