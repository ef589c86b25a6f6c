import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Double-submit CSRF: every response to a client without a token cookie sets `XSRF-TOKEN`
 * (readable by scripts, as Angular expects). The check itself runs in the authentication guard,
 * because it applies only to requests authenticated by the session cookie. A request with an
 * Authorization header is an API client, which is never cookie-authenticated: it gets no cookie.
 */
export function xsrfCookieMiddleware(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== undefined) return next();
    const existing = readCookie(req, XSRF_COOKIE);
    if (!existing || !/^[A-Za-z0-9_-]{32,}$/.test(existing)) {
      res.cookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), { httpOnly: false, sameSite: 'lax', secure, path: '/' });
    }
    next();
  };
}

export function csrfHeaderMatches(req: Request): boolean {
  const cookie = readCookie(req, XSRF_COOKIE);
  const header = req.headers[XSRF_HEADER];
  if (!cookie || typeof header !== 'string') return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
