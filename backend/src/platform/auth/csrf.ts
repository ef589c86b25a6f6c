import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN = /^[A-Za-z0-9_-]{32,}$/;

/**
 * Double-submit CSRF: every response to a client without a token cookie sets `XSRF-TOKEN`
 * (readable by scripts, as Angular expects). The check itself runs in the authentication guard,
 * because it applies only to requests authenticated by the session cookie. A request with an
 * Authorization header is an API client, which is never cookie-authenticated: it gets no cookie.
 * An onRequest hook (configure-app), so every answer carries it, the app's pages included.
 */
export function issueXsrfCookie(secure: boolean) {
  return (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (req.headers.authorization === undefined) {
      const existing = req.cookies[XSRF_COOKIE];
      if (!existing || !TOKEN.test(existing)) {
        reply.setCookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), { httpOnly: false, sameSite: 'lax', secure, path: '/' });
      }
    }
    done();
  };
}

export function csrfHeaderMatches(req: FastifyRequest): boolean {
  const cookie = req.cookies[XSRF_COOKIE];
  const header = req.headers[XSRF_HEADER];
  if (!cookie || typeof header !== 'string') return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
