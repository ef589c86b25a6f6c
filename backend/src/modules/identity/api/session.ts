import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { XsrfTokens } from '../../../platform/auth/csrf';
import { SESSION_COOKIE, sessionIdOfCookie, signedSessionCookie } from '../../../platform/auth/session-cookie';
import { NewSession, SessionStore } from '../application/session-store';

export { SESSION_COOKIE };

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
 * Starting and ending a session also renews the XSRF-TOKEN cookie: bound to the new session at
 * login, a fresh unbound one at logout.
 */
@Injectable()
export class Sessions {
  private readonly xsrf: XsrfTokens;

  constructor(
    private readonly store: SessionStore,
    private readonly config: AppConfig,
  ) {
    this.xsrf = new XsrfTokens(config.SESSION_SECRET, config.COOKIE_SECURE);
  }

  /** The user of the request's session, or null (no cookie, bad signature, unknown or expired). */
  async userIdOf(req: FastifyRequest): Promise<string | null> {
    if (req.sessionUserId !== undefined) return req.sessionUserId;
    const sid = this.sessionIdOf(req);
    req.sessionUserId = sid ? await this.store.userIdOf(sid) : null;
    return req.sessionUserId;
  }

  /** Logs `userId` in: a fresh session id, the previous session (if any) destroyed. */
  async start(req: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
    const session = { ...this.issue(req), userId };
    await this.store.create(session);
    this.deliver(req, reply, session);
  }

  /**
   * A fresh session, not stored yet, replacing the request's: a sign-up stores it in the same
   * transaction as the user (SessionStore.createIn), then `deliver`s it.
   */
  issue(req: FastifyRequest): Omit<NewSession, 'userId'> {
    const sid = randomBytes(24).toString('base64url');
    const expires = new Date(Date.now() + this.config.SESSION_TTL_SECONDS * 1000);
    const cookie = { httpOnly: true, secure: this.config.COOKIE_SECURE, sameSite: 'lax' as const, path: '/' };
    return { sid, expires, cookie, replaces: this.sessionIdOf(req) };
  }

  /** Sets the cookie of a stored session and the XSRF-TOKEN bound to it. */
  deliver(req: FastifyRequest, reply: FastifyReply, session: NewSession): void {
    reply.setCookie(SESSION_COOKIE, signedSessionCookie(session.sid, this.config.SESSION_SECRET), {
      ...session.cookie,
      expires: session.expires,
      maxAge: this.config.SESSION_TTL_SECONDS,
    });
    this.xsrf.issue(reply, session.sid);
    req.sessionUserId = session.userId;
  }

  /** Destroys the session server-side and clears the cookie. */
  async end(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const sid = this.sessionIdOf(req);
    if (sid) await this.store.destroy(sid);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    this.xsrf.issue(reply);
    req.sessionUserId = null;
  }

  /** Whether a write authenticated by this request's session carries the session's CSRF token. */
  csrfTokenValid(req: FastifyRequest): boolean {
    const sid = this.sessionIdOf(req);
    return sid !== undefined && this.xsrf.accepts(req, sid);
  }

  /** The session id of a correctly signed cookie, else undefined. */
  private sessionIdOf(req: FastifyRequest): string | undefined {
    return sessionIdOfCookie(req.cookies[SESSION_COOKIE], this.config.SESSION_SECRET);
  }
}
