import { CanActivate, ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from './http-conventions.errors';

const WINDOW_MS = 60_000;
/** The policy's name in both headers (draft-ietf-httpapi-ratelimit-headers). */
const POLICY = '"per-user"';

interface Window {
  start: number;
  used: number;
}

/** What one request took from its caller's budget. */
export interface Taken {
  allowed: boolean;
  remaining: number;
  /** Seconds until the caller's window ends and its budget is full again (at least 1). */
  resetSeconds: number;
}

/**
 * A budget of requests per user per minute, counted in this instance's memory: a fixed window
 * that starts with the user's first request and lasts 60 s. No database round trip, so the
 * headers cost nothing measurable; with several instances each counts its own requests
 * (docs/operations.md). Windows that ended are dropped at most once a minute, on a request.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;
  /** The `RateLimit-Policy` value. */
  readonly policy: string;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
    this.policy = `${POLICY};q=${perMinute};w=${WINDOW_MS / 1000}`;
  }

  take(userId: string): Taken {
    const now = this.now();
    if (now - this.lastSweep >= WINDOW_MS) this.sweep(now);
    let window = this.windows.get(userId);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, used: 0 };
      this.windows.set(userId, window);
    }
    const allowed = window.used < this.perMinute;
    if (allowed) window.used++;
    return {
      allowed,
      remaining: this.perMinute - window.used,
      resetSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)),
    };
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [userId, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(userId);
  }
}

/**
 * Runs after the authentication guard (a global guard added in configureApp comes after the
 * `APP_GUARD`s): an authenticated request takes one unit of its user's budget and its answer,
 * whatever it is, carries `RateLimit-Policy` and `RateLimit`; beyond the budget it is a `429`
 * with `Retry-After`, before pipes and the handler run.
 */
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const userId = req.actor?.userId;
    if (!userId) return true;
    const taken = this.limiter.take(userId);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply
      .header('ratelimit-policy', this.limiter.policy)
      .header('ratelimit', `${POLICY};r=${taken.remaining};t=${taken.resetSeconds}`);
    if (!taken.allowed) throw new RateLimitedError(taken.resetSeconds);
    return true;
  }
}
