import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * The environment, validated once at boot. This is the only place that reads process.env
 * (besides the embedded-database bootstrap, which runs before the app exists).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Address to listen on: `::` is every interface (IPv4 too, on dual-stack hosts); `127.0.0.1` keeps it local. */
  @IsString()
  @MinLength(1)
  HOST = '::';

  /** postgres://… — when unset, `npm start` runs an embedded PostgreSQL and fills this in. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

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

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Folder with the built Angular app; served at `/` when it exists. */
  @IsOptional()
  @IsString()
  STATIC_DIR?: string;

  /** Body size limit for JSON requests: bytes, or a number with `b`, `kb` or `mb` (1 kb = 1024 bytes). */
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb)?$/i, { message: 'BODY_LIMIT must be a size such as 100kb, 1mb or 2048' })
  BODY_LIMIT = '100kb';

  /** Number of proxies in front of the app, for req.ip (`trust proxy`). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRUST_PROXY_HOPS = 0;

  /** Connections the ORM may open to PostgreSQL (per instance). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  DB_POOL_MAX = 16;

  /** Connections of the read pool (platform/database/read-pool: one ticket, lists, search, names, inbox), per instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_READ_POOL_MAX = 8;

  /** How long the read, outbox and notify pools and the LISTEN connections wait to connect (the session store has its own). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600_000)
  DB_CONNECT_TIMEOUT_MS = 3000;

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

  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut (then the outbox stops and the pools close). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_DRAIN_MS = 10_000;

  /** Requests one user may make per minute, per instance (`RateLimit` headers, `429` beyond); 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  API_RATE_LIMIT_PER_MINUTE = 3000;

  /** Origins (comma-separated, `https://app.example.com`) whose pages may call the API with a bearer token; empty: none. */
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message: 'CORS_ORIGINS must be comma-separated origins such as https://app.example.com',
  })
  @IsOptional()
  CORS_ORIGINS?: string;

  /** Connections of the idempotency-key store's pool (claims and recorded answers of Idempotency-Key requests), per instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  IDEMPOTENCY_POOL_MAX = 4;

  /**
   * Lets Prometheus read `GET /api/metrics` from another host with `Authorization: Bearer <METRICS_TOKEN>`
   * (32+ characters); unset, only loopback callers may read it and others get a 404.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{32,512}$/, {
    message: 'METRICS_TOKEN must be 32 to 512 visible ASCII characters (no spaces)',
  })
  METRICS_TOKEN?: string;

  /** CORS_ORIGINS as a list. */
  get corsOrigins(): string[] {
    return (this.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0);
  }

  /** BODY_LIMIT in bytes. */
  get bodyLimitBytes(): number {
    const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(this.BODY_LIMIT);
    const unit = (match?.[2] ?? 'b').toLowerCase();
    return Math.floor(Number(match?.[1] ?? 0) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1));
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

const CONFIG_KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'SESSION_SECRET',
  'SESSION_TTL_SECONDS',
  'COOKIE_SECURE',
  'LOGIN_MAX_FAILURES_PER_ACCOUNT',
  'LOGIN_MAX_FAILURES_PER_IP',
  'LOGIN_WINDOW_SECONDS',
  'LOG_LEVEL',
  'PASSWORD_HASH_CONCURRENCY',
  'PASSWORD_HASH_QUEUE_MAX',
  'SESSION_POOL_MAX',
  'SESSION_POOL_CONNECT_TIMEOUT_MS',
  'STATIC_DIR',
  'BODY_LIMIT',
  'TRUST_PROXY_HOPS',
  'OUTBOX_DISPATCH',
  'OUTBOX_POLL_MS',
  'OUTBOX_MAX_ATTEMPTS',
  'OUTBOX_RETRY_BASE_MS',
  'OUTBOX_CONCURRENCY',
  'OUTBOX_BATCH_SIZE',
  'DB_POOL_MAX',
  'DB_READ_POOL_MAX',
  'TICKET_SEARCH_WINDOW',
  'TICKET_CREATE_BATCH',
  'TICKET_CREATE_CONCURRENCY',
  'TRIGGER_DELIVERY_BATCH',
  'TRIGGER_DELIVERY_CONCURRENCY',
  'SHUTDOWN_DRAIN_MS',
  'API_RATE_LIMIT_PER_MINUTE',
  'CORS_ORIGINS',
  'IDEMPOTENCY_POOL_MAX',
  'LIVE_HEARTBEAT_MS',
  'LIVE_POLL_MS',
  'LIVE_STREAM_BUFFER_BYTES',
  'LIVE_RESUME_HOURS',
  'LIVE_RESUME_MAX_EVENTS',
  'PRESENCE_TTL_MS',
  'METRICS_TOKEN',
] as const;

export class ConfigError extends Error {}

/** Validates an environment and returns the typed config, or throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const config = plainToInstance(AppConfig, raw, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    // A missing variable gets its one "is required" message, not every constraint it fails.
    const lines = errors.map(
      (e) => `  ${e.property}: ${e.constraints?.['isDefined'] ?? Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
