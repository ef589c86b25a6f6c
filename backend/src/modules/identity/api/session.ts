import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { SESSION_COOKIE } from '../../../platform/auth/session-cookie';
import { SessionStore } from '../application/session-store';

export { SESSION_COOKIE };

/** The session cookie's value is express-session's: `s:<id>.<HMAC-SHA256 of the id, base64>`. */
const PREFIX = 's:';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's user, once looked up for this request (null: no live session). */
    sessionUserId?: string | null;
  }
}

/**
 * The session cookie and its server-side session. Nothing is read until someone asks: a request
 * with a bearer token, a public endpoint or a static file never touches the session store.
 * Ids are 192 random bits, signed with SESSION_SECRET; a login gets a new id and the old session
 * is destroyed (no fixation); a session lives SESSION_TTL_SECONDS from login, not extended by use.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly config: AppConfig,
  ) {}

  /** The user of the request's session, or null (no cookie, bad signature, unknown or expired). */
  async userIdOf(req: FastifyRequest): Promise<string | null> {
    if (req.sessionUserId !== undefined) return req.sessionUserId;
    const sid = this.sessionIdOf(req);
    req.sessionUserId = sid ? await this.store.userIdOf(sid) : null;
    return req.sessionUserId;
  }

  /** Logs `userId` in: a fresh session id, the previous session (if any) destroyed. */
  async start(req: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
    const previous = this.sessionIdOf(req);
    if (previous) await this.store.destroy(previous);
    const sid = randomBytes(24).toString('base64url');
    const expires = new Date(Date.now() + this.config.SESSION_TTL_SECONDS * 1000);
    const cookie = { httpOnly: true, secure: this.config.COOKIE_SECURE, sameSite: 'lax' as const, path: '/' };
    await this.store.create(sid, userId, expires, cookie);
    reply.setCookie(SESSION_COOKIE, `${PREFIX}${this.sign(sid)}`, { ...cookie, expires, maxAge: this.config.SESSION_TTL_SECONDS });
    req.sessionUserId = userId;
  }

  /** Destroys the session server-side and clears the cookie. */
  async end(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const sid = this.sessionIdOf(req);
    if (sid) await this.store.destroy(sid);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    req.sessionUserId = null;
  }

  /** The session id of a correctly signed cookie, else undefined. */
  private sessionIdOf(req: FastifyRequest): string | undefined {
    const value = req.cookies[SESSION_COOKIE];
    if (!value?.startsWith(PREFIX)) return undefined;
    const signed = value.slice(PREFIX.length);
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const sid = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1));
    const expected = Buffer.from(this.signature(sid));
    return given.length === expected.length && timingSafeEqual(given, expected) ? sid : undefined;
  }

  private sign(sid: string): string {
    return `${sid}.${this.signature(sid)}`;
  }

  private signature(sid: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET).update(sid).digest('base64').replace(/=+$/, '');
  }
}
