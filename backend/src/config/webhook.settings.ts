import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { toBool, toInt } from './env-transforms';
import { LiveSettings } from './live.settings';

/** Outgoing webhook deliveries: what may be called, and how deliveries are retried and spread. */
export class WebhookSettings extends LiveSettings {
  /** Accept `http://` webhook URLs (otherwise only `https://`). For tests and local receivers. */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_HTTP = false;

  /** Accept webhook hosts that resolve to loopback, private, link-local, unique-local or multicast addresses. */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE = false;

  /** Run the webhook delivery worker in this instance (every instance may; they share work safely). */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_DISPATCH = true;

  /** Deliveries in flight at once in this instance, over all endpoints. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_CONCURRENCY = 64;

  /** Deliveries in flight at once to one webhook in this instance (a slow endpoint holds at most this many). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_ENDPOINT_CONCURRENCY = 8;

  /** One attempt's whole time limit (connect, send, answer), in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** First retry delay in milliseconds; doubles with each attempt (with jitter), capped at WEBHOOK_RETRY_MAX_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  /** Longest delay between two attempts, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_MAX_MS = 60 * 60 * 1000;

  /** How long a delivery is retried before it is `failed`, in milliseconds from its creation (at least 24 h unless changed). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_WINDOW_MS = 25 * 60 * 60 * 1000;

  /** Failures in a row after which an endpoint's circuit opens (its deliveries wait, others go on). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_CIRCUIT_FAILURES = 5;

  /** How long an open circuit waits before it lets one attempt through, in milliseconds (doubles while it keeps failing, up to 10 minutes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_CIRCUIT_OPEN_MS = 30_000;

  /** Polling for due retries when nothing woke the worker, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_POLL_MS = 1000;
}
