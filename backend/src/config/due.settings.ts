import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBool, toInt } from './env-transforms';
import { WebhookSettings } from './webhook.settings';

/** Due dates: the scheduler that publishes `ticket.overdue` (ADR 0018). */
export class DueSettings extends WebhookSettings {
  /** Run the overdue scheduler in this instance (every instance may; each due ticket is claimed by one). */
  @Transform(toBool)
  @IsBoolean()
  DUE_SCHEDULER = true;

  /** How often the overdue scheduler looks for tickets whose due time passed, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(4000)
  DUE_SCHEDULER_INTERVAL_MS = 1000;

  /** Overdue tickets one claim takes (and publishes in one transaction); a full batch is followed by another at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  DUE_SCHEDULER_BATCH = 1000;

  /**
   * Most overdue tickets per second one instance publishes while a backlog drains (0: no limit,
   * batch after batch): the drain's share of the database, so requests keep headroom.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  DUE_SCHEDULER_RATE = 2000;
}
