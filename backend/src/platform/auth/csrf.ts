import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE, sessionIdOfCookie } from './session-cookie';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN = /^[A-Za-z0-9_-]{32,}$/;

/**
 * Double-submit CSRF with the token bound to the session: a logged-in browser's `XSRF-TOKEN` is
 * an HMAC of its session id (key derived from SESSION_SECRET), so a token from before the login,
 * from another session or made up does not pass, even when header and cookie agree. Anonymous
 * visitors get a random one (nothing to protect yet; login replaces it). Stateless, so every
 * instance with the same secret agrees. The check itself runs in the authentication guard,
 * because it applies only to requests authenticated by the session cookie.
 */
export class XsrfTokens {
  private readonly key: Buffer;

  constructor(
    private readonly secret: string,
    private readonly secure: boolean,
  ) {
    this.key = createHmac('sha256', secret).update('bw:xsrf-token').digest();
  }

  /** The token bound to session `sid`. */
  forSession(sid: string): string {
    return createHmac('sha256', this.key).update(sid).digest('base64url');
  }

  /** Sets the `XSRF-TOKEN` cookie (readable by scripts, as Angular expects): the session's, or a fresh unbound one. */
  issue(reply: FastifyReply, sid?: string): void {
    const token = sid === undefined ? randomBytes(32).toString('base64url') : this.forSession(sid);
    reply.setCookie(XSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure: this.secure, path: '/' });
  }

  /** Whether a cookie-authenticated write of session `sid` carries its token, in the header and the cookie. */
  accepts(req: FastifyRequest, sid: string): boolean {
    const header = req.headers[XSRF_HEADER];
    const expected = Buffer.from(this.forSession(sid));
    return typeof header === 'string' && same(header, expected) && same(req.cookies[XSRF_COOKIE] ?? '', expected);
  }

  /**
   * onRequest hook (configure-app), so every answer can carry the cookie, the app's pages and
   * error answers included: a client without a token gets one, and a browser whose session's
   * token differs from its cookie (a stale tab, a token from before the login) gets the right
   * one, so its next write passes. Needs only the cookie's signature, never the session store. A
   * request with an Authorization header is an API client, never cookie-authenticated: no cookie.
   */
  readonly onRequest = (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (req.headers.authorization === undefined) {
      const sid = sessionIdOfCookie(req.cookies[SESSION_COOKIE], this.secret);
      const existing = req.cookies[XSRF_COOKIE];
      if (sid !== undefined ? existing !== this.forSession(sid) : !existing || !TOKEN.test(existing))
        this.issue(reply, sid);
    }
    done();
  };
}

/** The hook that issues and repairs `XSRF-TOKEN` cookies (see XsrfTokens.onRequest). */
export function issueXsrfCookie(config: { SESSION_SECRET: string; COOKIE_SECURE: boolean }) {
  return new XsrfTokens(config.SESSION_SECRET, config.COOKIE_SECURE).onRequest;
}

function same(given: string, expected: Buffer): boolean {
  const a = Buffer.from(given);
  return a.length === expected.length && timingSafeEqual(a, expected);
}
