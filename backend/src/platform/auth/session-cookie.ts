import { createHmac, timingSafeEqual } from 'node:crypto';

/** The session cookie's name. */
export const SESSION_COOKIE = 'bw.sid';

/** The cookie's value is express-session's: `s:<id>.<HMAC-SHA256 of the id, base64>`. */
const PREFIX = 's:';

/** The cookie value that carries session `sid`, signed with `secret`. */
export function signedSessionCookie(sid: string, secret: string): string {
  return `${PREFIX}${sid}.${signature(sid, secret)}`;
}

/** The session id of a correctly signed cookie value, else undefined. */
export function sessionIdOfCookie(value: string | undefined, secret: string): string | undefined {
  if (!value?.startsWith(PREFIX)) return undefined;
  const signed = value.slice(PREFIX.length);
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const sid = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(signature(sid, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? sid : undefined;
}

function signature(sid: string, secret: string): string {
  return createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
}
