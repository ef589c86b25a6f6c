import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { toInt, toBool } from './env-transforms';
import { DatabaseSettings } from './database.settings';

/** Sessions, logins and password hashing. */
export class IdentitySettings extends DatabaseSettings {
  /**
   * Signs the session cookie and keys the CSRF tokens and cursors. Always required: outside
   * production `main.ts` supplies one kept in `.data/session-secret` (config/dev-secret.ts).
   */
  @IsDefined({
    message: 'SESSION_SECRET is required (outside production the server generates one in .data/session-secret)',
  })
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

  /** Serve cookies with `Secure` (set when the app is behind https). */
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE = false;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 15 * 60;

  /** Password hashes (scrypt) computed at once per instance; each holds one of libuv's threads. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASH_CONCURRENCY = 2;

  /** Hashes that may wait for a slot; beyond that sign-ups and logins are refused with 503 before anything is written. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  PASSWORD_HASH_QUEUE_MAX = 32;

  /** Connections of the session store's pool (session reads, logins, logouts), per instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  SESSION_POOL_MAX = 5;

  /** How long the session store waits for a connection before it answers 503. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600_000)
  SESSION_POOL_CONNECT_TIMEOUT_MS = 3000;
}
