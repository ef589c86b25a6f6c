import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { toInt } from './env-transforms';
import { WritePathSettings } from './outbox.settings';

/** Live event streams and presence. */
export class LiveSettings extends WritePathSettings {
  /** Live event streams: a comment line at least this often, in milliseconds (keeps proxies from closing idle streams). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  LIVE_HEARTBEAT_MS = 15_000;

  /** Live event streams: how often the log is read when no NOTIFY arrived, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  LIVE_POLL_MS = 1000;

  /**
   * Live event streams: the log is read at most once per this many milliseconds; NOTIFYs that
   * arrive sooner are served by one read when it has passed (0: a read after every NOTIFY).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  LIVE_TAIL_INTERVAL_MS = 20;

  /** Live event streams: bytes a slow client may have waiting before its stream ends with `reset`. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  LIVE_STREAM_BUFFER_BYTES = 1024 * 1024;

  /** Live event streams: how far back `Last-Event-ID` resumes, in hours (older ids get `reset`). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  LIVE_RESUME_HOURS = 24;

  /** Live event streams: most events one resume replays before it answers `reset` instead. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  LIVE_RESUME_MAX_EVENTS = 20_000;

  /** Presence ("viewing", "editing") expires this long after the last report, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  PRESENCE_TTL_MS = 60_000;
}
