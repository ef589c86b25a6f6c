import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBool, toInt } from './env-transforms';
import { LiveSettings } from './live.settings';

/** Due dates: the scheduler that publishes `ticket.overdue` (ADR 0013). */
export class DueSettings extends LiveSettings {
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
  DUE_SCHEDULER_BATCH = 500;
}
