import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { toInt } from './env-transforms';

/** How the HTTP server listens, what it serves and how it treats callers. */
export class ServerSettings {
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
